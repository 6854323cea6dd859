import { KEY_POPULATION_TAGS, type KeyPopulationTag } from '../constants/tags';

/**
 * Grid reports (网格吹哨、家医报到): what a grid worker can report, and how fast the responsible
 * family-doctor team must acknowledge it (POLICY.md "Grid workers"). Urgent cases are counted in
 * hours, routine ones in days.
 */
export const REPORT_KINDS = [
  /** A newly found key-population member (one POLICY tag per report). */
  'key_population',
  /** A severe mental disorder patient who is unstable: the team and the village committee at once. */
  'urgent_mental',
  /** A bedridden, disabled or demented resident who needs medicine bought and delivered. */
  'medicine_delivery',
  'moved_out',
  'died',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Tags a key-population report may name: every POLICY key population. */
export const REPORTABLE_TAGS = KEY_POPULATION_TAGS;
export type ReportableTag = KeyPopulationTag;

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** Time from the report to the team's acknowledgement (家医报到) before it counts as overdue. */
export const ACK_DEADLINE_MS: Record<ReportKind, number> = {
  urgent_mental: 2 * HOUR,
  medicine_delivery: 2 * DAY,
  key_population: 3 * DAY,
  moved_out: 7 * DAY,
  died: 7 * DAY,
};

/** Urgent kinds also alert the village committee, not only the team. */
export const URGENT_KINDS: readonly ReportKind[] = ['urgent_mental'];

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  key_population: '新发现重点人群',
  urgent_mental: '严重精神障碍患者病情不稳定（紧急）',
  medicine_delivery: '卧床/失能需送药',
  moved_out: '迁出',
  died: '死亡',
};

export const REPORT_STATUS_LABELS: Record<ReportStatus | 'overdue', string> = {
  open: '待报到',
  acknowledged: '已报到',
  resolved: '已处置',
  overdue: '已超时',
};

/** The door-plate token: only random characters WeChat accepts in a `scene` (≤ 32). */
export const PLATE_TOKEN_RE = /^[A-Za-z0-9_-]{16,32}$/;
export const PLATE_TOKEN_BYTES = 18; // 24 base64url characters, 144 random bits

/** Old codes kept per household so a scan of a reprinted plate says "revoked", not "unknown". */
export const REVOKED_TOKENS_KEPT = 5;

/** The page a door-plate mini-program code opens (scene = token). */
export const PLATE_PAGE = 'packages/grid/pages/scan/index';

/** Plates per A4 page: 2 columns × 4 rows. */
export const PLATES_PER_PAGE = 8;

/** Households per sheet request (one wxacode call each; keeps a sheet inside the function time-out). */
export const SHEET_MAX_HOUSEHOLDS = 60;
