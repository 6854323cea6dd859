// Demo data for the stats dashboard: a population per family-doctor team with service records, so
// every indicator of shared/indicators means something and the townships differ — 城关 above most
// targets, 青山 below, 河口 in between. Plain documents (no accounts, no care tasks), in grids the
// other demos and tests do not use, so their counts stay what they were. Written once (skipped when
// present) in a few batched requests; dates are relative to the seed day so the figures stay live.
import { userIdFor } from '../../cloudfunctions/_lib/caller';
import type { Database } from '../../cloudfunctions/_lib/db';
import { COLLECTIONS } from '../../shared/constants/collections';
import { DEMO_DISTRICT_ID } from '../../shared/demo/identities';
import { addDays, dayStart, quartersBetween, shanghaiDay } from '../../shared/time';
import { teams } from './demo-district';

type Profile = {
  /** Share of residents signed (key-population and poverty residents first). */
  signed: number;
  /** Share of poverty residents signed (100 % is the target). */
  poverty: number;
  /** Share of signed residents reached in a given quarter. */
  contact: number;
  /** Share of patients' quarterly follow-ups done. */
  followup: number;
  /** Share of grid reports acknowledged before their deadline. */
  reportOnTime: number;
  /** Share of referrals followed up by their due day. */
  referral: number;
};

const HIGH: Profile = {
  signed: 0.75,
  poverty: 1,
  contact: 0.97,
  followup: 0.95,
  reportOnTime: 1,
  referral: 1,
};
const LOW: Profile = {
  signed: 0.22,
  poverty: 0.6,
  contact: 0.45,
  followup: 0.4,
  reportOnTime: 0.5,
  referral: 0.4,
};
const MID: Profile = {
  signed: 0.5,
  poverty: 1,
  contact: 0.8,
  followup: 0.75,
  reportOnTime: 0.9,
  referral: 0.8,
};

/** Team → its demo population: institution, an unused grid of its area, size, profile, who records. */
export const STATS_TEAMS = [
  {
    teamId: 'team-cg-1',
    inst: 'inst-cg',
    grid: 'r-cg-dm-g2',
    village: 'r-cg-dm',
    n: 40,
    p: HIGH,
    doer: 'demo-doctor-cg-1',
    staffId: 'st-cg-1',
  },
  {
    teamId: 'team-cg-2',
    inst: 'inst-cg',
    grid: 'r-cg-xj-g2',
    village: 'r-cg-xj',
    n: 36,
    p: HIGH,
    doer: 'demo-doctor-cg-4',
    staffId: 'st-cg-4',
  },
  {
    teamId: 'team-qs-1',
    inst: 'inst-qs',
    grid: 'r-qs-sq-g1',
    village: 'r-qs-sq',
    n: 40,
    p: MID,
    doer: 'demo-doctor-qs-1',
    staffId: 'st-qs-1',
  },
  {
    teamId: 'team-qs-2',
    inst: 'inst-qs',
    grid: 'r-qs-lh-g2',
    village: 'r-qs-lh',
    n: 36,
    p: LOW,
    doer: 'demo-doctor-qs-1',
    staffId: 'st-qs-1',
  },
  {
    teamId: 'team-hk-1',
    inst: 'inst-hk',
    grid: 'r-hk-sz-g1',
    village: 'r-hk-sz',
    n: 40,
    p: LOW,
    doer: 'demo-doctor-hk-1',
    staffId: 'st-hk-1',
  },
] as const;

const DAY = 86_400_000;
const SURNAMES = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高';
const GIVEN = ['秀英', '建国', '桂兰', '志强', '玉兰', '明华', '淑珍', '国平', '海燕', '德胜'];

/** A stable 0…99 draw per (resident, salt): the same seed gives the same demo. */
const draw = (i: number, salt: number) => (((i + 1) * 2654435761 + salt * 40503) >>> 0) % 100;

type Doc = { _id: string } & Record<string, unknown>;

