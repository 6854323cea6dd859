import { FOLLOWUP_CONDITIONS } from '../constants/tags';
import { type Day, dayEnd, dayStart, type Window } from '../time';

/**
 * TEAM AND MEMBER PERFORMANCE (绩效, POLICY "多劳多得、优绩优酬"): counts of work done in a period,
 * each from the records that work leaves, combined into points with the weights below. The weights
 * are configuration (a region may change them); the page shows every count and weight so a score
 * can be checked by hand: points = Σ weight × count.
 *
 * - signed / renewed: contracts confirmed in the period (kind new or change / kind renewal), credited
 *   to the staff member who confirmed them;
 * - contacts: contacts with outcome `reached` in the period (follow-ups write their own contact
 *   too; only stand-alone contacts count here, a follow-up counts below);
 * - followupsOnTime: quota follow-ups (hypertension, diabetes, severe mental, other chronic) done in
 *   their quarter — one per resident, condition and quarter, so extra visits in one quarter add
 *   nothing and the count is what the quarterly plan asked for;
 * - referralsFollowedUp: referrals made in the period whose follow-up was recorded by its due day
 *   (credited to the referring member);
 * - reportsOnTime: grid reports made in the period acknowledged (家医报到) before their deadline
 *   (`ackDueAt`, per report kind), credited to whoever acknowledged;
 * - educationReach: health-education pushes of the team opened by a resident in the period (team
 *   only: a push is the team's, not a person's);
 * - consultsOnTime: online consultations (issue 18) whose first answer came within the promised
 *   response time (shared/consult/rules.ts), credited to the member who answered; the median
 *   minutes to answer are shown beside the score, not scored.
 */
export const PERFORMANCE_METRICS = [
  'signed',
  'renewed',
  'contacts',
  'followupsOnTime',
  'referralsFollowedUp',
  'reportsOnTime',
  'educationReach',
  'consultsOnTime',
] as const;
export type PerformanceMetric = (typeof PERFORMANCE_METRICS)[number];
export type PerformanceCounts = Record<PerformanceMetric, number>;

/** Points per unit of work (configuration). */
export const PERFORMANCE_WEIGHTS: Readonly<PerformanceCounts> = {
  signed: 2,
  renewed: 1.5,
  contacts: 1,
  followupsOnTime: 2,
  referralsFollowedUp: 3,
  reportsOnTime: 2,
  educationReach: 0.2,
  consultsOnTime: 1,
};

export const ZERO_COUNTS: Readonly<PerformanceCounts> = Object.fromEntries(
  PERFORMANCE_METRICS.map((m) => [m, 0]),
) as PerformanceCounts;

/** Points of a row: Σ weight × count, rounded to one decimal. */
export const performancePoints = (
  c: PerformanceCounts,
  weights: Readonly<PerformanceCounts> = PERFORMANCE_WEIGHTS,
): number => Math.round(PERFORMANCE_METRICS.reduce((s, m) => s + weights[m] * c[m], 0) * 10) / 10;

/**
 * One aggregation per source collection, each grouped by (team, who): `_id: {t, w}` with the
 * counts as fields. `teamIds` bounds the match; cost is one request per collection whatever the
 * population (the emulator and MongoDB both use the teamId/day indexes for the $match).
 */
export const performancePipelines = (teamIds: readonly string[], period: Window) => {
  const inTeams = { teamId: { $in: [...teamIds] } };
  const days = { $gte: period.start, $lte: period.end };
  const instants = { $gte: dayStart(period.start), $lte: dayEnd(period.end) };
  const one = (cond: unknown) => ({ $sum: { $cond: [cond, 1, 0] } });
  return {
    contracts: [
      { $match: { ...inTeams, confirmedAt: instants } },
      {
        $group: {
          _id: { t: '$teamId', w: '$confirmedBy' },
          signed: one({ $ne: ['$kind', 'renewal'] }),
          renewed: one({ $eq: ['$kind', 'renewal'] }),
        },
      },
      { $limit: 10_000 },
    ],
    contacts: [
      { $match: { ...inTeams, day: days, outcome: 'reached', followupId: { $exists: false } } },
      { $group: { _id: { t: '$teamId', w: '$byUserId' }, contacts: { $sum: 1 } } },
      { $limit: 10_000 },
    ],
    followups: [
      { $match: { ...inTeams, day: days, kind: { $in: [...FOLLOWUP_CONDITIONS] } } },
      {
        $project: {
          teamId: 1,
          residentId: 1,
          kind: 1,
          byUserId: 1,
          // 2026-05-10 → "2026-Q2": months 01–03 → 1 …
          q: {
            $concat: [
              { $substrBytes: ['$day', 0, 4] },
              '-Q',
              {
                $toString: {
                  $ceil: { $divide: [{ $toInt: { $substrBytes: ['$day', 5, 2] } }, 3] },
                },
              },
            ],
          },
        },
      },
      {
        $group: {
          _id: { t: '$teamId', r: '$residentId', k: '$kind', q: '$q' },
          // The lowest user id: deterministic when two members visited in one quarter.
          w: { $min: '$byUserId' },
        },
      },
      { $group: { _id: { t: '$_id.t', w: '$w' }, followupsOnTime: { $sum: 1 } } },
      { $limit: 10_000 },
    ],
    referrals: [
      { $match: { ...inTeams, day: days } },
      {
        $group: {
          _id: { t: '$teamId', w: '$byUserId' },
          referralsFollowedUp: one({
            $and: [
              { $ne: [{ $ifNull: ['$followedUpOn', null] }, null] },
              { $lte: ['$followedUpOn', '$followupDue'] },
            ],
          }),
        },
      },
      { $limit: 10_000 },
    ],
    reports: [
      { $match: { ...inTeams, reportedAt: instants } },
      {
        $group: {
          _id: { t: '$teamId', w: '$acknowledgedBy.userId' },
          reportsOnTime: one({
            $and: [
              { $ne: [{ $ifNull: ['$acknowledgedAt', null] }, null] },
              { $lte: ['$acknowledgedAt', '$ackDueAt'] },
            ],
          }),
        },
      },
      { $limit: 10_000 },
    ],
    deliveries: [
      { $match: { ...inTeams, openedAt: instants } },
      { $group: { _id: { t: '$teamId', w: null }, educationReach: { $sum: 1 } } },
      { $limit: 10_000 },
    ],
  };
};

