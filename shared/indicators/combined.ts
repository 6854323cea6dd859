import { COLLECTIONS } from '../constants/collections';
import { FOLLOWUP_CONDITIONS, KEY_POPULATION_TAGS, MUST_SIGN_TAGS } from '../constants/tags';
import { DEFAULT_POPULATION_CONFIG, type TPopulationConfig } from '../population/config';
import type { TPopulationFacts } from '../population/keyPopulations';
import type { TFollowup } from '../schedule/records';
import { addDays, bornOnOrBefore, type Day, dayEnd, dayStart, quarterOf, type Window, yearOf } from '../time';
import {
  type ContractFacts,
  type Counts,
  DEFAULT_TARGETS,
  INDICATOR_IDS,
  type Indicator,
  type IndicatorId,
  liveContractsExpr,
  lookupByResident,
  type TIndicatorTargets,
  toIndicator,
} from './common';
import { keyPopulationSignCounts, overallCoverageCounts, povertyCoverageCounts } from './coverage';
import { FOLLOWUP_QUOTAS, followupCompletionCounts, requiredFollowups } from './followup';
import { gridResponseCounts, gridResponsePipeline, type ReportFacts } from './response';
import { effectiveServiceCounts, periodQuarters, quarterlyContactCounts } from './service';

/**
 * Every indicator "as of a day" from two aggregation requests (the `stats` function's budget is
 * ≤ 5 requests for a whole district): one on `residents` joining contracts, contacts and follow-ups
 * once, one on `reports`. Both group by a drill-down key (institutionId, teamId…) so the same
 * request answers the scope and its children. The expressions restate the single-indicator
 * pipelines of coverage.ts / service.ts / followup.ts row by row; the integration test checks the
 * result against the pure functions on the same data.
 *
 * Periods on a day D: sign rates on D; effective service and follow-up completion over the year
 * to date (Jan 1 … D); contact coverage over D's quarter so far; grid response over the year to date.
 */
export const indicatorPeriods = (day: Day) => ({
  day,
  yearToDate: { start: yearOf(day).start, end: day } as Window,
  quarter: quarterOf(day) as Window,
});

const size = (arr: unknown) => ({ $size: arr });
const gt0 = (arr: unknown) => ({ $gt: [size(arr), 0] });
const bool = (cond: unknown) => ({ $cond: [cond, 1, 0] });

/** Expression form of keyPopulationMatch (coverage.ts): key population on `day`. */
export const keyPopulationExpr = (day: Day, cfg: TPopulationConfig = DEFAULT_POPULATION_CONFIG) => ({
  $or: [
    gt0({
      $setIntersection: [
        { $ifNull: ['$tags', []] },
        KEY_POPULATION_TAGS.filter((t) => t !== 'elderly' && t !== 'child' && t !== 'maternal'),
      ],
    }),
    { $lte: ['$birthDate', bornOnOrBefore(day, cfg.elderlyMinAge)] },
    {
      $and: [
        { $gt: ['$birthDate', bornOnOrBefore(day, cfg.childMaxAge + 1)] },
        { $lte: ['$birthDate', day] },
      ],
    },
    gt0({
      $filter: {
        input: { $ifNull: ['$pregnancies', []] },
        as: 'p',
        cond: {
          $and: [
            { $lte: ['$$p.registeredOn', day] },
            {
              $or: [
                { $eq: [{ $ifNull: ['$$p.deliveredOn', null] }, null] },
                { $gte: ['$$p.deliveredOn', addDays(day, -cfg.postpartumDays)] },
              ],
            },
          ],
        },
      },
    }),
  ],
});

const hasTagExpr = (tags: readonly string[]) => gt0({ $setIntersection: [{ $ifNull: ['$tags', []] }, tags] });

// Records of an array field dated inside [max(start, $from<sfx>), end].
const datedIn = (field: string, start: unknown, end: Day, fromField: string) => ({
  $filter: {
    input: field,
    as: 's',
    cond: { $and: [{ $gte: ['$$s.day', { $max: [start, fromField] }] }, { $lte: ['$$s.day', end] }] },
  },
});

/** Field names of the per-key sums the residents pipeline returns (suffixed per day in a trend). */
const RESIDENT_SUMS = [
  'kpD',
  'kpN',
  'ovD',
  'ovN',
  'pvD',
  'pvN',
  'efD',
  'efN',
  'qcD',
  'qcN',
  'fuD',
  'fuN',
] as const;

