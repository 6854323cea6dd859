import { PDFDocument } from 'pdf-lib';
import { userIdFor } from '../../cloudfunctions/_lib/caller';
import { demoIdNumber } from '../../scripts/seed/demo-identities';
import { GRID_DEMO } from '../../scripts/seed/grid';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { HouseholdDoc } from '../../shared/db/schemas/households';
import { PLATE_TOKEN_RE } from '../../shared/grid';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';

// The grid function through the gateway into the built function, real SDK → emulator: door-plate
// sheets and tokens, scanning, registration without duplicates, scope, and the report loop.

// biome-ignore lint/suspicious/noExplicitAny: envelopes are read loosely in tests
type Any = any;
const WORKER = GRID_DEMO.workerOpenid; // 许丽, 东门社区第1网格
const OTHER_WORKER = 'demo-grid-qs-qs-g1'; // 邓刚, 青山村第1网格
const DOCTOR = 'demo-doctor-cg-1'; // 王建国, team-cg-1 (serves 东门社区)
const OTHER_DOCTOR = 'demo-doctor-qs-1';
const ADMIN = 'demo-admin-cg';
const RESIDENT = 'demo-resident-1';

let emu: TestEmulator;
const call = async (action: string, input: unknown, openid: string): Promise<Any> =>
  (await emu.callFn('grid', { action, input }, openid)).result;
const db = () => emu.sdkApp().database();
const household = async (id: string) =>
  ((await db().collection(COLLECTIONS.households).doc(id).get()).data as HouseholdDoc[])[0] as HouseholdDoc;

beforeAll(async () => {
  emu = await startSeededEmulator(['grid']);
}, 180_000);
afterAll(() => emu?.close());