/** A performance row as the pipelines return it: team, user (or null), partial counts. */
export type PerformanceRow = { team: string; user: string | null; counts: Partial<PerformanceCounts> };

/** Reads the pipelines' rows (any of them) into PerformanceRows. */
export const performanceRows = (rows: readonly Record<string, unknown>[]): PerformanceRow[] =>
  rows.map((r) => {
    const id = (r._id ?? {}) as { t?: string; w?: string | null };
    const counts: Partial<PerformanceCounts> = {};
    for (const m of PERFORMANCE_METRICS) if (typeof r[m] === 'number') counts[m] = r[m] as number;
    return { team: String(id.t ?? ''), user: id.w ?? null, counts };
  });

/** Adds rows into totals per key (team id, or staff id through `keyOf`). */
export const sumPerformance = (
  rows: readonly PerformanceRow[],
  keyOf: (r: PerformanceRow) => string | null,
): Map<string, PerformanceCounts> => {
  const out = new Map<string, PerformanceCounts>();
  for (const r of rows) {
    const key = keyOf(r);
    if (key === null) continue;
    const c = out.get(key) ?? { ...ZERO_COUNTS };
    for (const m of PERFORMANCE_METRICS) c[m] += r.counts[m] ?? 0;
    out.set(key, c);
  }
  return out;
};

/**
 * The same counts from plain records (tests compare the pipelines against this). Records carry
 * the fields the pipelines read.
 */
export const performancePure = (
  data: {
    contracts: readonly { teamId: string; kind: string; confirmedAt?: Date; confirmedBy?: string }[];
    contacts: readonly {
      teamId: string;
      day: Day;
      outcome: string;
      followupId?: string;
      byUserId?: string;
    }[];
    followups: readonly { teamId: string; residentId: string; kind: string; day: Day; byUserId?: string }[];
    referrals: readonly {
      teamId: string;
      day: Day;
      followupDue: Day;
      followedUpOn?: Day;
      byUserId?: string;
    }[];
    reports: readonly {
      teamId: string;
      reportedAt: Date;
      ackDueAt: Date;
      acknowledgedAt?: Date;
      acknowledgedBy?: { userId: string };
    }[];
    deliveries: readonly { teamId?: string; openedAt?: Date }[];
  },
  teamIds: readonly string[],
  period: Window,
): PerformanceRow[] => {
  const inT = (t?: string) => t !== undefined && teamIds.includes(t);
  const inD = (d: Day) => d >= period.start && d <= period.end;
  const [from, to] = [dayStart(period.start), dayEnd(period.end)];
  const inI = (d?: Date) => d !== undefined && d >= from && d <= to;
  const rows: PerformanceRow[] = [];
  for (const c of data.contracts)
    if (inT(c.teamId) && inI(c.confirmedAt))
      rows.push({
        team: c.teamId,
        user: c.confirmedBy ?? null,
        counts: c.kind === 'renewal' ? { renewed: 1 } : { signed: 1 },
      });
  for (const c of data.contacts)
    if (inT(c.teamId) && inD(c.day) && c.outcome === 'reached' && c.followupId === undefined)
      rows.push({ team: c.teamId, user: c.byUserId ?? null, counts: { contacts: 1 } });
  const quota = new Map<string, { team: string; user: string | null }>();
  for (const f of data.followups) {
    if (!inT(f.teamId) || !inD(f.day) || !(FOLLOWUP_CONDITIONS as readonly string[]).includes(f.kind))
      continue;
    const q = `${f.day.slice(0, 4)}-Q${Math.ceil(Number(f.day.slice(5, 7)) / 3)}`;
    const key = `${f.teamId}|${f.residentId}|${f.kind}|${q}`;
    const prev = quota.get(key);
    const user = f.byUserId ?? null;
    if (!prev) quota.set(key, { team: f.teamId, user });
    else if (user !== null && (prev.user === null || user < prev.user)) prev.user = user;
  }
  for (const v of quota.values()) rows.push({ ...v, counts: { followupsOnTime: 1 } });
  for (const r of data.referrals)
    if (inT(r.teamId) && inD(r.day))
      rows.push({
        team: r.teamId,
        user: r.byUserId ?? null,
        counts: { referralsFollowedUp: r.followedUpOn && r.followedUpOn <= r.followupDue ? 1 : 0 },
      });
  for (const r of data.reports)
    if (inT(r.teamId) && inI(r.reportedAt))
      rows.push({
        team: r.teamId,
        user: r.acknowledgedBy?.userId ?? null,
        counts: { reportsOnTime: r.acknowledgedAt && r.acknowledgedAt <= r.ackDueAt ? 1 : 0 },
      });
  for (const d of data.deliveries)
    if (inT(d.teamId) && inI(d.openedAt))
      rows.push({ team: d.teamId as string, user: null, counts: { educationReach: 1 } });
  return rows;
};
