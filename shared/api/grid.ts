import { KEY_POPULATION_TAGS, STORED_TAGS } from '../constants/tags';
import { REPORT_KINDS, REPORT_STATUSES } from '../grid/config';
import { defineAction } from './define';
import { zId, zIdNumber, zInstant, zMobile, zName } from './fields';
import { z } from './zod';

/**
 * The `grid` function (issue 15): door-plate QR codes, household registration by grid workers and
 * the "网格吹哨、家医报到" report loop. Grid workers reach only their own grid; the team that
 * serves the grid reaches its reports; a plate's token alone grants nothing.
 */

/** A client-made id for a write, so a resend from the offline queue never duplicates. */
export const zRequestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号无效' });
const zAddress = z.string().trim().min(2, { error: '请输入门牌地址' }).max(80, { error: '地址最多80字' });
const zNote = z.string().trim().max(200, { error: '说明最多200字' });
const zToken = z.string().trim().min(1).max(300);
export const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'other'] as const;

export const ZMemberInput = z.object({
  name: zName,
  idNumber: zIdNumber,
  mobile: zMobile.optional(),
  relation: z.enum(RELATIONS).default('other'),
  tags: z.array(z.enum(STORED_TAGS)).max(10).default([]),
});

export const ZMemberView = z.object({
  residentId: zId,
  /** Masked (张*兰); the grid worker sees the full record only in their own grid's lists. */
  name: z.string(),
  idMasked: z.string(),
  relation: z.enum(RELATIONS).optional(),
  /** Key populations today (derived ones included). */
  tags: z.array(z.enum(KEY_POPULATION_TAGS)),
  signed: z.boolean(),
  movedOut: z.boolean(),
});
export type TMemberView = z.output<typeof ZMemberView>;

export const ZHouseholdCard = z.object({
  householdId: zId,
  address: z.string(),
  gridId: zId,
  gridName: z.string(),
  teamName: z.string().optional(),
  members: z.array(ZMemberView),
});
export type THouseholdCard = z.output<typeof ZHouseholdCard>;

export const ZReportView = z.object({
  reportId: zId,
  kind: z.enum(REPORT_KINDS),
  tag: z.enum(KEY_POPULATION_TAGS).optional(),
  status: z.enum(REPORT_STATUSES),
  overdue: z.boolean(),
  note: z.string().optional(),
  householdId: zId,
  address: z.string(),
  gridName: z.string(),
  residentId: zId.optional(),
  residentName: z.string().optional(),
  reporterName: z.string(),
  reportedAt: zInstant,
  ackDueAt: zInstant,
  acknowledgedAt: zInstant.optional(),
  acknowledgedBy: z.string().optional(),
  resolvedAt: zInstant.optional(),
  resolvedBy: z.string().optional(),
  intervention: z.string().optional(),
  escalatedAt: zInstant.optional(),
  /** Whether the resident's record already carries the reported tag (new-member reports). */
  adopted: z.boolean().optional(),
});
export type TReportView = z.output<typeof ZReportView>;

const GRID_STAFF = { grid_worker: 'grid', district_admin: 'district' } as const;
const TEAM_SIDE = { doctor: 'team', institution_admin: 'institution', district_admin: 'district' } as const;

export const ZQrSheetInput = z.object({
  gridId: zId,
  /** Reprint only these households (a lost plate); all of the grid's households when absent. */
  householdIds: z.array(zId).max(60).optional(),
});
export const qrSheet = defineAction({
  fn: 'grid',
  action: 'qrSheet',
  summary: 'Printable A4 PDF of door plates for a grid; every printed household gets a new code',
  input: ZQrSheetInput,
  output: z.object({
    fileId: z.string(),
    downloadUrl: z.string(),
    plates: z.number().int(),
    pages: z.number().int(),
  }),
  errors: ['NOT_FOUND', 'PLATE_SHEET_TOO_LARGE'],
  access: { institution_admin: 'institution', district_admin: 'district', grid_worker: 'grid' },
});

export const ZScanInput = z.union([
  z.object({ code: zToken }).strict(),
  z.object({ householdId: zId }).strict(),
]);
export const scanHousehold = defineAction({
  fn: 'grid',
  action: 'scanHousehold',
  summary: 'A scanned door plate (or a household of my grid) → the household card',
  input: ZScanInput,
  output: ZHouseholdCard,
  errors: ['PLATE_REVOKED', 'PLATE_UNKNOWN', 'PLATE_STAFF_ONLY'],
  // Everyone may scan; only staff of the household's grid or team see it (the rest a polite message).
  access: {
    guest: 'public',
    resident: 'public',
    grid_worker: 'grid',
    doctor: 'team',
    institution_admin: 'institution',
    district_admin: 'district',
  },
});

export const ZRegisterHouseholdInput = z.object({
  requestId: zRequestId,
  gridId: zId,
  address: zAddress,
  members: z.array(ZMemberInput).max(10).default([]),
});
export const ZAddMemberResult = z.object({
  /** created: new record; linked: an existing record without a household joined this one;
   *  existing: already registered here (shown instead of a duplicate); elsewhere: registered in
   *  another household, not moved. */
  outcome: z.enum(['created', 'linked', 'existing', 'elsewhere']),
  member: ZMemberView,
});
export const registerHousehold = defineAction({
  fn: 'grid',
  action: 'registerHousehold',
  summary: 'Register a new household (address, optional members) in my grid',
  input: ZRegisterHouseholdInput,
  output: z.object({ card: ZHouseholdCard, members: z.array(ZAddMemberResult) }),
  errors: ['NOT_FOUND', 'ID_FUTURE'],
  access: GRID_STAFF,
});