// Per-resident flags as of `day`, as fields suffixed with `sfx` (several days share one request).
const dayStages = (day: Day, sfx: string, cfg: TPopulationConfig) => {
  const { yearToDate, quarter } = indicatorPeriods(day);
  const f = (name: string) => `${name}${sfx}`;
  const live = `$${f('live')}`;
  const from = `$${f('from')}`;
  const followupFlags = FOLLOWUP_CONDITIONS.map((condition) => {
    const q = FOLLOWUP_QUOTAS[condition];
    const extra: unknown[] = [{ $eq: ['$$s.kind', q.kind] }];
    if (q.faceToFace) extra.push({ $ne: ['$$s.mode', 'phone'] });
    const patient = { $and: [live, { $in: [condition, { $ifNull: ['$tags', []] }] }] };
    // Follow-ups count over the whole period (not from the contract start), as in followup.ts.
    const done = {
      $gte: [
        size({
          $filter: {
            input: '$followups',
            as: 's',
            cond: {
              $and: [
                { $gte: ['$$s.day', yearToDate.start] },
                { $lte: ['$$s.day', yearToDate.end] },
                ...extra,
              ],
            },
          },
        }),
        requiredFollowups(condition, yearToDate),
      ],
    };
    return { patient, done };
  });
  return [
    { $addFields: { [f('lc')]: liveContractsExpr(day) } },
    {
      $addFields: {
        [f('live')]: gt0(`$${f('lc')}`),
        [f('liveStart')]: { $arrayElemAt: [`$${f('lc')}.startDate`, 0] },
      },
    },
    {
      $addFields: {
        [f('from')]: { $max: [yearToDate.start, `$${f('liveStart')}`] },
        [f('isKey')]: keyPopulationExpr(day, cfg),
      },
    },
    {
      $addFields: {
        [f('effective')]: {
          $and: [
            live,
            {
              $allElementsTrue: [
                {
                  $map: {
                    input: { $literal: periodQuarters(yearToDate) },
                    as: 'q',
                    in: {
                      $or: [
                        { $lt: ['$$q.end', from] },
                        {
                          $gt: [
                            size({
                              $filter: {
                                input: '$services',
                                as: 's',
                                cond: {
                                  $and: [
                                    { $gte: ['$$s.day', { $max: ['$$q.start', from] }] },
                                    { $lte: ['$$s.day', '$$q.end'] },
                                  ],
                                },
                              },
                            }),
                            0,
                          ],
                        },
                      ],
                    },
                  },
                },
              ],
            },
          ],
        },
        [f('contacted')]: {
          $and: [
            live,
            gt0(
              datedIn(
                '$contacts',
                { $max: [quarter.start, `$${f('liveStart')}`] },
                day < quarter.end ? day : quarter.end,
                from,
              ),
            ),
          ],
        },
        [f('fuDr')]: { $add: followupFlags.map((x) => bool(x.patient)) },
        [f('fuNr')]: { $add: followupFlags.map((x) => bool({ $and: [x.patient, x.done] })) },
      },
    },
  ];
};

// The per-key sums of one day's flags (suffix `sfx`).
const daySums = (sfx: string) => {
  const v = (name: string) => `$${name}${sfx}`;
  return {
    [`kpD${sfx}`]: { $sum: bool(v('isKey')) },
    [`kpN${sfx}`]: { $sum: bool({ $and: [v('isKey'), v('live')] }) },
    [`ovD${sfx}`]: { $sum: 1 },
    [`ovN${sfx}`]: { $sum: bool(v('live')) },
    [`pvD${sfx}`]: { $sum: bool('$mustSign') },
    [`pvN${sfx}`]: { $sum: bool({ $and: ['$mustSign', v('live')] }) },
    [`efD${sfx}`]: { $sum: bool(v('live')) },
    [`efN${sfx}`]: { $sum: bool(v('effective')) },
    [`qcD${sfx}`]: { $sum: bool(v('live')) },
    [`qcN${sfx}`]: { $sum: bool(v('contacted')) },
    [`fuD${sfx}`]: { $sum: v('fuDr') },
    [`fuN${sfx}`]: { $sum: v('fuNr') },
  };
};

/** The field suffix of the i-th day of a multi-day request ('' for a single day). */
export const daySuffix = (i: number, count: number): string => (count === 1 ? '' : `_${i}`);

/**
 * ONE request on `residents`: every resident-based indicator as of each of `days` (a trend asks
 * for 12 month ends at once), grouped by `groupKey` (null: one row). Contracts, contacts and
 * follow-ups are joined once; each day adds its own flag fields and sums (suffix `_<i>`).
 */
