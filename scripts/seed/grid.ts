// Demo data of the grid domain (issue 15): 东门社区第1网格 (grid worker 许丽) with 40 households
// on printed door plates, their members (some key populations not yet signed), and reports in
// every state — open, overdue, acknowledged, resolved; plus a few households of 青山村第1网格
// (邓刚) so scope is visible. ID numbers are made up, checksum-valid and sealed like real ones.
import { userIdFor } from '../../cloudfunctions/_lib/caller';
import { sealPii } from '../../cloudfunctions/_lib/pii';
import { newPlateToken } from '../../cloudfunctions/grid/support/ids';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { StoredTag } from '../../shared/constants/tags';
import type { HouseholdDoc } from '../../shared/db/schemas/households';
import type { ReportDoc } from '../../shared/db/schemas/reports';
import { DEMO_DISTRICT_ID } from '../../shared/demo/identities';
import { ackDueAt, maskName } from '../../shared/grid';
import { maskIdNumber, parseIdNumberShape } from '../../shared/identity';
import { demoIdNumber } from './demo-identities';

export const GRID_DEMO = {
  gridId: 'r-cg-dm-g1',
  gridName: '东门社区第1网格',
  villageId: 'r-cg-dm',
  teamId: 'team-cg-1',
  institutionId: 'inst-cg',
  workerOpenid: 'demo-grid-cg-dm-g1',
  workerStaffId: 'st-grid-cg-dm-g1',
  /** Households with a plate but nobody registered yet (the walkthrough registers one). */
  vacant: ['hh-dm-38', 'hh-dm-39', 'hh-dm-40'],
} as const;

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '秀英',
  '建华',
  '桂兰',
  '志强',
  '海燕',
  '国平',
  '玉梅',
  '德明',
  '春花',
  '立新',
  '淑珍',
  '文军',
];
const CHILD = ['乐乐', '思雨', '子涵', '浩宇', '欣怡', '梓轩'];

type Person = { name: string; birth: string; tags: StoredTag[]; relation: string };

