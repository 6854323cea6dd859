import { shanghaiInstant } from '@shared/appointment/slots';
import { COLLECTIONS } from '@shared/constants/collections';
import { DEFAULT_CONTRACT_CONFIG } from '@shared/contract/config';
import type { OutboxMessage } from '@shared/db/schemas/outbox';
import { addDays, shanghaiDay } from '@shared/time';
import { closeCareForContract } from '../_data/careStates.repo';
import { acquireJob, releaseJob } from '../_data/jobs.repo';
import { enqueueMany } from '../_data/outbox.repo';
import type { Database } from '../_lib/db';
import { type RunEnv, timeLeft } from './support/run';

/** Days a signing request may wait before its team leader is reminded. */
export const PENDING_REMIND_DAYS = 3;
export const NOTICES_JOB = 'job_notices';
const PAGE = 500;

type ContractRow = {
  _id: string;
  residentId: string;
  teamId: string;
  residentName?: string;
  teamName?: string;
  signedAt: Date;
  endDate?: string;
};

const FIELDS = {
  residentId: true,
  teamId: true,
  residentName: true,
  teamName: true,
  signedAt: true,
  endDate: true,
};

/** Team leaders of a page of contracts, one read. */
async function leadersOf(
  db: Database,
  teamIds: string[],
): Promise<Map<string, { leader?: string; name?: string }>> {
  const _ = db.command;
  if (teamIds.length === 0) return new Map();
  const { data } = await db
    .collection(COLLECTIONS.teams)
    .where({ _id: _.in(teamIds) })
    .limit(teamIds.length)
    .field({ leaderStaffId: true, name: true })
    .get();
  return new Map(
    (data as { _id: string; leaderStaffId?: string | null; name?: string }[]).map((t) => [
      t._id,
      { ...(t.leaderStaffId ? { leader: t.leaderStaffId } : {}), ...(t.name ? { name: t.name } : {}) },
    ]),
  );
}

/**
 * Nightly contract notices, each walking a cursor so every contract is looked at once, when it
 * becomes due, and a night with nothing new costs three indexed reads:
 * - a signing request still pending `PENDING_REMIND_DAYS` after it was made → the team leader;
 * - a term whose renewal window opens (endDate − renewalWindowDays reached) → the resident;
 * - a term that ended yesterday and was not renewed (still `active`/`expired`, not superseded) →
 *   the resident and the team leader.
 * Messages are sent from 09:00 Shanghai (not at night).
 */
