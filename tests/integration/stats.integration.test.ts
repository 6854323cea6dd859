import ExcelJS from 'exceljs';
import { COLLECTIONS } from '../../shared/constants/collections';
import { DEMO_DISTRICT_ID } from '../../shared/demo/identities';
import { type Indicator, indicatorsPure, performancePure, sumPerformance } from '../../shared/indicators';
import { dayEnd, dayStart, quarterOf, shanghaiDay } from '../../shared/time';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';

// stats.indicators through the real SDK against the emulator, on the demo seed (residents,
// contracts, care contacts/follow-ups, grid reports): every figure must equal the pure functions
// of shared/indicators over the same documents, read back from the database and filtered by scope.
// biome-ignore lint/suspicious/noExplicitAny: test plumbing over SDK rows
type Any = any;
const DISTRICT_ADMIN = 'demo-district-admin';
const ADMIN_CG = 'demo-admin-cg';
let emu: TestEmulator;
type Coll =
  | 'residents'
  | 'contracts'
  | 'contacts'
  | 'followups'
  | 'reports'
  | 'institutions'
  | 'teams'
  | 'referrals'
  | 'deliveries'
  | 'users'
  | 'regions'
  | 'consultMessages';
let all: Record<Coll, Any[]>;

const stats = async (input: unknown, openid = DISTRICT_ADMIN, action = 'indicators'): Promise<Any> =>
  (await emu.callFn('stats', { action, input }, openid)).result;

async function readAll(name: string): Promise<Any[]> {
  const db = emu.sdkApp().database();
  const out: Any[] = [];
  for (;;) {
    const { data } = await db.collection(name).skip(out.length).limit(1000).get();
    out.push(...data);
    if (data.length < 1000) return out;
  }
}

/** The pure functions over the documents of one scope. */
function expected(day: string, residentOk: (r: Any) => boolean, reportOk: (r: Any) => boolean): Indicator[] {
  const residents = all.residents
    .filter(residentOk)
    .map((r) => ({ ...r, tags: r.tags ?? [], pregnancies: r.pregnancies ?? [] }));
  return indicatorsPure(
    {
      residents,
      contracts: all.contracts,
      contacts: all.contacts,
      followups: all.followups,
      reports: all.reports.filter(reportOk).map((r) => ({ ...r, reportedAt: new Date(r.reportedAt) })),
    },
    day,
  );
}

beforeAll(async () => {
  emu = await startSeededEmulator(['user', 'stats']);
  all = {} as typeof all;
  for (const c of [
    'residents',
    'contracts',
    'contacts',
    'followups',
    'reports',
    'institutions',
    'teams',
    'referrals',
    'deliveries',
    'users',
    'regions',
    'consultMessages',
  ] as const)
    all[c] = await readAll(COLLECTIONS[c]);
}, 180_000);
afterAll(() => emu?.close());

const DAYS: string[] = ['2026-11-25', shanghaiDay(new Date())];
const DAY0 = '2026-11-25';

