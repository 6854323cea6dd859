import type { Target } from '@shared/api/authorize';
import type { ErrorCode } from '@shared/constants/errors';
import type { AgreementFacts } from '@shared/contract/agreement';
import type { SigningChannel } from '@shared/contract/channel';
import { DEFAULT_CONTRACT_CONFIG } from '@shared/contract/config';
import type { TContract } from '@shared/contract/model';
import type { ContractDoc } from '@shared/db/schemas/contracts';
import type { OutboxMessage } from '@shared/db/schemas/outbox';
import type { Quote } from '@shared/fees/split';
import { shanghaiDay } from '@shared/time';
import * as contracts from '../../_data/contracts.repo';
import type { SigningFacts } from '../../_data/residents.repo';
import * as residents from '../../_data/residents.repo';
import * as servicePackages from '../../_data/servicePackages.repo';
import type { TeamRecord } from '../../_data/teams.repo';
import * as teams from '../../_data/teams.repo';
import * as uploads from '../../_data/uploads.repo';
import type { Database } from '../../_lib/db';
import { refuse } from '../../_lib/errors';
import type { HandlerContext } from '../../_lib/guard';
import { FileStore } from './files';
import { isSignaturePng, sealAgreement, sha256 } from './seal';

/** The data-layer reads the contract handlers use, bound to one database handle. */
export const repos = (ctx: { db: Database }) => {
  const { db } = ctx;
  return {
    contracts: {
      byId: (id: string) => contracts.findById(db, id),
      ofResident: (residentId: string) => contracts.ofResident(db, residentId),
      ofResidents: (ids: readonly string[]) => contracts.ofResidents(db, ids),
      liveCount: (teamId: string) => contracts.liveCount(db, teamId),
      liveCounts: (teamIds: readonly string[]) => contracts.liveCounts(db, teamIds),
      page: (where: Parameters<typeof contracts.page>[1], offset: number, limit: number) =>
        contracts.page(db, where, offset, limit),
    },
    teams: { all: () => teams.directory(db), byId: (id: string) => teams.recordById(db, id) },
    packages: {
      all: () => servicePackages.all(db),
      pick: (ids: readonly string[]) => servicePackages.pick(db, ids),
    },
    residents: { byId: (id: string) => residents.signingFacts(db, id) },
    files: new FileStore(),
    db,
  };
};
export type Repos = ReturnType<typeof repos>;

/** Unwraps a domain Result or refuses with its stable code. */
export const must = <T>(r: { ok: true; value: T } | { ok: false; code: ErrorCode }): T =>
  r.ok ? r.value : refuse(r.code);

/** Where a contract sits, for the guard's scope check. */
export const targetOf = (
  c: Pick<ContractDoc, 'residentId' | 'teamId' | 'institutionId' | 'gridId'>,
  team?: TeamRecord,
): Target => ({
  residentId: c.residentId,
  teamId: c.teamId,
  institutionId: c.institutionId,
  ...(c.gridId !== undefined ? { gridId: c.gridId } : {}),
  ...(team?.districtId !== undefined ? { districtId: team.districtId } : {}),
});

/** Loads a contract and checks the caller may act on it; unknown → CONTRACT_NOT_FOUND. */
export const loadContract = async (ctx: HandlerContext, r: Repos, id: string) => {
  const c = await r.contracts.byId(id);
  if (!c) return refuse('CONTRACT_NOT_FOUND');
  const team = await r.teams.byId(c.teamId);
  ctx.authorize(targetOf(c, team));
  return { contract: c, team };
};

/**
 * Loads a resident the caller acts for; an unknown id answers like one out of reach. The target
 * is built from stored records only: the resident's own id and grid, and a team only when that
 * team's stored service area covers the resident's stored village — so a doctor reaches the
 * residents their own team serves, and naming their own team for a stranger reaches nothing.
 */
export const loadResident = async (ctx: HandlerContext, r: Repos, residentId: string, team?: TeamRecord) => {
  const resident = await r.residents.byId(residentId);
  if (!resident) return refuse('OUT_OF_SCOPE');
  const serves =
    team !== undefined && resident.villageId !== undefined && team.serviceArea.includes(resident.villageId);
  ctx.authorize({
    residentId: resident.residentId,
    ...(resident.gridId !== undefined ? { gridId: resident.gridId } : {}),
    ...(serves ? { teamId: team.teamId, institutionId: team.institutionId } : {}),
  });
  if (!resident.verified) refuse('NOT_VERIFIED');
  return resident;
};