export const residentIndicatorsPipelineDays = (
  match: Record<string, unknown>,
  groupKey: string | null,
  days: readonly Day[],
  cfg: TPopulationConfig = DEFAULT_POPULATION_CONFIG,
) => [
  { $match: match },
  lookupByResident(COLLECTIONS.contracts, 'contracts'),
  lookupByResident(COLLECTIONS.contacts, 'contacts'),
  lookupByResident(COLLECTIONS.followups, 'followups'),
  {
    $addFields: {
      services: { $concatArrays: ['$contacts', '$followups'] },
      mustSign: hasTagExpr(MUST_SIGN_TAGS),
    },
  },
  ...days.flatMap((day, i) => dayStages(day, daySuffix(i, days.length), cfg)),
  {
    $group: {
      _id: groupKey === null ? null : `$${groupKey}`,
      ...Object.assign({}, ...days.map((_, i) => daySums(daySuffix(i, days.length)))),
    },
  },
  { $limit: 1000 },
];

/** One request on `residents`: every resident-based indicator on `day`, grouped by `groupKey`. */
export const residentIndicatorsPipeline = (
  match: Record<string, unknown>,
  groupKey: string | null,
  day: Day,
  cfg: TPopulationConfig = DEFAULT_POPULATION_CONFIG,
) => residentIndicatorsPipelineDays(match, groupKey, [day], cfg);

/** One request on `reports`: grid-report response over the year to date, grouped by `groupKey`. */
export const reportIndicatorsPipeline = (
  match: Record<string, unknown>,
  groupKey: string | null,
  day: Day,
  targetHours: number,
) => {
  const [first, project, group] = gridResponsePipeline(
    indicatorPeriods(day).yearToDate,
    targetHours,
  ) as unknown as [
    { $match: Record<string, unknown> },
    { $project: Record<string, unknown> },
    { $group: Record<string, unknown> },
  ];
  return [
    { $match: { ...match, ...first.$match } },
    { $project: { ...project.$project, key: groupKey === null ? { $literal: null } : `$${groupKey}` } },
    { $group: { ...group.$group, _id: '$key' } },
    { $limit: 1000 },
  ];
};

/**
 * ONE request on `reports` for several days: per day, reports made in its year to date
 * (`denominator_<i>`) and those acknowledged within `targetHours` (`numerator_<i>`).
 */
export const reportIndicatorsPipelineDays = (
  match: Record<string, unknown>,
  days: readonly Day[],
  targetHours: number,
) => {
  const windows = days.map((d) => indicatorPeriods(d).yearToDate);
  const lo = windows.reduce((a, w) => (w.start < a ? w.start : a), windows[0]?.start ?? '9999-12-31');
  const hi = windows.reduce((a, w) => (w.end > a ? w.end : a), windows[0]?.end ?? '0000-01-01');
  const sums: Record<string, unknown> = {};
  windows.forEach((w, i) => {
    const inW = {
      $and: [{ $gte: ['$reportedAt', dayStart(w.start)] }, { $lte: ['$reportedAt', dayEnd(w.end)] }],
    };
    sums[`denominator_${i}`] = { $sum: bool(inW) };
    sums[`numerator_${i}`] = {
      $sum: bool({
        $and: [inW, { $ne: ['$minutes', null] }, { $lte: ['$minutes', targetHours * 60] }],
      }),
    };
  });
  return [
    { $match: { ...match, reportedAt: { $gte: dayStart(lo), $lte: dayEnd(hi) } } },
    {
      $project: {
        reportedAt: 1,
        minutes: {
          $cond: [
            { $ifNull: ['$acknowledgedAt', false] },
            { $divide: [{ $subtract: ['$acknowledgedAt', '$reportedAt'] }, 60_000] },
            null,
          ],
        },
      },
    },
    { $group: { _id: null, ...sums } },
  ];
};

/** Raw sums per drill-down key, as both pipelines return them. */
export type IndicatorSums = Record<(typeof RESIDENT_SUMS)[number] | 'grD' | 'grN', number>;

const ZERO: IndicatorSums = Object.fromEntries(
  [...RESIDENT_SUMS, 'grD', 'grN'].map((k) => [k, 0]),
) as IndicatorSums;

