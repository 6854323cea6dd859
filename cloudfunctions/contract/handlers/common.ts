import type { Target } from '@shared/api/authorize';
import type { ErrorCode } from '@shared/constants/errors';
import type { AgreementFacts } from '@shared/contract/agreement';
import type { SigningChannel } from '@shared/contract/channel';
import { DEFAULT_CONTRACT_CONFIG } from '@shared/contract/config';
import type { TContract } from '@shared/contract/model';
import type { Quote } from '@shared/fees/split';
import { shanghaiDay } from '@shared/time';
import * as uploads from '../../_data/uploads.repo';
import type { Database } from '../../_lib/db';
import { isDuplicateWrite, refuse } from '../../_lib/errors';
import type { HandlerContext } from '../../_lib/guard';
import { type ContractDoc, ContractRepository } from '../repositories/contracts';
import { FileRepository } from '../repositories/files';
import { OutboxRepository } from '../repositories/outbox';
import { PackageRepository } from '../repositories/packages';
import type { ResidentRecord } from '../repositories/residents';
import { ResidentRepository } from '../repositories/residents';
import type { TeamRecord } from '../repositories/teams';
import { TeamRepository } from '../repositories/teams';
import { isSignaturePng, sealAgreement, sha256 } from '../seal';

/** Repositories over the handler's database handle. */
export const repos = (ctx: HandlerContext) => ({
  contracts: new ContractRepository(ctx.db),
  teams: new TeamRepository(ctx.db),
  packages: new PackageRepository(ctx.db),
  residents: new ResidentRepository(ctx.db),
  outbox: new OutboxRepository(ctx.db),
  files: new FileRepository(),
  db: ctx.db,
});
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

/**
 * Jurisdiction and capacity on the server (POLICY: own jurisdiction; team capacity). Returns the
 * team's live count, which becomes the seat the request claims (insertSeated).
 */
export const checkTeamFor = async (r: Repos, team: TeamRecord, resident: ResidentRecord): Promise<number> => {
  if (resident.villageId === undefined || !team.serviceArea.includes(resident.villageId))
    refuse('OUT_OF_JURISDICTION');
  const live = await r.contracts.liveCount(team.teamId);
  if (live >= team.capacity) refuse('TEAM_FULL');
  return live;
};

const SEAT_ATTEMPTS = 4;
const lowestFree = (taken: Set<number>): number => {
  let s = 0;
  while (taken.has(s)) s++;
  return s;
};

/**
 * Inserts a request that takes a place in the team. The count alone is a check-then-write: two
 * signers for the last place would both pass. So the request also claims seat number `live` under
 * a unique (teamId, seat) index over live contracts: racers that read the same count claim the
 * same seat and only one insert wins; the loser re-counts (TEAM_FULL when the team is now full).
 * A clash with an older seat (holes left by withdrawn contracts) moves to the lowest free seat.
 * The happy path costs no extra request: the count comes from checkTeamFor.
 */
export const insertSeated = async (
  r: Repos,
  doc: ContractDoc,
  team: TeamRecord,
  live: number,
): Promise<ContractDoc> => {
  let seat = live;
  for (let attempt = 0; attempt < SEAT_ATTEMPTS; attempt++) {
    const seated = { ...doc, seat };
    try {
      await r.contracts.insert(seated);
      return seated;
    } catch (e) {
      if (!isDuplicateWrite(e)) throw e;
      const same = await r.contracts.byId(doc._id);
      if (same) return same;
      if (!(await r.contracts.seatTaken(team.teamId, seat))) refuse('CONTRACT_EXISTS');
    }
    const now = await r.contracts.liveCount(team.teamId);
    if (now >= team.capacity) refuse('TEAM_FULL');
    // Someone else got in: the next seat is the new count; otherwise the clash was with a hole.
    seat = now > live ? now : lowestFree(await r.contracts.liveSeats(team.teamId));
    live = now;
  }
  return refuse('TEAM_FULL');
};

/** How long an uploaded signature may wait for the request it signs. */
export const SIGNATURE_UPLOAD_TTL_MS = 30 * 60_000;

/**
 * Loads the signature image for a request by `signer` (a user id): it must be a signature the
 * server recorded as uploaded by that same user (contract.uploadSignature), within the last
 * SIGNATURE_UPLOAD_TTL_MS, with the bytes it recorded, and a PNG. Anything else — another
 * person's signature, a file put in storage some other way, an old one — is SIGNATURE_INVALID.
 */
export const loadSignature = async (
  r: Repos,
  db: Database,
  fileId: string,
  signer: string,
  now: Date,
): Promise<Buffer> => {
  const up = await uploads.findByFileId(db, fileId);
  const age = up ? now.getTime() - new Date(up.createdAt).getTime() : Number.POSITIVE_INFINITY;
  if (!up || up.kind !== 'signature' || up.ownerUserId !== signer || age < 0 || age > SIGNATURE_UPLOAD_TTL_MS)
    refuse('SIGNATURE_INVALID');
  const bytes = await r.files.download(fileId);
  return isSignaturePng(bytes) && sha256(bytes) === up.sha256 ? bytes : refuse('SIGNATURE_INVALID');
};

/**
 * The tail every new request shares (sign, renew, changeTeam): download and check the signature
 * image, then seal the agreement over it.
 */
export const sealRequest = async (
  r: Repos,
  a: Omit<Parameters<typeof sealedDoc>[0], 'signature'>,
): Promise<ContractDoc> =>
  sealedDoc({
    ...a,
    signature: await loadSignature(r, r.db, a.signatureFileId, a.contract.signedBy, a.now),
  });

/** Everything a new request stores besides the state-machine fields. */
export const sealedDoc = (a: {
  contract: TContract;
  requestId: string;
  channel: SigningChannel;
  resident: ResidentRecord;
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

/**
 * Inserts a request. The unique pending index is the guard against two open requests: a clash
 * means either this very submit was retried (same request id → the stored contract is returned)
 * or another request won (CONTRACT_EXISTS).
 */
export const insertRequest = async (r: Repos, doc: ContractDoc): Promise<ContractDoc> => {
  try {
    await r.contracts.insert(doc);
    return doc;
  } catch (e) {
    if (!isDuplicateWrite(e)) throw e;
    const same = await r.contracts.byId(doc._id);
    return same ?? refuse('CONTRACT_EXISTS');
  }
};