/** Only the team's leader (a doctor) or an admin of its institution decides on a request. */
export const assertMayDecide = async (ctx: HandlerContext, team: TeamRecord | undefined) => {
  if (ctx.caller.role === 'institution_admin') return;
  // The guard resolved the caller's staff record already: leadership costs no extra read.
  const staffId = ctx.caller.staffId;
  if (!team || staffId === undefined || team.leaderStaffId !== staffId) refuse('NOT_TEAM_LEADER');
};

/** The contract id for one submit: a retry with the same client request id maps to the same id. */
export const contractIdFor = (residentId: string, requestId: string): string =>
  `c_${sha256(`${residentId}:${requestId}`).slice(0, 24)}`;

/** Jurisdiction on the server (POLICY: own jurisdiction); capacity is decided in openRequest. */
export const checkJurisdiction = (team: TeamRecord, resident: SigningFacts): void => {
  if (resident.villageId === undefined || !team.serviceArea.includes(resident.villageId))
    refuse('OUT_OF_JURISDICTION');
};

/** How long an uploaded signature may wait for the request it signs. */
export const SIGNATURE_UPLOAD_TTL_MS = 30 * 60_000;

/**
 * Loads the signature image for a request by `signer` (a user id): it must be a signature the
 * server recorded as uploaded by that same user (contract.uploadSignature), within the last
 * SIGNATURE_UPLOAD_TTL_MS, with the bytes it recorded, and a PNG. Anything else — another
 * person's signature, a file put in storage some other way, an old one — is SIGNATURE_INVALID
 * (issue 11: any stored PNG used to pass).
 */
export const loadSignature = async (r: Repos, fileId: string, signer: string, now: Date): Promise<Buffer> => {
  const up = await uploads.findByFileId(r.db, fileId);
  const age = up ? now.getTime() - new Date(up.createdAt).getTime() : Number.POSITIVE_INFINITY;
  if (up?.kind !== 'signature' || up.ownerUserId !== signer || age < 0 || age > SIGNATURE_UPLOAD_TTL_MS)
    refuse('SIGNATURE_INVALID');
  const bytes = await r.files.download(fileId);
  return isSignaturePng(bytes) && sha256(bytes) === up.sha256 ? bytes : refuse('SIGNATURE_INVALID');
};

/**
 * The tail every new request shares (sign, renew, changeTeam): load and check the signer's own
 * signature upload, then seal the agreement over it.
 */
export const sealRequest = async (
  r: Repos,
  a: Omit<Parameters<typeof sealedDoc>[0], 'signature'>,
): Promise<ContractDoc> =>
  sealedDoc({ ...a, signature: await loadSignature(r, a.signatureFileId, a.contract.signedBy, a.now) });

/** Everything a new request stores besides the state-machine fields. */
export const sealedDoc = (a: {
  contract: TContract;
  requestId: string;
  channel: SigningChannel;
  resident: SigningFacts;
  team: TeamRecord;
  fee: Quote;
  signatureFileId: string;
  signature: Buffer;
  now: Date;
}): ContractDoc => {
  const leader = a.team.members.find((m) => m.staffId === a.team.leaderStaffId);
  const facts: AgreementFacts = {
    contractId: a.contract._id,
    kind: a.contract.kind,
    resident: {
      residentId: a.resident.residentId,
      name: a.resident.name,
      maskedIdNumber: a.resident.maskedIdNumber,
    },
    team: { teamId: a.team.teamId, name: a.team.name, leaderName: leader?.name ?? '' },
    institution: { institutionId: a.team.institutionId, name: a.team.institutionName },
    packages: a.fee.lines,
    signedOn: shanghaiDay(a.now),
    ...(a.contract.requestedStart !== undefined ? { requestedStart: a.contract.requestedStart } : {}),
    termMonths: DEFAULT_CONTRACT_CONFIG.termMonths,
    channel: a.channel,
  };
  const seal = sealAgreement(facts, a.signature);
  return {
    ...a.contract,
    requestId: a.requestId,
    channel: a.channel,
    residentName: a.resident.name,
    teamName: a.team.name,
    fee: a.fee,
    signatureFileId: a.signatureFileId,
    ...seal,
    ...(a.resident.gridId !== undefined ? { gridId: a.resident.gridId } : {}),
  };
};

/** A message to the resident about their contract, for the transactional outbox (dedupe key = `_id`). */
export const contractMessage = (
  c: Pick<ContractDoc, '_id' | 'residentId'>,
  event: 'confirmed' | 'rejected',
  m: { title: string; body: string; data: Record<string, string> },
): OutboxMessage => ({
  _id: `contract:${c._id}:${event}`,
  kind: `contract.${event}`,
  template: 'contractConfirmed',
  to: { residentId: c.residentId },
  title: m.title,
  body: m.body,
  data: m.data,
  page: 'pages/contract/index',
  ref: { kind: 'contract', id: c._id },
});