/** Members of household n (deterministic): a couple, sometimes an elderly parent or a small child. */
function membersOf(n: number): Person[] {
  const s = SURNAMES[n % SURNAMES.length] as string;
  const g = (k: number) => GIVEN[(n * 3 + k) % GIVEN.length] as string;
  const year = 1958 + ((n * 7) % 30);
  const out: Person[] = [
    { name: `${s}${g(0)}`, birth: `${year}-0${1 + (n % 9)}-1${n % 10}`, tags: [], relation: 'head' },
  ];
  if (n % 3 !== 0)
    out.push({
      name: `${SURNAMES[(n + 5) % SURNAMES.length]}${g(1)}`,
      birth: `${year + 2}-1${n % 3}-0${1 + (n % 8)}`,
      tags: [],
      relation: 'spouse',
    });
  if (n % 4 === 1)
    out.push({
      name: `${s}${g(2)}`,
      birth: `19${38 + (n % 12)}-0${1 + (n % 9)}-2${n % 8}`,
      tags: [],
      relation: 'parent',
    });
  if (n % 5 === 2)
    out.push({
      name: `${s}${CHILD[n % CHILD.length]}`,
      birth: `202${1 + (n % 4)}-0${1 + (n % 9)}-1${n % 9}`,
      tags: [],
      relation: 'child',
    });
  // Conditions: hypertension and diabetes are common; one severe mental, one disabled.
  const head = out[0] as Person;
  if (n % 3 === 1) head.tags.push('hypertension');
  if (n % 6 === 2) head.tags.push('diabetes');
  if (n === 9) head.tags.push('severe_mental');
  if (n === 14) (out[out.length - 1] as Person).tags.push('disabled');
  return out;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Households, residents and reports of the grid demo (needs JY_PII_KEY, like the identities). */
export function demoGrid(now: Date): { collection: string; docs: { _id: string }[] }[] {
  const households: HouseholdDoc[] = [];
  const residents: { _id: string }[] = [];
  const workerUserId = userIdFor(GRID_DEMO.workerOpenid);
  const place = (gridId: string, villageId: string, teamId: string, institutionId: string) => ({
    gridId,
    villageId,
    teamId,
    institutionId,
    districtId: DEMO_DISTRICT_ID,
  });
  const addHousehold = (id: string, address: string, p: ReturnType<typeof place>) => {
    households.push({
      _id: id,
      address,
      ...p,
      qrToken: newPlateToken(),
      qrIssuedAt: new Date(now.getTime() - 30 * DAY),
      qrPrintedAt: new Date(now.getTime() - 30 * DAY),
      revokedQrTokens: [],
      registeredByUserId: workerUserId,
      createdAt: new Date(now.getTime() - 30 * DAY),
    });
  };
  const addPerson = (id: string, hh: string, p: Person, seq: number, where: ReturnType<typeof place>) => {
    const idNumber = demoIdNumber('330102', p.birth, seq);
    const facts = parseIdNumberShape(idNumber);
    if (!facts.ok) throw new Error(`demo ID for ${id} is invalid: ${facts.code}`);
    const sealed = sealPii('id', idNumber, maskIdNumber);
    residents.push({
      _id: id,
      name: p.name,
      idEnc: sealed.enc,
      idHash: sealed.hash,
      idMasked: sealed.masked,
      birthDate: facts.value.birthDate,
      sex: facts.value.sex,
      regionCode: facts.value.regionCode,
      tags: p.tags,
      relation: p.relation,
      householdId: hh,
      gridId: where.gridId,
      villageId: where.villageId,
      institutionId: where.institutionId,
      districtId: DEMO_DISTRICT_ID,
      registeredBy: { userId: workerUserId, at: new Date(now.getTime() - 30 * DAY) },
      createdAt: new Date(now.getTime() - 30 * DAY),
    } as { _id: string });
  };

  const dm = place(GRID_DEMO.gridId, GRID_DEMO.villageId, GRID_DEMO.teamId, GRID_DEMO.institutionId);
  for (let n = 1; n <= 40; n++) {
    const hh = `hh-dm-${n}`;
    addHousehold(hh, `东门社区幸福路${n}号`, dm);
    if ((GRID_DEMO.vacant as readonly string[]).includes(hh)) continue;
    membersOf(n).forEach((p, i) => {
      addPerson(`res-dm-${n}-${i + 1}`, hh, p, 500 + n * 10 + i * 2 + (p.relation === 'spouse' ? 1 : 0), dm);
    });
  }
  const qs = place('r-qs-qs-g1', 'r-qs-qs', 'team-qs-1', 'inst-qs');
  for (let n = 1; n <= 2; n++) {
    const hh = `hh-qs-${n}`;
    addHousehold(hh, `青山村${n}组${n * 3}号`, qs);
    membersOf(n + 40).forEach((p, i) => {
      addPerson(`res-qs-${n}-${i + 1}`, hh, p, 900 + n * 10 + i * 2 + (p.relation === 'spouse' ? 1 : 0), qs);
    });
  }

  const nameOf = (id: string) =>
    maskName((residents.find((r) => r._id === id) as unknown as { name: string }).name);
  const addr = (hh: string) => (households.find((h) => h._id === hh) as HouseholdDoc).address;
  const reporter = { userId: workerUserId, staffId: GRID_DEMO.workerStaffId, name: '许丽' };
  const doctor = { userId: userIdFor('demo-doctor-cg-1'), staffId: 'st-cg-1', name: '王建国' };
  const report = (
    id: string,
    hh: string,
    residentId: string | undefined,
    kind: ReportDoc['kind'],
    agoMs: number,
    extra: Partial<ReportDoc> = {},
  ): ReportDoc => {
    const at = new Date(now.getTime() - agoMs);
    return {
      _id: id,
      kind,
      status: 'open',
      householdId: hh,
      address: addr(hh),
      gridId: dm.gridId,
      gridName: GRID_DEMO.gridName,
      villageId: dm.villageId,
      teamId: dm.teamId,
      institutionId: dm.institutionId,
      districtId: DEMO_DISTRICT_ID,
      ...(residentId ? { residentId, residentName: nameOf(residentId) } : {}),
      reporterUserId: workerUserId,
      reporter,
      requestId: `demo-${id}`,
      reportedAt: at,
      ackDueAt: ackDueAt(kind, at),
      ...extra,
    };
  };
  const reports: ReportDoc[] = [
    // Overdue: a newly found diabetic reported 5 days ago, nobody has come.
    report('rpt-demo-1', 'hh-dm-5', 'res-dm-5-1', 'key_population', 5 * DAY, {
      tag: 'diabetes',
      note: '自述近期空腹血糖偏高',
    }),
    // Overdue urgent: reported 5 hours ago (deadline 2 hours).
    report('rpt-demo-2', 'hh-dm-9', 'res-dm-9-1', 'urgent_mental', 5 * HOUR, { note: '夜间吵闹，家属求助' }),
    // Open, within its deadline.
    report('rpt-demo-3', 'hh-dm-13', 'res-dm-13-1', 'medicine_delivery', 6 * HOUR, {
      note: '卧床，需代购降压药',
    }),
    report('rpt-demo-4', 'hh-dm-22', 'res-dm-22-1', 'key_population', 1 * DAY, { tag: 'hypertension' }),
    // Acknowledged, not yet resolved.
    report('rpt-demo-5', 'hh-dm-14', 'res-dm-14-1', 'key_population', 2 * DAY, {
      tag: 'disabled',
      status: 'acknowledged',
      acknowledgedAt: new Date(now.getTime() - 1 * DAY),
      acknowledgedBy: doctor,
    }),
    // Resolved with the intervention recorded.
    report('rpt-demo-6', 'hh-dm-7', 'res-dm-7-1', 'key_population', 10 * DAY, {
      tag: 'hypertension',
      status: 'resolved',
      acknowledgedAt: new Date(now.getTime() - 9 * DAY),
      acknowledgedBy: doctor,
      resolvedAt: new Date(now.getTime() - 8 * DAY),
      resolvedBy: doctor,
      intervention: '入户测量血压，纳入高血压随访管理',
      adopted: true,
    }),
  ];
  return [
    { collection: COLLECTIONS.households, docs: households },
    { collection: COLLECTIONS.residents, docs: residents },
    { collection: COLLECTIONS.reports, docs: reports },
  ];
}

/** The signed demo residents of the grid (from the contract seed) get a household on the plate list. */
export const GRID_SIGNED_MEMBERS: { residentId: string; householdId: string; relation: string }[] = [
  { residentId: 'res-demo-c1', householdId: 'hh-dm-2', relation: 'parent' },
  { residentId: 'res-demo-c5', householdId: 'hh-dm-3', relation: 'parent' },
  { residentId: 'res-demo-1', householdId: 'hh-dm-1', relation: 'head' },
  { residentId: 'res-demo-1m', householdId: 'hh-dm-1', relation: 'parent' },
];