export async function contractNotices(env: RunEnv): Promise<void> {
  const { db, now, runId, limits } = env;
  const _ = db.command;
  const job = await acquireJob(db, NOTICES_JOB, runId, new Date(now.getTime() + limits.leaseMs), now);
  if (!job) return;
  const today = shanghaiDay(now);
  const morning = shanghaiInstant(today, '09:00');
  const sendAfter = new Date(Math.max(morning.getTime(), now.getTime()));
  const cur = { ...(job.cursors ?? {}) };
  const cfg = DEFAULT_CONTRACT_CONFIG;
  const coll = db.collection(COLLECTIONS.contracts);

  const walk = async (
    key: string,
    initial: string,
    query: (after: string) => object,
    orderField: 'signedAt' | 'endDate',
    toMessages: (
      rows: ContractRow[],
      teams: Map<string, { leader?: string; name?: string }>,
    ) => OutboxMessage[],
    onRows?: (rows: ContractRow[]) => Promise<void>,
  ) => {
    let after = cur[key] ?? initial;
    for (;;) {
      if (!timeLeft(env)) {
        env.stats.stoppedEarly = true;
        break;
      }
      const { data } = await coll
        .where(query(after))
        .orderBy(orderField, 'asc')
        .limit(PAGE)
        .field(FIELDS)
        .get();
      const rows = data as ContractRow[];
      if (rows.length === 0) break;
      if (onRows) await onRows(rows);
      const teams = await leadersOf(db, [...new Set(rows.map((r) => r.teamId))]);
      env.stats.queued += await enqueueMany(db, toMessages(rows, teams), now);
      const last = rows[rows.length - 1]!;
      after = orderField === 'signedAt' ? new Date(last.signedAt).toISOString() : (last.endDate ?? after);
      cur[key] = after;
      if (rows.length < PAGE) break;
    }
  };

  const cutoff = new Date(now.getTime() - PENDING_REMIND_DAYS * 86_400_000);
  await walk(
    'pending',
    new Date(0).toISOString(),
    (after) => ({ status: 'pending', signedAt: _.gt(new Date(after)).and(_.lte(cutoff)) }),
    'signedAt',
    (rows, teams) =>
      rows.flatMap((c) => {
        const leader = teams.get(c.teamId)?.leader;
        if (!leader) return [];
        return [
          {
            _id: `ctpending_${c._id}`,
            kind: 'contract.pendingOverdue',
            template: 'workDigest',
            to: { staffId: leader },
            title: '签约申请待审核',
            body: `${c.residentName ?? '一位居民'}的签约申请已等待超过${PENDING_REMIND_DAYS}天，请尽快审核。`,
            data: { item: '签约申请待审核', count: '1', date: shanghaiDay(new Date(c.signedAt)) },
            page: 'packages/doctor/review/index',
            sendAfter,
            ref: { kind: 'contract', id: c._id },
          },
        ];
      }),
  );
  const opensThrough = addDays(today, cfg.renewalWindowDays);
  await walk(
    'renewal',
    addDays(today, -1),
    (after) => ({ status: 'active', endDate: _.gt(after).and(_.lte(opensThrough)) }),
    'endDate',
    (rows, teams) =>
      rows.map((c) => ({
        _id: `ctrenew_${c._id}`,
        kind: 'contract.renewal',
        template: 'renewalNotice',
        to: { residentId: c.residentId },
        title: '家庭医生签约即将到期',
        body: `您与${c.teamName ?? teams.get(c.teamId)?.name ?? '家庭医生团队'}的签约将于${c.endDate}到期，可在“我的签约”中续约。`,
        data: {
          resident: c.residentName ?? '',
          date: c.endDate ?? '',
          team: c.teamName ?? '',
          note: '可在我的签约中续约',
        },
        page: 'pages/contract/index',
        sendAfter,
        ref: { kind: 'contract', id: c._id },
      })),
  );
  const yesterday = addDays(today, -1);
  await walk(
    'expired',
    addDays(today, -2),
    (after) => ({ status: _.in(['active', 'expired']), endDate: _.gt(after).and(_.lte(yesterday)) }),
    'endDate',
    (rows, teams) =>
      rows.flatMap((c) => {
        const t = teams.get(c.teamId);
        const who = c.residentName ?? '一位居民';
        const out: OutboxMessage[] = [
          {
            _id: `ctexpired_${c._id}_r`,
            kind: 'contract.expired',
            template: 'renewalNotice',
            to: { residentId: c.residentId },
            title: '家庭医生签约已到期',
            body: `您的签约已于${c.endDate}到期，到期后 30 天内仍可续约。`,
            data: {
              resident: c.residentName ?? '',
              date: c.endDate ?? '',
              team: c.teamName ?? '',
              note: '签约已到期，可续约',
            },
            page: 'pages/contract/index',
            sendAfter,
            ref: { kind: 'contract', id: c._id },
          },
        ];
        if (t?.leader)
          out.push({
            _id: `ctexpired_${c._id}_t`,
            kind: 'contract.expired',
            template: 'workDigest',
            to: { staffId: t.leader },
            title: '签约到期未续约',
            body: `${who}的签约已于${c.endDate}到期且未续约，请联系居民。`,
            data: { item: '签约到期未续约', count: '1', date: c.endDate ?? '' },
            page: 'packages/doctor/index',
            sendAfter,
            ref: { kind: 'contract', id: c._id },
          });
        return out;
      }),
    // No contact is owed once the term has ended: off the worklists (a renewal in the grace
    // period opens care again). One transaction per contract that ended, none on a quiet night.
    async (rows) => {
      for (const c of rows) await closeCareForContract(db, c.residentId, c._id, now);
    },
  );
  await releaseJob(db, NOTICES_JOB, runId, { cursors: cur }, now);
}
