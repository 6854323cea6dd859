import { failure, type Result, success } from '../api/result';
import { addDays, addMonths, type Day, maxDay, minDay, shanghaiDay } from '../time';
import { DEFAULT_CONTRACT_CONFIG, type TContractConfig } from './config';
import type { TContract, TerminationReason } from './model';
import { effectiveStatusOn, isLiveOrUpcomingOn, renewalWindow, termOf } from './status';

/**
 * The contract state machine (POLICY.md "The contract", source 000). Every function is pure, takes
 * `now`, and returns the new contract(s) or a typed error for an illegal move; siblings are the
 * resident's other contracts, which the handler loads so "one team at a time" can be checked.
 *
 *   request* → pending ─confirm→ active ─expire→ expired
 *                 │                  ├─terminate(reason)→ terminated
 *                 ├─reject→ rejected └─(another confirmed)→ superseded
 *                 └─withdraw→ withdrawn
 */
type Base = { now: Date; cfg?: TContractConfig };
type NewRequest = Base & {
  id: string;
  residentId: string;
  teamId: string;
  institutionId: string;
  packageIds: string[];
  signedBy: string;
  requestedStart?: Day;
  siblings: readonly TContract[];
};

// A chosen start must be today … today + 1 month: signing on 2026-01-31 allows up to 2026-02-28.
const checkStart = (requested: Day | undefined, today: Day, cfg: TContractConfig) => {
  if (requested === undefined) return null;
  if (requested < today) return failure('START_IN_PAST');
  if (requested > addMonths(today, cfg.maxStartAheadMonths)) return failure('START_TOO_LATE');
  return null;
};

const hasPending = (siblings: readonly TContract[]) => siblings.some((s) => s.status === 'pending');

const pendingFrom = (r: NewRequest, kind: TContract['kind']): TContract => ({
  _id: r.id,
  residentId: r.residentId,
  teamId: r.teamId,
  institutionId: r.institutionId,
  packageIds: r.packageIds,
  kind,
  status: 'pending',
  signedAt: r.now,
  signedBy: r.signedBy,
  ...(r.requestedStart !== undefined ? { requestedStart: r.requestedStart } : {}),
});

/** A first signing: refused while another contract is pending, live or upcoming (one team at a time). */
export const requestContract = (r: NewRequest): Result<TContract> => {
  const cfg = r.cfg ?? DEFAULT_CONTRACT_CONFIG;
  const today = shanghaiDay(r.now);
  if (hasPending(r.siblings)) return failure('ALREADY_PENDING');
  if (r.siblings.some((s) => isLiveOrUpcomingOn(s, today))) return failure('ALREADY_SIGNED');
  return checkStart(r.requestedStart, today, cfg) ?? success(pendingFrom(r, 'new'));
};

/** Re-signing with another team (POLICY: changing team means signing again); the old one ends on confirmation. */
export const requestTeamChange = (source: TContract, r: NewRequest): Result<TContract> => {
  const cfg = r.cfg ?? DEFAULT_CONTRACT_CONFIG;
  const today = shanghaiDay(r.now);
  if (!isLiveOrUpcomingOn(source, today)) return failure('ILLEGAL_TRANSITION');
  if (source.teamId === r.teamId) return failure('SAME_TEAM');
  if (hasPending(r.siblings)) return failure('ALREADY_PENDING');
  const bad = checkStart(r.requestedStart, today, cfg);
  return bad ?? success({ ...pendingFrom(r, 'change'), changedFrom: source._id });
};

/**
 * Renewal with the same team inside the window: 30 days before endDate to 30 days after.
 * Example: term ends 2027-03-01 → renew from 2027-01-30 to 2027-03-31; the new term starts
 * 2027-03-02 (or on confirmation if that is later).
 */