describe('stats.indicators = shared/indicators pure functions on the same data', () => {
  it('the demo seed is not empty (the comparison means something)', () => {
    expect(all.residents.length).toBeGreaterThan(10);
    expect(all.contracts.length).toBeGreaterThan(3);
  });

  it.each(DAYS)('district, each institution and each team on %s (children too)', async (day) => {
    const d = await stats({ level: 'district', day });
    expect(d.ok ? 'ok' : `${d.code} ${d.message}`).toBe('ok');
    const instIds = all.institutions.map((i) => i._id);
    expect(d.data.indicators).toEqual(
      expected(
        day,
        (r) => instIds.includes(r.institutionId),
        (r) => instIds.includes(r.institutionId),
      ),
    );
    expect(d.data.indicators.find((i: Indicator) => i.id === 'overallCoverage').denominator).toBeGreaterThan(
      0,
    );
    // District → townships (each the sum of its institutions).
    const townships = all.regions.filter((r) => r.level === 'township' && r.parentId === DEMO_DISTRICT_ID);
    expect(d.data.children.map((c: Any) => c.id).sort()).toEqual(townships.map((t) => t._id).sort());
    for (const tw of townships) {
      const ids = all.institutions.filter((i) => i.townshipId === tw._id).map((i) => i._id);
      const want = expected(
        day,
        (r) => ids.includes(r.institutionId),
        (r) => ids.includes(r.institutionId),
      );
      expect(d.data.children.find((c: Any) => c.id === tw._id)).toMatchObject({
        level: 'township',
        indicators: want,
      });
      const t = await stats({ level: 'township', id: tw._id, day });
      expect(t.data.indicators).toEqual(want);
      expect(t.data.children.map((c: Any) => c.id).sort()).toEqual([...ids].sort());
    }
    for (const inst of all.institutions) {
      const want = expected(
        day,
        (r) => r.institutionId === inst._id,
        (r) => r.institutionId === inst._id,
      );
      const i = await stats({ level: 'institution', id: inst._id, day });
      expect(i.data.indicators).toEqual(want);
      for (const team of all.teams.filter((t) => t.institutionId === inst._id)) {
        const wantTeam = expected(
          day,
          (r) => r.teamId === team._id,
          (r) => r.teamId === team._id,
        );
        const t = await stats({ level: 'team', id: team._id, day });
        expect(t.data.indicators).toEqual(wantTeam);
        expect(i.data.children.find((c: Any) => c.id === team._id).indicators).toEqual(
          expected(
            day,
            (r) => r.institutionId === inst._id && r.teamId === team._id,
            (r) => r.institutionId === inst._id && r.teamId === team._id,
          ),
        );
      }
    }
  });

  it('the demo makes the figures meaningful: one township meets more targets than another', async () => {
    const d = await stats({ level: 'district' });
    const metCount = (c: Any) => c.indicators.filter((i: Indicator) => i.met).length;
    const counts = d.data.children.map(metCount);
    expect(Math.max(...counts)).toBeGreaterThan(Math.min(...counts));
    for (const c of d.data.children)
      expect(c.indicators.find((i: Indicator) => i.id === 'overallCoverage').denominator).toBeGreaterThan(0);
    expect(
      d.data.indicators.find((i: Indicator) => i.id === 'gridReportResponse').denominator,
    ).toBeGreaterThan(0);
  });

  it('a township: its institutions only', async () => {
    const inst = all.institutions[0];
    const r = await stats({ level: 'township', id: inst.townshipId, day: DAY0 });
    const ids = all.institutions.filter((i) => i.townshipId === inst.townshipId).map((i) => i._id);
    expect(r.data.indicators).toEqual(
      expected(
        DAY0,
        (x) => ids.includes(x.institutionId),
        (x) => ids.includes(x.institutionId),
      ),
    );
  });
});

describe('stats.indicators access, decided from stored records', () => {
  it('an institution admin reads their own institution and its teams', async () => {
    const r = await stats({ level: 'institution' }, ADMIN_CG);
    expect(r).toMatchObject({ ok: true, data: { id: 'inst-cg', level: 'institution' } });
    expect((await stats({ level: 'team', id: 'team-cg-1' }, ADMIN_CG)).ok).toBe(true);
  });

  it("an institution admin cannot read another institution's figures, its teams, or the district", async () => {
    for (const input of [
      { level: 'institution', id: 'inst-qs' },
      { level: 'team', id: 'team-qs-1' },
      { level: 'district', id: DEMO_DISTRICT_ID },
      { level: 'township', id: 'r-qs' },
    ])
      expect(await stats(input, ADMIN_CG)).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
  });

  it('a doctor is refused; a district admin of another district reaches nothing here', async () => {
    expect(await stats({ level: 'district', id: DEMO_DISTRICT_ID }, 'demo-doctor-cg-1')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await stats({ level: 'institution', id: 'inst-cg' }, 'test-district-admin-other')).toMatchObject({
      ok: false,
      code: 'OUT_OF_SCOPE',
    });
  });
});

describe('stats.trend: one point per month end (or quarter end), each = the pure functions on that day', () => {
  it.each(['month', 'quarter'] as const)('district by %s', async (by) => {
    const r = await stats({ level: 'district', by, day: DAY0 }, DISTRICT_ADMIN, 'trend');
    expect(r.ok ? 'ok' : `${r.code} ${r.message}`).toBe('ok');
    expect(r.data.points).toHaveLength(by === 'month' ? 12 : 4);
    expect(r.data.points.at(-1).day).toBe(DAY0);
    const instIds = all.institutions.map((i) => i._id);
    for (const p of r.data.points)
      expect(p.indicators).toEqual(
        expected(
          p.day,
          (x) => instIds.includes(x.institutionId),
          (x) => instIds.includes(x.institutionId),
        ),
      );
    if (by === 'month') expect(r.data.points[0].day).toBe('2025-12-31');
  });

  it('a team by quarter', async () => {
    const r = await stats(
      { level: 'team', id: 'team-qs-2', by: 'quarter', day: DAY0 },
      DISTRICT_ADMIN,
      'trend',
    );
    for (const p of r.data.points)
      expect(p.indicators).toEqual(
        expected(
          p.day,
          (x) => x.teamId === 'team-qs-2',
          (x) => x.teamId === 'team-qs-2',
        ),
      );
  });
});

