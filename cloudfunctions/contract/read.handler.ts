import type { mine, pdf, TContractPdfInput, TMyContractsInput } from '@shared/api/contract';
import type {
  pendingList,
  TPendingListInput,
  TTeamContractsInput,
  TVerifyContractInput,
  teamContracts,
  verify,
} from '@shared/api/contractStaff';
import type { OutputOf } from '@shared/api/define';
import { renderAgreement } from '@shared/contract/agreement';
import { effectiveStatus } from '@shared/contract/status';
import { ageOn, shanghaiDay } from '@shared/time';
import * as residents from '../_data/residents.repo';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { loadContract, repos } from './support/common';
import { CONTRACT_STATUS_LABELS } from './support/labels';
import { renderContractPdf } from './support/pdf/render';
import { isSignaturePng, resealStored, sha256 } from './support/seal';
import { contractView } from './support/view';

/** The caller's and their family's contracts, newest first, status as of now. */
export async function mineHandler({
  ctx,
}: {
  ctx: HandlerContext;
  input: TMyContractsInput;
}): Promise<OutputOf<typeof mine>> {
  const r = repos(ctx);
  const ids = [ctx.caller.residentId, ...(ctx.caller.familyResidentIds ?? [])].filter(
    (x): x is string => x !== undefined,
  );
  if (ctx.caller.residentId !== undefined) ctx.authorize({ residentId: ctx.caller.residentId });
  else ctx.authorize({ userId: ctx.caller.userId ?? '' });
  const [list, teams] = await Promise.all([r.contracts.ofResidents(ids), r.teams.all()]);
  return { contracts: list.map((c) => contractView(c, ctx.now, teams.get(c.teamId))), total: list.length };
}

/** Requests waiting for a decision: a doctor's teams (or one of them), or an admin's institution. */
export async function pendingListHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TPendingListInput;
}): Promise<OutputOf<typeof pendingList>> {
  const r = repos(ctx);
  const _ = ctx.db.command;
  let where: { teamId?: unknown; institutionId?: string; status: string };
  if (ctx.caller.role === 'institution_admin') {
    ctx.authorize({ institutionId: ctx.caller.institutionId ?? '' });
    where = { institutionId: ctx.caller.institutionId ?? '', status: 'pending' };
    if (input.teamId !== undefined) {
      // A named team is checked on its stored institution: another institution's team is refused,
      // not answered with an empty page (issue 11).
      const team = await r.teams.byId(input.teamId);
      ctx.authorize({ institutionId: team?.institutionId ?? '' });
      where.teamId = input.teamId;
    }
  } else {
    const teams = input.teamId !== undefined ? [input.teamId] : [...(ctx.caller.teamIds ?? [])];
    for (const teamId of teams) ctx.authorize({ teamId });
    if (teams.length === 0) ctx.authorize({ teamId: '' });
    where = { teamId: _.in(teams), status: 'pending' };
  }
  const [page, all] = await Promise.all([
    r.contracts.page(where, input.page.offset, input.page.limit),
    r.teams.all(),
  ]);
  // The reviewer sees who is asking at a glance: age and key-population tags (one request per page).
  const today = shanghaiDay(ctx.now);
  const people = new Map(
    (
      await residents.findMany(
        ctx.db,
        page.contracts.map((c) => c.residentId),
        ['birthDate', 'tags'],
      )
    ).map((p) => [p._id, p]),
  );
  return {
    contracts: page.contracts.map((c) => {
      const p = people.get(c.residentId);
      return {
        ...contractView(c, ctx.now, all.get(c.teamId)),
        ...(p?.birthDate
          ? {
              residentAge: ageOn(p.birthDate, today),
              residentTags: residents.tagsOn({ storedTags: p.tags ?? [], birthDate: p.birthDate }, today),
            }
          : {}),
      };
    }),
    total: page.total,
  };
}

/** A team's roster by effective status (stored status narrowed, then effective status applied). */
export async function teamContractsHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TTeamContractsInput;
}): Promise<OutputOf<typeof teamContracts>> {
  const r = repos(ctx);
  const team = (await r.teams.byId(input.teamId)) ?? refuse('TEAM_NOT_FOUND');
  ctx.authorize({
    teamId: team.teamId,
    institutionId: team.institutionId,
    ...(team.districtId !== undefined ? { districtId: team.districtId } : {}),
  });
  const _ = ctx.db.command;
  // Effective statuses come from stored ones: upcoming/expired are stored active; active may be superseded.
  const stored: Record<string, string[]> = {
    active: ['active', 'superseded'],
    upcoming: ['active'],
    expired: ['active', 'expired'],
    superseded: ['superseded'],
  };
  const where =
    input.status === undefined
      ? { teamId: team.teamId }
      : { teamId: team.teamId, status: _.in(stored[input.status] ?? [input.status]) };
  const page = await r.contracts.page(where, input.page.offset, input.page.limit);
  const views = page.contracts.map((c) => contractView(c, ctx.now, team));
  const filtered = input.status === undefined ? views : views.filter((v) => v.status === input.status);
  return { contracts: filtered, total: input.status === undefined ? page.total : filtered.length };
}

/** Is this contract live now, and do its stored agreement and signature still match the seal? */
export async function verifyHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TVerifyContractInput;
}): Promise<OutputOf<typeof verify>> {
  const r = repos(ctx);
  const { contract: c } = await loadContract(ctx, r, input.contractId);
  const status = effectiveStatus(c, ctx.now);
  const bytes = await r.files.download(c.signatureFileId);
  const intact =
    bytes !== undefined &&
    sha256(bytes) === c.signatureSha256 &&
    resealStored(c.agreement, c.signatureSha256).verificationCode === c.verificationCode;
  return {
    live: status === 'active',
    status,
    teamName: c.teamName,
    ...(c.startDate !== undefined ? { startDate: c.startDate } : {}),
    ...(c.endDate !== undefined ? { endDate: c.endDate } : {}),
    verificationCode: c.verificationCode,
    intact,
  };
}

/** Renders the signed contract as a PDF into storage and answers a download URL. */
export async function pdfHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TContractPdfInput;
}): Promise<OutputOf<typeof pdf>> {
  const r = repos(ctx);
  const { contract: c } = await loadContract(ctx, r, input.contractId);
  const signature = await r.files.download(c.signatureFileId);
  if (!isSignaturePng(signature)) return refuse('SIGNATURE_INVALID');
  const status = effectiveStatus(c, ctx.now);
  const bytes = await renderContractPdf({
    contractId: c._id,
    sections: renderAgreement(c.agreement),
    statusLabel: CONTRACT_STATUS_LABELS[status],
    ...(c.startDate !== undefined ? { startDate: c.startDate } : {}),
    ...(c.endDate !== undefined ? { endDate: c.endDate } : {}),
    verificationCode: c.verificationCode,
    signaturePng: signature,
    totalResidentFen: c.fee.total.residentFen,
  });
  const up = await r.files.upload(`contracts/${c._id}/${status}-${c.verificationCode}.pdf`, bytes);
  return { fileId: up.fileId, downloadUrl: up.url, verificationCode: c.verificationCode };
}