/** The documents per collection (pure: tests and the bench can reuse it). */
export function statsDemo(now: Date): Record<string, Doc[]> {
  const today = shanghaiDay(now);
  const out: Record<
    'residents' | 'contracts' | 'contacts' | 'followups' | 'referrals' | 'reports' | 'deliveries',
    Doc[]
  > = {
    residents: [],
    contracts: [],
    contacts: [],
    followups: [],
    referrals: [],
    reports: [],
    deliveries: [],
  };
  let k = 0;
  for (const t of STATS_TEAMS) {
    const by = userIdFor(t.doer);
    for (let j = 0; j < t.n; j++, k++) {
      const rid = `res-stats-${t.teamId}-${j}`;
      // Ages and tags: every 3rd elderly, every 8th a child, some chronic patients, a few poverty.
      const birthDate =
        j % 3 === 0
          ? `19${48 + (j % 10)}-0${1 + (j % 9)}-15`
          : j % 8 === 1
            ? '2022-06-01'
            : `19${80 + (j % 15)}-05-20`;
      const tags: string[] = [];
      if (j % 4 === 2 || j % 3 === 0) tags.push('hypertension');
      if (j % 7 === 3) tags.push('diabetes');
      if (j % 9 === 5) tags.push('poverty');
      const key = j % 3 === 0 || j % 8 === 1 || tags.length > 0;
      const signed = tags.includes('poverty')
        ? draw(k, 1) < t.p.poverty * 100
        : draw(k, 2) < t.p.signed * 100 * (key ? 1.15 : 0.8);
      out.residents.push({
        _id: rid,
        name: `${SURNAMES[k % SURNAMES.length]}${GIVEN[j % GIVEN.length]}`,
        idHash: `demo-stats-${t.teamId}-${j}`,
        birthDate,
        sex: j % 2 ? 'female' : 'male',
        tags,
        gridId: t.grid,
        villageId: t.village,
        institutionId: t.inst,
        districtId: DEMO_DISTRICT_ID,
        ...(signed ? { teamId: t.teamId } : {}),
        createdAt: new Date(now.getTime() - 800 * DAY),
      });
      if (!signed) continue;
      // Contract start spread over the last ~20 months; older ones were renewed after a year.
      const startedAgo = 20 + ((k * 37) % 580);
      const first = addDays(today, -startedAgo);
      const terms: { start: string; kind: 'new' | 'renewal'; id: string }[] = [
        { start: first, kind: 'new', id: `ct-stats-${t.teamId}-${j}` },
      ];
      if (startedAgo >= 365)
        terms.push({ start: addDays(first, 365), kind: 'renewal', id: `ct-stats-${t.teamId}-${j}-r` });
      terms.forEach((term, x) => {
        const last = x === terms.length - 1;
        const at = dayStart(term.start);
        out.contracts.push({
          _id: term.id,
          residentId: rid,
          residentName: out.residents[out.residents.length - 1]?.name,
          teamId: t.teamId,
          // Stored like the contract function stores it: the roster and contract views read it.
          teamName: teams().find((x) => x._id === t.teamId)?.name ?? '',
          institutionId: t.inst,
          gridId: t.grid,
          packageIds: ['pkg-basic'],
          kind: term.kind,
          status: last ? 'active' : 'superseded',
          ...(last ? {} : { supersededBy: terms[x + 1]?.id }),
          channel: 'doctor_assisted',
          signedAt: new Date(at.getTime() - DAY),
          signedBy: by,
          confirmedAt: at,
          confirmedBy: by,
          startDate: term.start,
          endDate: addDays(term.start, 364),
        });
      });
      // Service records per quarter of the contract up to today.
      for (const q of quartersBetween(first, today)) {
        const from = q.start > first ? q.start : first;
        const day = addDays(from, (k + q.quarter) % 20);
        if (day > today) continue;
        const qn = q.year * 4 + q.quarter;
        if (draw(k, qn) < t.p.contact * 100)
          out.contacts.push({
            _id: `cx-stats-${t.teamId}-${j}-${q.key}`,
            residentId: rid,
            teamId: t.teamId,
            day,
            at: new Date(dayStart(day).getTime() + 10 * 3600_000),
            channel: 'phone',
            outcome: 'reached',
            byStaffId: t.staffId,
            byUserId: by,
          });
        for (const kind of ['hypertension', 'diabetes'] as const)
          if (tags.includes(kind) && draw(k, qn + 7) < t.p.followup * 100)
            out.followups.push({
              _id: `fu-stats-${t.teamId}-${j}-${q.key}-${kind}`,
              residentId: rid,
              teamId: t.teamId,
              day,
              at: new Date(dayStart(day).getTime() + 11 * 3600_000),
              kind,
              mode: 'face_to_face',
              measurements: kind === 'hypertension' ? { systolic: 136, diastolic: 86 } : { glucose: 6.8 },
              byUserId: by,
            });
      }
      if (j % 6 === 2) {
        const day = addDays(today, -(30 + (j % 50)));
        const due = addDays(day, 14);
        const done = draw(k, 99) < t.p.referral * 100;
        out.referrals.push({
          _id: `rf-stats-${t.teamId}-${j}`,
          residentId: rid,
          teamId: t.teamId,
          day,
          at: dayStart(day),
          direction: 'up',
          hospital: '区人民医院',
          reason: '血压控制不佳',
          urgency: 'routine',
          status: 'completed',
          followupDue: due,
          ...(done ? { followedUpOn: addDays(day, 10) } : {}),
          updatedAt: dayStart(due),
          byUserId: by,
        });
      }
      if (j % 2 === 0)
        out.deliveries.push({
          _id: `dl-stats-${t.teamId}-${j}`,
          articleId: 'art-stats-demo',
          residentId: rid,
          institutionId: t.inst,
          teamId: t.teamId,
          pushedAt: new Date(now.getTime() - 20 * DAY),
          channels: ['in_app'],
          ...(draw(k, 55) < t.p.contact * 70 ? { openedAt: new Date(now.getTime() - 19 * DAY) } : {}),
          createdAt: new Date(now.getTime() - 20 * DAY),
        });
    }
    // Grid reports this year: acknowledged before or after their 3-day deadline.
    for (let r = 0; r < 8; r++) {
      const reportedAt = new Date(now.getTime() - (5 + r * 9) * DAY);
      const ackDueAt = new Date(reportedAt.getTime() + 3 * DAY);
      const onTime = draw(k + r, 77) < t.p.reportOnTime * 100;
      const acknowledgedAt = new Date(reportedAt.getTime() + (onTime ? 5 * 3600_000 : 4 * DAY));
      const actor = { userId: by, staffId: t.staffId, name: '家庭医生' };
      out.reports.push({
        _id: `rp-stats-${t.teamId}-${r}`,
        kind: 'key_population',
        tag: 'elderly',
        status: 'resolved',
        householdId: `hh-stats-${t.teamId}`,
        address: '示范路1号',
        gridId: t.grid,
        gridName: '网格',
        villageId: t.village,
        teamId: t.teamId,
        institutionId: t.inst,
        districtId: DEMO_DISTRICT_ID,
        reporterUserId: 'u_demo_stats_grid',
        reporter: { userId: 'u_demo_stats_grid', name: '网格员' },
        requestId: `stats-${r}`,
        reportedAt,
        ackDueAt,
        acknowledgedAt,
        acknowledgedBy: actor,
        resolvedAt: new Date(acknowledgedAt.getTime() + 3600_000),
        resolvedBy: actor,
        intervention: '已上门随访',
      });
    }
  }
  return out;
}

/** Writes the stats demo once (batched adds; skipped when present). Returns documents per collection. */
export async function seedStats(db: Database, now: Date): Promise<Record<string, number>> {
  const first = `res-stats-${STATS_TEAMS[0].teamId}-0`;
  const got = await db.collection(COLLECTIONS.residents).doc(first).get();
  if ((got.data as unknown[]).length > 0) return {};
  const written: Record<string, number> = {};
  for (const [name, docs] of Object.entries(statsDemo(now))) {
    const collection = COLLECTIONS[name as keyof typeof COLLECTIONS];
    for (let i = 0; i < docs.length; i += 500)
      await (db.collection(collection) as unknown as { add(d: Doc[]): Promise<unknown> }).add(
        docs.slice(i, i + 500),
      );
    written[`stats.${name}`] = docs.length;
  }
  return written;
}