describe('stats.teamPerformance = performancePure on the same records', () => {
  const pure = (teamIds: string[], period: { start: string; end: string }) =>
    performancePure(
      {
        contracts: all.contracts.map((c) => ({
          ...c,
          confirmedAt: c.confirmedAt && new Date(c.confirmedAt),
        })),
        contacts: all.contacts,
        followups: all.followups,
        referrals: all.referrals,
        reports: all.reports.map((r) => ({
          ...r,
          reportedAt: new Date(r.reportedAt),
          ackDueAt: new Date(r.ackDueAt),
          acknowledgedAt: r.acknowledgedAt && new Date(r.acknowledgedAt),
        })),
        deliveries: all.deliveries.map((d) => ({ ...d, openedAt: d.openedAt && new Date(d.openedAt) })),
      },
      teamIds,
      period,
    );

  it.each(['quarter', 'year'] as const)('district, per team and per member, this %s', async (period) => {
    const day = shanghaiDay(new Date());
    const r = await stats({ level: 'district', period }, DISTRICT_ADMIN, 'teamPerformance');
    expect(r.ok ? 'ok' : `${r.code} ${r.message}`).toBe('ok');
    const start = period === 'quarter' ? quarterOf(day).start : `${day.slice(0, 4)}-01-01`;
    expect(r.data.period).toEqual({ start, end: day });
    const teamIds = all.teams.map((t) => t._id);
    const rows = pure(teamIds, { start, end: day });
    // Consultations answered within the promise (issue 18), credited to the answering member.
    const [from, to] = [dayStart(start), dayEnd(day)];
    for (const m of all.consultMessages)
      if (m.firstAnswer && m.withinPromise && teamIds.includes(m.teamId)) {
        const at = new Date(m.createdAt);
        if (at >= from && at <= to)
          rows.push({ team: m.teamId, user: `staff:${m.staffId}`, counts: { consultsOnTime: 1 } });
      }
    const byTeam = sumPerformance(rows, (x) => x.team);
    expect(r.data.teams.map((t: Any) => t.teamId).sort()).toEqual([...teamIds].sort());
    for (const t of r.data.teams) {
      const want = byTeam.get(t.teamId);
      if (want) expect(t.counts).toEqual(want);
      else expect(Object.values(t.counts).every((v) => v === 0)).toBe(true);
      const points = Object.entries(t.counts).reduce((n, [m, v]) => n + r.data.weights[m] * (v as number), 0);
      expect(t.points).toBeCloseTo(points, 1);
    }
    const staffOfUser = new Map(all.users.filter((u) => u.staffId).map((u) => [u._id, u.staffId]));
    const byMember = sumPerformance(rows, (x) => {
      const staffId = x.user?.startsWith('staff:')
        ? x.user.slice(6)
        : x.user
          ? staffOfUser.get(x.user)
          : undefined;
      return staffId ? `${x.team}|${staffId}` : null;
    });
    for (const m of r.data.members) {
      const want = byMember.get(`${m.teamId}|${m.staffId}`);
      if (want) expect(m.counts).toEqual(want);
      else expect(m.points).toBe(0);
    }
    // The demo gives work to record: the busiest team has points, and some member has points.
    expect(Math.max(...r.data.teams.map((t: Any) => t.points))).toBeGreaterThan(0);
    expect(r.data.members.some((m: Any) => m.points > 0)).toBe(true);
  });

  it('an institution admin sees only their own teams', async () => {
    const r = await stats({ level: 'institution' }, ADMIN_CG, 'teamPerformance');
    expect(r.data.teams.map((t: Any) => t.teamId).sort()).toEqual(['team-cg-1', 'team-cg-2']);
  });
});