export const requestRenewal = (
  source: TContract,
  r: Base & { id: string; signedBy: string; siblings: readonly TContract[]; packageIds?: string[] },
): Result<TContract> => {
  const cfg = r.cfg ?? DEFAULT_CONTRACT_CONFIG;
  const today = shanghaiDay(r.now);
  const status = effectiveStatusOn(source, today);
  if (source.status !== 'active' && source.status !== 'expired') return failure('ILLEGAL_TRANSITION');
  const w = renewalWindow(source, cfg);
  if (w === null || status === 'upcoming' || today < w.start || today > w.end)
    return failure('NOT_IN_RENEWAL_WINDOW');
  if (hasPending(r.siblings)) return failure('ALREADY_PENDING');
  if (r.siblings.some((s) => s._id !== source._id && isLiveOrUpcomingOn(s, today)))
    return failure('ALREADY_SIGNED');
  const requestedStart = maxDay(today, addDays(source.endDate ?? today, 1));
  return success({
    ...pendingFrom(
      {
        ...r,
        residentId: source.residentId,
        teamId: source.teamId,
        institutionId: source.institutionId,
        packageIds: r.packageIds ?? source.packageIds,
        requestedStart,
      },
      'renewal',
    ),
    renewedFrom: source._id,
  });
};

/**
 * The institution confirms (盖章后生效): the term starts on the later of today and the chosen
 * start (a renewal never before its source ends), runs termMonths, and every other contract of
 * the resident still serving on or after that start is superseded the day before it.
 */
export const confirmContract = (
  c: TContract,
  r: Base & { by: string; siblings: readonly TContract[] },
): Result<{ contract: TContract; superseded: TContract[] }> => {
  if (c.status !== 'pending') return failure('ILLEGAL_TRANSITION');
  const cfg = r.cfg ?? DEFAULT_CONTRACT_CONFIG;
  const today = shanghaiDay(r.now);
  let start = maxDay(today, c.requestedStart ?? today);
  const source = r.siblings.find((s) => s._id === c.renewedFrom && s.status === 'active');
  if (source?.endDate !== undefined && source.teamId === c.teamId)
    start = maxDay(start, addDays(source.endDate, 1));
  const term = termOf(start, cfg);
  const contract: TContract = {
    ...c,
    status: 'active',
    confirmedAt: r.now,
    confirmedBy: r.by,
    startDate: term.start,
    endDate: term.end,
  };
  const superseded = r.siblings
    .filter((s) => s._id !== c._id && (s.status === 'active' || s.status === 'superseded'))
    .filter((s) => (s.endDate ?? '') >= start)
    .map(
      (s): TContract => ({
        ...s,
        status: 'superseded',
        endDate: minDay(s.endDate ?? start, addDays(start, -1)),
        supersededAt: s.supersededAt ?? r.now,
        supersededBy: c._id,
      }),
    );
  return success({ contract, superseded });
};

/** The institution refuses a pending request; a reason is required (Simple: cancellation needs a reason). */
export const rejectContract = (c: TContract, r: Base & { reason: string }): Result<TContract> => {
  if (c.status !== 'pending') return failure('ILLEGAL_TRANSITION');
  const reason = r.reason.trim();
  if (reason === '') return failure('REASON_REQUIRED');
  return success({ ...c, status: 'rejected', rejectedAt: r.now, rejectReason: reason });
};

/** The resident withdraws a request before it is confirmed. */
export const withdrawContract = (c: TContract, r: Base): Result<TContract> =>
  c.status === 'pending'
    ? success({ ...c, status: 'withdrawn', withdrawnAt: r.now })
    : failure('ILLEGAL_TRANSITION');

/** The nightly job records what effectiveStatus already shows: a term past its endDate is expired. */
export const expireContract = (c: TContract, r: Base): Result<TContract> => {
  if (c.status !== 'active') return failure('ILLEGAL_TRANSITION');
  if (effectiveStatusOn(c, shanghaiDay(r.now)) !== 'expired') return failure('NOT_YET_EXPIRED');
  return success({ ...c, status: 'expired', expiredAt: r.now });
};

/** Ends a confirmed contract early for a reason (moved away, deceased …); `other` needs a note. */
export const terminateContract = (
  c: TContract,
  r: Base & { reason: TerminationReason; note?: string },
): Result<TContract> => {
  if (c.status !== 'active' || effectiveStatusOn(c, shanghaiDay(r.now)) === 'expired')
    return failure('ILLEGAL_TRANSITION');
  const note = r.note?.trim() ?? '';
  if (r.reason === 'other' && note === '') return failure('REASON_REQUIRED');
  return success({
    ...c,
    status: 'terminated',
    terminatedAt: r.now,
    terminationReason: r.reason,
    ...(note !== '' ? { terminationNote: note } : {}),
  });
};
