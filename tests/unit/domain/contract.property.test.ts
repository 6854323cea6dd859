import type { Result } from '@shared/api/result';
import { ERROR_CODES } from '@shared/constants/errors';
import {
  confirmContract,
  effectiveStatus,
  expireContract,
  isLiveOn,
  rejectContract,
  requestContract,
  requestRenewal,
  requestTeamChange,
  type TContract,
  TERMINATION_REASONS,
  terminateContract,
  withdrawContract,
} from '@shared/contract';
import { addDays, shanghaiDay } from '@shared/time';
import fc from 'fast-check';

/**
 * Model test: random sequences of every intent-named transition for one resident, with the clock
 * moving forward between steps. After each step: at most one pending request, at most one contract
 * live today, and no two confirmed terms overlapping (a superseded term cut short counts only up
 * to its new end). Every refused move must be a stable error code, never a throw.
 */
// A step is a resident move, then (often) the institution's decision on whatever is pending, so
// long chains such as change → confirm → change again → confirm are common.
const step = fc.record({
  op: fc.constantFrom('sign', 'sign', 'change', 'change', 'change', 'renew', 'terminate', 'expire', 'idle'),
  decision: fc.constantFrom('confirm', 'confirm', 'confirm', 'reject', 'withdraw', 'leave'),
  advance: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 120 })),
  decideAfter: fc.integer({ min: 0, max: 10 }),
  team: fc.constantFrom('t1', 't2', 't3'),
  startAhead: fc.option(fc.integer({ min: -3, max: 40 }), { nil: undefined }),
  pick: fc.nat(),
  reason: fc.constantFrom(...TERMINATION_REASONS),
});

const overlaps = (a: TContract, b: TContract) =>
  (a.startDate ?? '') <= (b.endDate ?? '') && (b.startDate ?? '') <= (a.endDate ?? '');
const nonEmptyTerm = (c: TContract) =>
  ['active', 'superseded', 'expired'].includes(c.status) && (c.startDate ?? '') <= (c.endDate ?? '');

describe('property: every legal transition sequence keeps the invariants', () => {
  it('at most one live contract per resident, one pending, no overlapping terms', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40, size: 'medium' }), (steps) => {
        // Start from a resident already signed with team t1 for 2026.
        let contracts: TContract[] = [
          {
            _id: 'c0',
            residentId: 'r1',
            teamId: 't1',
            institutionId: 'i1',
            packageIds: ['basic'],
            kind: 'new',
            status: 'active',
            signedAt: new Date('2025-12-20T04:00:00Z'),
            signedBy: 'u1',
            startDate: '2026-01-01',
            endDate: '2026-12-31',
          },
        ];
        let now = new Date('2026-01-05T04:00:00Z');
        let seq = 0;
        for (const s of steps) {
          now = new Date(now.getTime() + s.advance * 86_400_000);
          const today = shanghaiDay(now);
          const requestedStart = s.startAhead === undefined ? undefined : addDays(today, s.startAhead);
          const pool = contracts.filter((c) => c.status !== 'pending');
          const target = pool[s.pick % Math.max(pool.length, 1)];
          const replace = (updated: TContract[]) => {
            const byId = new Map(updated.map((c) => [c._id, c]));
            contracts = [...contracts.filter((c) => !byId.has(c._id)), ...updated];
          };
          const results: Result<unknown>[] = [];
          const one = (x: Result<TContract>) => {
            results.push(x);
            if (x.ok) replace([x.value]);
          };
          const newReq = {
            id: `c${++seq}`,
            residentId: 'r1',
            teamId: s.team,
            institutionId: 'i1',
            packageIds: ['basic'],
            signedBy: 'u1',
            siblings: contracts,
            now,
            ...(requestedStart !== undefined ? { requestedStart } : {}),
          };
          if (s.op === 'sign') one(requestContract(newReq));
          if (target !== undefined) {
            if (s.op === 'change') one(requestTeamChange(target, newReq));
            if (s.op === 'renew')
              one(requestRenewal(target, { id: `c${++seq}`, signedBy: 'u1', now, siblings: contracts }));
            if (s.op === 'terminate')
              one(terminateContract(target, { now, reason: s.reason, note: '其他原因' }));
            if (s.op === 'expire') one(expireContract(target, { now }));
          }
          checkInvariants(contracts, now);
          now = new Date(now.getTime() + s.decideAfter * 86_400_000);
          const pending = contracts.find((c) => c.status === 'pending');
          if (pending !== undefined) {
            if (s.decision === 'reject') one(rejectContract(pending, { now, reason: '名额已满' }));
            if (s.decision === 'withdraw') one(withdrawContract(pending, { now }));
            if (s.decision === 'confirm') {
              const others = contracts.filter((c) => c._id !== pending._id);
              const x = confirmContract(pending, { now, by: 'leader', siblings: others });
              results.push(x);
              if (x.ok) replace([x.value.contract, ...x.value.superseded]);
            }
          }
          for (const r of results) if (!r.ok) expect(ERROR_CODES).toContain(r.code);
          checkInvariants(contracts, now);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function checkInvariants(contracts: readonly TContract[], now: Date) {
  const today = shanghaiDay(now);
  expect(contracts.filter((c) => c.status === 'pending').length).toBeLessThanOrEqual(1);
  expect(contracts.filter((c) => isLiveOn(c, today)).length).toBeLessThanOrEqual(1);
  const terms = contracts.filter(nonEmptyTerm);
  for (const a of terms) for (const b of terms) if (a !== b) expect(overlaps(a, b)).toBe(false);
  for (const c of contracts) expect(typeof effectiveStatus(c, now)).toBe('string');
}