async function workbookAt(url: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  return wb;
}
const sheetRows = (ws: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

describe('exports: real .xlsx files through storage, audited', () => {
  it('exportRoster (district): a valid workbook, one row per team member and grid worker, masked mobiles', async () => {
    const r = await stats({ level: 'district' }, DISTRICT_ADMIN, 'exportRoster');
    expect(r.ok ? 'ok' : `${r.code} ${r.message}`).toBe('ok');
    expect(r.data.fileName).toMatch(/成员明细表_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = await workbookAt(r.data.downloadUrl);
    const ws = wb.getWorksheet('成员明细表');
    expect(ws).toBeDefined();
    const rows = sheetRows(ws as ExcelJS.Worksheet);
    expect(rows[0]).toEqual([
      '机构',
      '团队',
      '类别',
      '姓名',
      '岗位',
      '职称',
      '团队长',
      '联系电话（脱敏）',
      '负责网格',
      '账号',
    ]);
    const members = all.teams.reduce((n, t) => n + (t.members ?? []).length, 0);
    const body = rows.slice(1);
    expect(body).toHaveLength(r.data.rows);
    expect(body.filter((x) => x[2] === '团队成员')).toHaveLength(members);
    expect(body.some((x) => x[2] === '网格员')).toBe(true);
    expect(body.find((x) => x[3] === '王建国')?.slice(0, 7)).toEqual([
      '城关街道社区卫生服务中心',
      '东门社区家庭医生团队',
      '团队成员',
      '王建国',
      '团队长（全科医生）',
      '主任医师',
      '是',
    ]);
    for (const x of body) if (x[7]) expect(String(x[7])).toMatch(/^\d{3}\*{4}\d{4}$/);
    // Audited: who exported what.
    const { data: audits } = await emu
      .sdkApp()
      .database()
      .collection(COLLECTIONS.auditLogs)
      .where({ event: 'stats.export' })
      .limit(100)
      .get();
    expect(audits.some((a: Any) => a.detail?.kind === 'roster' && a.detail?.fileId === r.data.fileId)).toBe(
      true,
    );
  });

  it('exportIndicators (institution admin, own institution): the scope and its teams, every indicator', async () => {
    const r = await stats({ level: 'institution', day: DAY0 }, ADMIN_CG, 'exportIndicators');
    expect(r.ok ? 'ok' : `${r.code} ${r.message}`).toBe('ok');
    const wb = await workbookAt(r.data.downloadUrl);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标', '团队绩效', '成员绩效', '口径说明']);
    const rows = sheetRows(wb.getWorksheet('指标') as ExcelJS.Worksheet);
    expect(rows[0]?.slice(0, 4)).toEqual(['层级', '名称', '统计日', '重点人群签约率·分子']);
    const view = (await stats({ level: 'institution', day: DAY0 }, ADMIN_CG)).data;
    expect(rows.slice(1).map((x) => x[1])).toEqual([view.name, ...view.children.map((c: Any) => c.name)]);
    const cov = view.indicators.find((i: Indicator) => i.id === 'overallCoverage');
    const col = (rows[0] as string[]).indexOf('常住人口签约覆盖率·分子');
    expect(rows[1]?.[col]).toBe(cov.numerator);
    expect(rows[1]?.[col + 1]).toBe(cov.denominator);
    expect(r.data.rows).toBe(1 + view.children.length);
  });

  it("an institution admin can neither read nor export another institution's figures", async () => {
    for (const action of ['trend', 'teamPerformance', 'exportRoster', 'exportIndicators'])
      for (const input of [
        { level: 'institution', id: 'inst-qs' },
        { level: 'team', id: 'team-qs-1' },
        { level: 'district', id: DEMO_DISTRICT_ID },
      ])
        expect(await stats(input, ADMIN_CG, action)).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
    expect(await stats({ level: 'district' }, 'demo-doctor-cg-1', 'exportRoster')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});

describe('stats.rollup: stored per-institution sums give the same figures in one read', () => {
  it('district, a township and an institution from the rollup = live = the pure functions', async () => {
    const live = await stats({ level: 'district', day: DAY0, live: true });
    expect(live.data.source).toBe('live');
    const r = await stats({ day: DAY0 }, DISTRICT_ADMIN, 'rollup');
    expect(r.ok ? 'ok' : `${r.code} ${r.message}`).toBe('ok');
    expect(r.data.computed.sort()).toEqual(all.institutions.map((i) => i._id).sort());
    expect(r.data.remaining).toBe(0);
    // Nothing left to do on a second call.
    expect((await stats({ day: DAY0 }, DISTRICT_ADMIN, 'rollup')).data.computed).toEqual([]);
    const fromRollup = await stats({ level: 'district', day: DAY0 });
    expect(fromRollup.data.source).toBe('rollup');
    expect(fromRollup.data.indicators).toEqual(live.data.indicators);
    expect(fromRollup.data.children).toEqual(live.data.children);
    for (const [level, id] of [
      ['township', 'r-qs'],
      ['institution', 'inst-qs'],
    ]) {
      const a = await stats({ level, id, day: DAY0 });
      const b = await stats({ level, id, day: DAY0, live: true });
      expect(a.data.source).toBe('rollup');
      expect({ i: a.data.indicators, c: a.data.children }).toEqual({
        i: b.data.indicators,
        c: b.data.children,
      });
    }
  });

  it('a trend by quarter from stored rollups = the live trend', async () => {
    const live = await stats({ level: 'district', by: 'quarter', day: DAY0 }, DISTRICT_ADMIN, 'trend');
    for (const p of live.data.points)
      expect((await stats({ day: p.day }, DISTRICT_ADMIN, 'rollup')).data.remaining).toBe(0);
    const stored = await stats({ level: 'district', by: 'quarter', day: DAY0 }, DISTRICT_ADMIN, 'trend');
    expect(stored.data).toEqual(live.data);
  });

  it('only a district admin computes rollups', async () => {
    expect(await stats({ day: DAY0 }, ADMIN_CG, 'rollup')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      await stats({ day: DAY0, institutionId: 'inst-cg' }, 'test-district-admin-other', 'rollup'),
    ).toMatchObject({
      ok: false,
      code: 'OUT_OF_SCOPE',
    });
  });
});