export const ZAddMemberInput = ZMemberInput.extend({ requestId: zRequestId, householdId: zId });
export const addMember = defineAction({
  fn: 'grid',
  action: 'addMember',
  summary: 'Add a person to a household; the same ID number is never registered twice',
  input: ZAddMemberInput,
  output: ZAddMemberResult,
  errors: ['NOT_FOUND', 'ID_FUTURE', 'IDENTITY_MISMATCH'],
  access: GRID_STAFF,
});

export const ZUpdateMemberInput = z.object({
  residentId: zId,
  mobile: zMobile.optional(),
  relation: z.enum(RELATIONS).optional(),
  tags: z.array(z.enum(STORED_TAGS)).max(10).optional(),
});
export const updateMember = defineAction({
  fn: 'grid',
  action: 'updateMember',
  summary: 'Update a member of a household of my grid (phone, relation, condition tags)',
  input: ZUpdateMemberInput,
  output: ZMemberView,
  errors: ['NOT_FOUND'],
  access: GRID_STAFF,
});

export const ZMoveOutInput = z.object({ requestId: zRequestId, residentId: zId, note: zNote.optional() });
export const moveOut = defineAction({
  fn: 'grid',
  action: 'moveOut',
  summary: 'Record that a member moved out; the team is told with a moved-out report',
  input: ZMoveOutInput,
  output: ZReportView,
  errors: ['NOT_FOUND'],
  access: GRID_STAFF,
});

export const ZReportInput = z
  .object({
    requestId: zRequestId,
    householdId: zId,
    residentId: zId.optional(),
    kind: z.enum(REPORT_KINDS),
    tag: z.enum(KEY_POPULATION_TAGS).optional(),
    note: zNote.optional(),
  })
  .refine((r) => r.kind !== 'key_population' || r.tag !== undefined, {
    error: '请选择发现的重点人群类别',
    path: ['tag'],
  })
  .refine((r) => r.kind === 'urgent_mental' || r.residentId !== undefined, {
    error: '请选择上报的居民',
    path: ['residentId'],
  });
export const report = defineAction({
  fn: 'grid',
  action: 'report',
  summary: 'Report to the responsible family-doctor team (网格吹哨)',
  input: ZReportInput,
  output: ZReportView,
  errors: ['NOT_FOUND'],
  access: GRID_STAFF,
});

export const ZReportRef = z.object({ reportId: zId });
export const acknowledge = defineAction({
  fn: 'grid',
  action: 'acknowledge',
  summary: 'The team acknowledges a report (家医报到); who and when are recorded',
  input: ZReportRef,
  output: ZReportView,
  errors: ['NOT_FOUND', 'REPORT_CLOSED'],
  access: { doctor: 'team' },
});

export const ZResolveInput = z.object({
  reportId: zId,
  intervention: z.string().trim().min(2, { error: '请填写处置情况' }).max(200, { error: '最多200字' }),
  /** New-member reports: also put the reported tag on the resident's record (one step). */
  adopt: z.boolean().default(false),
});
export const resolve = defineAction({
  fn: 'grid',
  action: 'resolve',
  summary: 'The team records its intervention and closes the report (optionally tagging the resident)',
  input: ZResolveInput,
  output: ZReportView,
  errors: ['NOT_FOUND', 'REPORT_CLOSED'],
  access: { doctor: 'team' },
});

export const ZReportListInput = z.object({
  status: z.enum([...REPORT_STATUSES, 'overdue', 'active']).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export const ZReportList = z.object({ reports: z.array(ZReportView), overdue: z.number().int() });
export const myReports = defineAction({
  fn: 'grid',
  action: 'myReports',
  summary: 'Reports I made, newest first, with their state',
  input: ZReportListInput,
  output: ZReportList,
  errors: [],
  access: { grid_worker: 'own' },
});

export const teamReports = defineAction({
  fn: 'grid',
  action: 'teamReports',
  summary: "Reports routed to the caller's teams (doctor) or institution (admin), overdue first",
  input: ZReportListInput,
  output: ZReportList,
  errors: [],
  access: TEAM_SIDE,
});

export const ZGridOverviewInput = z.object({ gridId: zId.optional() });
export const gridOverview = defineAction({
  fn: 'grid',
  action: 'gridOverview',
  summary: 'My grid: households, who is signed, key populations not yet signed (to-do)',
  input: ZGridOverviewInput,
  output: z.object({
    gridId: zId,
    gridName: z.string(),
    households: z.array(
      z.object({
        householdId: zId,
        address: z.string(),
        members: z.number().int(),
        signed: z.number().int(),
        todo: z.number().int(),
      }),
    ),
    todo: z.array(ZMemberView.extend({ householdId: zId, address: z.string(), since: zInstant.optional() })),
    totals: z.object({
      households: z.number().int(),
      residents: z.number().int(),
      signed: z.number().int(),
      keyPopulation: z.number().int(),
      keyUnsigned: z.number().int(),
    }),
  }),
  errors: ['NOT_FOUND'],
  access: { grid_worker: 'grid', district_admin: 'district' },
});

export const listGrids = defineAction({
  fn: 'grid',
  action: 'listGrids',
  summary: 'Grids the caller works on (grid worker) or prints plates for (institution admin)',
  input: z.object({}).strict(),
  output: z.object({ grids: z.array(z.object({ gridId: zId, name: z.string(), villageName: z.string() })) }),
  errors: [],
  access: { grid_worker: 'grid', institution_admin: 'institution', district_admin: 'district' },
});

export const GRID_ACTIONS = [
  listGrids,
  qrSheet,
  scanHousehold,
  registerHousehold,
  addMember,
  updateMember,
  moveOut,
  report,
  acknowledge,
  resolve,
  myReports,
  teamReports,
  gridOverview,
];
