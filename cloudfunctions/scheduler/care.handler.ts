import { shanghaiInstant } from '@shared/appointment/slots';
import { COLLECTIONS } from '@shared/constants/collections';
import type { OutboxMessage } from '@shared/db/schemas/outbox';
import { addDays, quarterOf, shanghaiDay } from '@shared/time';
import { enqueueMany } from '../_data/outbox.repo';
import type { Database } from '../_lib/db';
import { type RunEnv, timeLeft } from './support/run';

/** Days before a quarter ends when teams hear how many residents are still uncontacted. */
export const QUARTER_WARN_DAYS = 14;

type TaskRow = { _id: string; residentId: string; kind: string; start: string; end: string };
type Team = { _id: string; leaderStaffId?: string | null; name?: string };

const count = async (db: Database, where: object): Promise<number> =>
  (await db.collection(COLLECTIONS.careTasks).where(where).count()).total ?? 0;

/**
 * Nightly care notices from the care state (`careTasks`, one open task per resident and chain,
 * with its window; written by the care function): per team, with the indexes care declared
 * (teamId + from + end, teamId + kind + from):
 * - the overdue digest → the team leader, one message per team and day (`carodigest_<team>_<day>`),
 *   never one per resident;
 * - a resident's follow-up whose window opens on the worklist today → the resident
 *   (`carefu_<taskId>_<start>`; follow-up kinds only);
 * - in the last QUARTER_WARN_DAYS of a quarter, residents whose quarterly contact is still open →
 *   the team leader, once per quarter (`careq_<team>_<quarter>`).
 * Cost: one read of the teams, then two to four indexed requests per team, whatever the population.
 */
export async function careNotices(env: RunEnv): Promise<void> {
  const { db, now } = env;
  const _ = db.command;
  const today = shanghaiDay(now);
  const morning = shanghaiInstant(today, '08:00');
  const sendAfter = new Date(Math.max(morning.getTime(), now.getTime()));
  const q = quarterOf(today);
  const quarterEnding = addDays(q.end, -QUARTER_WARN_DAYS) <= today;
  const { data } = await db
    .collection(COLLECTIONS.teams)
    .limit(1000)
    .field({ leaderStaffId: true, name: true })
    .get();
  for (const team of data as Team[]) {
    if (!timeLeft(env)) {
      env.stats.stoppedEarly = true;
      return;
    }
    const msgs: OutboxMessage[] = [];
    const leader = team.leaderStaffId ?? undefined;
    if (leader) {
      const overdue = await count(db, { teamId: team._id, from: _.lte(today), end: _.lt(today) });
      if (overdue > 0)
        msgs.push({
          _id: `carodigest_${team._id}_${today}`,
          kind: 'care.overdueDigest',
          template: 'workDigest',
          to: { staffId: leader },
          title: `今日随访待办：${overdue} 项已逾期`,
          body: `${team.name ?? '您的团队'}有 ${overdue} 项随访或联系已逾期，请在工作台的待办中处理。`,
          data: { item: '随访已逾期', count: String(overdue), date: today },
          page: 'packages/doctor/pages/index/index',
          sendAfter,
        });
      if (quarterEnding) {
        const open = await count(db, { teamId: team._id, kind: 'contact.quarterly', end: _.lte(q.end) });
        if (open > 0)
          msgs.push({
            _id: `careq_${team._id}_${q.key}`,
            kind: 'care.quarterUncontacted',
            template: 'workDigest',
            to: { staffId: leader },
            title: `本季度还有 ${open} 位居民未联系`,
            body: `${q.end} 本季度结束，${team.name ?? '您的团队'}还有 ${open} 位签约居民本季度未联系，请尽快电话或上门联系。`,
            data: { item: '本季度未联系居民', count: String(open), date: q.end },
            page: 'packages/doctor/pages/index/index',
            sendAfter,
          });
      }
    }
    const { data: opening } = await db
      .collection(COLLECTIONS.careTasks)
      .where({ teamId: team._id, from: today })
      .limit(1000)
      .field({ residentId: true, kind: true, start: true, end: true })
      .get();
    for (const t of opening as TaskRow[]) {
      if (!t.kind.startsWith('followup.')) continue;
      msgs.push({
        _id: `carefu_${t._id}_${t.start}`.replace(/:/g, '_'),
        kind: 'care.followupDue',
        template: 'followupDue',
        to: { residentId: t.residentId },
        title: '随访提醒',
        body: `您的随访请在 ${t.end} 前完成，家庭医生会与您联系，也可到签约站点随访。`,
        data: { item: '家庭医生随访', date: t.end, note: '医生会与您联系' },
        page: 'pages/health/index',
        sendAfter,
        ref: { kind: 'careTask', id: t._id },
      });
    }
    if (msgs.length) env.stats.queued += await enqueueMany(db, msgs, now);
  }
}
