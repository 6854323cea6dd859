import { COLLECTIONS } from '../../shared/constants/collections';
import { DEMO_DISTRICT_ID } from '../../shared/demo/identities';
import { type Indicator, indicatorsPure } from '../../shared/indicators';
import { shanghaiDay } from '../../shared/time';
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
let all: Record<
  'residents' | 'contracts' | 'contacts' | 'followups' | 'reports' | 'institutions' | 'teams',
  Any[]
>;

const stats = async (input: unknown, openid = DISTRICT_ADMIN): Promise<Any> =>
  (await emu.callFn('stats', { action: 'indicators', input }, openid)).result;

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
    expect(d.data.children.map((c: Any) => c.id).sort()).toEqual([...instIds].sort());
    for (const inst of all.institutions) {
      const want = expected(
        day,
        (r) => r.institutionId === inst._id,
        (r) => r.institutionId === inst._id,
      );
      expect(d.data.children.find((c: Any) => c.id === inst._id).indicators).toEqual(want);
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