describe('door plates', () => {
  let oldToken = '';

  it('a sheet for a grid gives every household one new token and a valid A4 PDF', async () => {
    // 青山村第1网格 (2 households): the whole grid; 东门's 40 are printed by the browser journey.
    const before = await db().collection(COLLECTIONS.households).where({ gridId: 'r-qs-qs-g1' }).get();
    const oldTokens = (before.data as HouseholdDoc[]).map((h) => h.qrToken);
    const t0 = Date.now();
    const r = await call('qrSheet', { gridId: 'r-qs-qs-g1' }, 'demo-admin-qs');
    console.info(`qrSheet of 2 households: ${Date.now() - t0} ms`, r.ok ? '' : JSON.stringify(r));
    expect(r).toMatchObject({ ok: true, data: { plates: 2, pages: 1 } });
    const { data } = await db().collection(COLLECTIONS.households).where({ gridId: 'r-qs-qs-g1' }).get();
    const hs = data as HouseholdDoc[];
    expect(hs).toHaveLength(2);
    const tokens = hs.map((h) => h.qrToken);
    expect(new Set(tokens).size).toBe(2);
    for (const t of tokens) expect(t).toMatch(PLATE_TOKEN_RE);
    for (const t of tokens) expect(t.length).toBeLessThanOrEqual(32);
    for (const t of oldTokens) expect(tokens).not.toContain(t);
    for (const h of hs) expect(oldTokens).toContain(h.revokedQrTokens[0]);

    const res = await fetch(r.data.downloadUrl);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect(Math.round(width)).toBe(595);
    expect(Math.round(height)).toBe(842);
    expect(pdf.getTitle()).toContain('青山村第1网格');
  }, 180_000);

  it('a reprint of one plate revokes its old code only', async () => {
    oldToken = (await household('hh-dm-1')).qrToken;
    const other = (await household('hh-dm-2')).qrToken;
    const r = await call('qrSheet', { gridId: GRID_DEMO.gridId, householdIds: ['hh-dm-1'] }, ADMIN);
    expect(r).toMatchObject({ ok: true, data: { plates: 1, pages: 1 } });
    const h = await household('hh-dm-1');
    expect(h.qrToken).not.toBe(oldToken);
    expect(h.revokedQrTokens).toContain(oldToken);
    expect((await household('hh-dm-2')).qrToken).toBe(other);
    // A household of another grid cannot ride along.
    expect(
      await call('qrSheet', { gridId: GRID_DEMO.gridId, householdIds: ['hh-dm-1', 'hh-qs-1'] }, ADMIN),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  }, 120_000);

  it('the plate code is a mini-program code whose scene is the token alone', async () => {
    const h = await household('hh-dm-1');
    const r = await emu.sdkApp().callWxOpenApi({
      apiName: 'wxacode.getUnlimited',
      requestData: { scene: h.qrToken, page: 'packages/grid/pages/scan/index' },
    });
    expect((r.result as Any).encoded).toBe(`packages/grid/pages/scan/index?scene=${h.qrToken}`);
  });

  it('scanning the new code opens the household; the revoked one is refused', async () => {
    const h = await household('hh-dm-1');
    const ok = await call(
      'scanHousehold',
      { code: `packages/grid/pages/scan/index?scene=${h.qrToken}` },
      WORKER,
    );
    expect(ok).toMatchObject({ ok: true, data: { householdId: 'hh-dm-1', address: '东门社区幸福路1号' } });
    // Members are masked on the card.
    for (const m of ok.data.members) expect(m.name).toMatch(/\*/);
    expect(await call('scanHousehold', { code: oldToken }, WORKER)).toMatchObject({
      ok: false,
      code: 'PLATE_REVOKED',
    });
    expect(await call('scanHousehold', { code: 'AAAAAAAAAAAAAAAAAAAAAAAA' }, WORKER)).toMatchObject({
      ok: false,
      code: 'PLATE_UNKNOWN',
    });
  });

  it('the token alone grants nothing: a resident gets a polite note, another grid OUT_OF_SCOPE', async () => {
    const h = await household('hh-dm-1');
    const r = await call('scanHousehold', { code: h.qrToken }, RESIDENT);
    expect(r).toMatchObject({ ok: false, code: 'PLATE_STAFF_ONLY' });
    expect(r.message).toContain('网格员');
    expect(await call('scanHousehold', { code: h.qrToken }, OTHER_WORKER)).toMatchObject({
      ok: false,
      code: 'OUT_OF_SCOPE',
    });
  });
});

describe('registration', () => {
  const idA = demoIdNumber('330102', '1966-06-06', 801);
  const idB = demoIdNumber('330102', '2022-02-02', 802);

  it('registers a household with two members; the same ID number again finds the existing resident', async () => {
    const r = await call(
      'registerHousehold',
      {
        requestId: 'reg-test-0001',
        gridId: GRID_DEMO.gridId,
        address: '东门社区幸福路99号',
        members: [
          { name: '孙立国', idNumber: idA, relation: 'head', tags: ['hypertension'] },
          { name: '孙小雨', idNumber: idB, relation: 'child' },
        ],
      },
      WORKER,
    );
    expect(r.ok).toBe(true);
    expect(r.data.members.map((m: Any) => m.outcome)).toEqual(['created', 'created']);
    expect(r.data.card.members).toHaveLength(2);
    const child = r.data.card.members.find((m: Any) => m.relation === 'child');
    expect(child.tags).toContain('child');
    const hhId = r.data.card.householdId;

    // A resend of the same request (offline queue) lands on the same household and people.
    const again = await call(
      'registerHousehold',
      {
        requestId: 'reg-test-0001',
        gridId: GRID_DEMO.gridId,
        address: '东门社区幸福路99号',
        members: [
          { name: '孙立国', idNumber: idA, relation: 'head' },
          { name: '孙小雨', idNumber: idB, relation: 'child' },
        ],
      },
      WORKER,
    );
    expect(again.data.card.householdId).toBe(hhId);
    expect(again.data.members.map((m: Any) => m.outcome)).toEqual(['existing', 'existing']);

    // Registering the same ID number from another household: shown, not duplicated.
    const dup = await call(
      'addMember',
      {
        requestId: 'add-test-0002',
        householdId: 'hh-dm-2',
        name: '孙立国',
        idNumber: idA,
        relation: 'other',
      },
      WORKER,
    );
    expect(dup).toMatchObject({ ok: true, data: { outcome: 'elsewhere', member: { name: '孙*国' } } });
    const { total } = await db().collection(COLLECTIONS.residents).where({ name: '孙立国' }).count();
    expect(total).toBe(1);

    // A name that does not match the ID number on record is refused.
    expect(
      await call(
        'addMember',
        { requestId: 'add-test-0003', householdId: 'hh-dm-2', name: '孙立民', idNumber: idA },
        WORKER,
      ),
    ).toMatchObject({ ok: false, code: 'IDENTITY_MISMATCH' });

    // An invalid ID number is refused as the user function refuses it.
    const bad = await call(
      'addMember',
      {
        requestId: 'add-test-0004',
        householdId: 'hh-dm-2',
        name: '钱多多',
        idNumber: `${idA.slice(0, 17)}${idA.endsWith('1') ? '2' : '1'}`,
      },
      WORKER,
    );
    expect(bad).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('a resident already on record without a household (self-verified) joins this one', async () => {
    await db()
      .collection(COLLECTIONS.residents)
      .doc('res-demo-3')
      .update({ householdId: db().command.remove() });
    const { data } = await db().collection(COLLECTIONS.residents).doc('res-demo-3').get();
    expect((data[0] as Any).householdId).toBeUndefined();
    // 赵敏's demo ID: 330105 1990-02-14 seq 46.
    const r = await call(
      'addMember',
      {
        requestId: 'add-test-0005',
        householdId: 'hh-dm-38',
        name: '赵敏',
        idNumber: demoIdNumber('330105', '1990-02-14', 46),
      },
      WORKER,
    );
    expect(r).toMatchObject({ ok: true, data: { outcome: 'linked' } });
  });

  it('the grid overview lists households, who is signed and the unsigned key populations', async () => {
    const r = await call('gridOverview', {}, WORKER);
    expect(r.ok).toBe(true);
    expect(r.data.gridName).toBe('东门社区第1网格');
    expect(r.data.totals.households).toBe(41);
    expect(r.data.totals.signed).toBeGreaterThan(0);
    expect(r.data.totals.keyUnsigned).toBeGreaterThan(0);
    for (const t of r.data.todo) expect(t.signed).toBe(false);
  });
});

describe('scope: a grid worker of another grid is refused on every action', () => {
  it.each([
    ['scanHousehold', { householdId: 'hh-dm-1' }],
    [
      'registerHousehold',
      { requestId: 'scope-0001', gridId: GRID_DEMO.gridId, address: '东门社区幸福路100号' },
    ],
    [
      'addMember',
      {
        requestId: 'scope-0002',
        householdId: 'hh-dm-1',
        name: '测试人',
        idNumber: demoIdNumber('330102', '1980-01-01', 803),
      },
    ],
    ['updateMember', { residentId: 'res-dm-1-1', tags: ['diabetes'] }],
    ['moveOut', { requestId: 'scope-0003', residentId: 'res-dm-1-1' }],
    ['report', { requestId: 'scope-0004', householdId: 'hh-dm-1', residentId: 'res-dm-1-1', kind: 'died' }],
    ['gridOverview', { gridId: GRID_DEMO.gridId }],
    ['qrSheet', { gridId: GRID_DEMO.gridId }],
  ])('%s', async (action, input) => {
    const r = await call(action, input, OTHER_WORKER);
    expect(r).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
  });

  it('acknowledge and resolve are for the team only', async () => {
    expect(await call('acknowledge', { reportId: 'rpt-demo-3' }, OTHER_WORKER)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await call('acknowledge', { reportId: 'rpt-demo-3' }, OTHER_DOCTOR)).toMatchObject({
      ok: false,
      code: 'OUT_OF_SCOPE',
    });
    expect(
      await call('resolve', { reportId: 'rpt-demo-3', intervention: '已处置' }, OTHER_DOCTOR),
    ).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
  });

  it("myReports shows only one's own reports", async () => {
    const r = await call('myReports', {}, OTHER_WORKER);
    expect(r).toMatchObject({ ok: true, data: { reports: [] } });
  });

  it('nothing was written by the refused calls', async () => {
    const { data } = await db().collection(COLLECTIONS.residents).doc('res-dm-1-1').get();
    expect((data[0] as Any).movedOutAt).toBeUndefined();
    expect((data[0] as Any).tags).not.toContain('diabetes');
  });
});

describe('reports', () => {
  // The test makes more writes as one grid worker than the per-minute limit allows a person.
  beforeEach(async () => {
    await db().collection(COLLECTIONS.users).doc(userIdFor(WORKER)).update({ writes: db().command.remove() });
  });

  it('an urgent report is visible to the team at once and overdue after its deadline', async () => {
    emu.setClockOffset(0);
    const r = await call(
      'report',
      {
        requestId: 'urgent-0001',
        householdId: 'hh-dm-10',
        residentId: 'res-dm-10-1',
        kind: 'urgent_mental',
        note: '情绪激动',
      },
      WORKER,
    );
    expect(r).toMatchObject({ ok: true, data: { status: 'open', overdue: false } });
    const due = new Date(r.data.ackDueAt).getTime() - new Date(r.data.reportedAt).getTime();
    expect(due).toBe(2 * 3_600_000);
    const reportId = r.data.reportId;

    const list = await call('teamReports', { status: 'active' }, DOCTOR);
    const seen = list.data.reports.find((x: Any) => x.reportId === reportId);
    expect(seen).toMatchObject({ kind: 'urgent_mental', overdue: false, reporterName: '许丽' });
    // The team and the village committee were alerted in the same transaction.
    const team = await db().collection(COLLECTIONS.outbox).doc(`grid.report:${reportId}:team`).get();
    expect(team.data[0]).toMatchObject({ kind: 'grid.report.urgent', to: { staffId: 'st-cg-1' } });
    const village = await db().collection(COLLECTIONS.outbox).doc(`grid.report:${reportId}:village`).get();
    expect(village.data).toHaveLength(1);

    // A resend of the same request makes no second report.
    const again = await call(
      'report',
      { requestId: 'urgent-0001', householdId: 'hh-dm-10', residentId: 'res-dm-10-1', kind: 'urgent_mental' },
      WORKER,
    );
    expect(again.data.reportId).toBe(reportId);

    // Three hours later (emulator clock): overdue, and escalated once to the institution admin.
    emu.setClockOffset(3 * 3_600_000);
    const later = await call('teamReports', { status: 'overdue' }, DOCTOR);
    expect(later.data.reports.map((x: Any) => x.reportId)).toContain(reportId);
    expect(later.data.reports.find((x: Any) => x.reportId === reportId).overdue).toBe(true);
    const esc = await db()
      .collection(COLLECTIONS.outbox)
      .doc(`grid.report:${reportId}:escalate:st-adm-cg`)
      .get();
    expect(esc.data[0]).toMatchObject({ kind: 'grid.report.overdue', to: { staffId: 'st-adm-cg' } });
    const mine = await call('myReports', { status: 'overdue' }, WORKER);
    expect(mine.data.reports.map((x: Any) => x.reportId)).toContain(reportId);
    emu.setClockOffset(0);
  });

  it('acknowledge → resolve records who and when; adopt puts the tag on the record', async () => {
    const r = await call(
      'report',
      {
        requestId: 'kp-test-0001',
        householdId: 'hh-dm-11',
        residentId: 'res-dm-11-1',
        kind: 'key_population',
        tag: 'diabetes',
      },
      WORKER,
    );
    expect(r).toMatchObject({ ok: true });
    const reportId = r.data.reportId;
    const ack = await call('acknowledge', { reportId }, DOCTOR);
    expect(ack).toMatchObject({ ok: true, data: { status: 'acknowledged', acknowledgedBy: '王建国' } });
    expect(ack.data.acknowledgedAt).toBeDefined();
    const res = await call(
      'resolve',
      { reportId, intervention: '入户测血糖，纳入糖尿病随访', adopt: true },
      DOCTOR,
    );
    expect(res).toMatchObject({
      ok: true,
      data: {
        status: 'resolved',
        resolvedBy: '王建国',
        intervention: '入户测血糖，纳入糖尿病随访',
        adopted: true,
      },
    });
    const stored = (await db().collection(COLLECTIONS.reports).doc(reportId).get()).data[0] as Any;
    expect(stored.acknowledgedBy).toMatchObject({ staffId: 'st-cg-1', name: '王建国' });
    expect(stored.resolvedBy).toMatchObject({ staffId: 'st-cg-1' });
    expect(new Date(stored.resolvedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(stored.acknowledgedAt).getTime(),
    );
    const resident = (await db().collection(COLLECTIONS.residents).doc('res-dm-11-1').get()).data[0] as Any;
    expect(resident.tags).toContain('diabetes');
    expect(await call('resolve', { reportId, intervention: '再次处置' }, DOCTOR)).toMatchObject({
      ok: false,
      code: 'REPORT_CLOSED',
    });
  });

  it('moving a member out reports it to the team and marks the card', async () => {
    const r = await call(
      'moveOut',
      { requestId: 'move-0001', residentId: 'res-dm-12-1', note: '随子女迁往外地' },
      WORKER,
    );
    expect(r).toMatchObject({ ok: true, data: { kind: 'moved_out', status: 'open' } });
    const card = await call('scanHousehold', { householdId: 'hh-dm-12' }, WORKER);
    expect(card.data.members.find((m: Any) => m.residentId === 'res-dm-12-1').movedOut).toBe(true);
  });
});