/** Merges the rows of both pipelines into sums per key (key '' for documents without one). */
export const sumsByKey = (
  residentRows: readonly Record<string, unknown>[],
  reportRows: readonly Record<string, unknown>[],
): Map<string, IndicatorSums> => {
  const out = new Map<string, IndicatorSums>();
  const at = (k: unknown) => {
    const key = k === null || k === undefined ? '' : String(k);
    let s = out.get(key);
    if (!s) {
      s = { ...ZERO };
      out.set(key, s);
    }
    return s;
  };
  for (const r of residentRows) {
    const s = at(r._id);
    for (const f of RESIDENT_SUMS) s[f] += Number(r[f] ?? 0);
  }
  for (const r of reportRows) {
    const s = at(r._id);
    s.grD += Number(r.denominator ?? 0);
    s.grN += Number(r.numerator ?? 0);
  }
  return out;
};

/** The sums of day `i` of a multi-day request (one row each from both `...Days` pipelines). */
export const sumsOfDay = (
  residentRow: Record<string, unknown> | undefined,
  reportRow: Record<string, unknown> | undefined,
  i: number,
  count: number,
): IndicatorSums => {
  const sfx = daySuffix(i, count);
  const s = { ...ZERO };
  for (const f of RESIDENT_SUMS) s[f] = Number(residentRow?.[`${f}${sfx}`] ?? 0);
  s.grD = Number(reportRow?.[`denominator_${i}`] ?? 0);
  s.grN = Number(reportRow?.[`numerator_${i}`] ?? 0);
  return s;
};

/** Adds sums (the scope total is the sum over its children). */
export const addSums = (all: Iterable<IndicatorSums>): IndicatorSums => {
  const t = { ...ZERO };
  for (const s of all) for (const k of Object.keys(t) as (keyof IndicatorSums)[]) t[k] += s[k];
  return t;
};

const PAIRS: Record<IndicatorId, [keyof IndicatorSums, keyof IndicatorSums]> = {
  keyPopulationSignRate: ['kpN', 'kpD'],
  overallCoverage: ['ovN', 'ovD'],
  povertyCoverage: ['pvN', 'pvD'],
  effectiveSignServiceRate: ['efN', 'efD'],
  quarterlyContactCoverage: ['qcN', 'qcD'],
  followupCompletion: ['fuN', 'fuD'],
  gridReportResponse: ['grN', 'grD'],
};

/** Sums → the indicator list, in INDICATOR_IDS order. */
export const indicatorsFromSums = (
  s: IndicatorSums,
  targets: TIndicatorTargets = DEFAULT_TARGETS,
): Indicator[] =>
  INDICATOR_IDS.map((id) => {
    const [n, d] = PAIRS[id];
    return toIndicator(id, { numerator: s[n], denominator: s[d] }, targets[id]);
  });

/**
 * The same list from the pure functions over arrays (tests, small reports). Follow-up completion
 * sums the four conditions' counts.
 */
export const indicatorsPure = (
  data: {
    residents: readonly TPopulationFacts[];
    contracts: readonly ContractFacts[];
    contacts: readonly { residentId: string; day: Day }[];
    followups: readonly (Pick<TFollowup, 'kind' | 'mode' | 'day'> & { residentId: string })[];
    reports: readonly ReportFacts[];
  },
  day: Day,
  targets: TIndicatorTargets = DEFAULT_TARGETS,
  cfg: TPopulationConfig = DEFAULT_POPULATION_CONFIG,
): Indicator[] => {
  const { residents, contracts, contacts, followups, reports } = data;
  const { yearToDate, quarter } = indicatorPeriods(day);
  const fu = FOLLOWUP_CONDITIONS.map((c) =>
    followupCompletionCounts(c, residents, contracts, followups, yearToDate),
  ).reduce<Counts>(
    (a, b) => ({ numerator: a.numerator + b.numerator, denominator: a.denominator + b.denominator }),
    { numerator: 0, denominator: 0 },
  );
  const gr = gridResponseCounts(reports, yearToDate, targets.gridResponseHours);
  const counts: Record<IndicatorId, Counts> = {
    keyPopulationSignRate: keyPopulationSignCounts(residents, contracts, day, cfg),
    overallCoverage: overallCoverageCounts(residents, contracts, day),
    povertyCoverage: povertyCoverageCounts(residents, contracts, day),
    effectiveSignServiceRate: effectiveServiceCounts(
      residents,
      contracts,
      [...contacts, ...followups],
      yearToDate,
    ),
    quarterlyContactCoverage: quarterlyContactCounts(residents, contracts, contacts, quarter, day),
    followupCompletion: fu,
    gridReportResponse: { numerator: gr.numerator, denominator: gr.denominator },
  };
  return INDICATOR_IDS.map((id) => toIndicator(id, counts[id], targets[id]));
};
