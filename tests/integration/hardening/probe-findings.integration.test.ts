import type { TestEmulator } from '../../support/emulator';
import { startSeededEmulator } from '../../support/identity';

// The black-box probe's findings (issue 11), one block each, through the built functions behind
// the gateway and the real SDK. Each test failed before its fix (see docs/security.md).

// biome-ignore lint/suspicious/noExplicitAny: envelopes are read loosely in tests
type Env = { ok: boolean; code?: string; message?: string; data?: any };

let emu: TestEmulator;
const call = async (fn: string, action: string, input: unknown, openid?: string): Promise<Env> =>
  (await emu.callFn(fn, { action, input }, openid)).result as Env;

beforeAll(async () => {
  emu = await startSeededEmulator(['user', 'contract', 'appointment']);
}, 240_000);
afterAll(() => emu?.close());

describe('3. appointment.availability for staff', () => {
  const week = { from: '2026-12-07', to: '2026-12-13' };

  it('answers a doctor and an institution admin for their own team (was INTERNAL)', async () => {
    const doctor = await call(
      'appointment',
      'availability',
      { teamId: 'team-cg-1', ...week },
      'demo-doctor-cg-1',
    );
    expect(doctor.ok).toBe(true);
    expect(doctor.data.slots.length).toBeGreaterThan(0);
    const admin = await call(
      'appointment',
      'availability',
      { teamId: 'team-cg-2', ...week },
      'demo-admin-cg',
    );
    expect(admin).toMatchObject({ ok: true });
  });

  it('refuses staff a team outside their reach, decided from the stored team', async () => {
    expect(
      await call('appointment', 'availability', { teamId: 'team-qs-1', ...week }, 'demo-doctor-cg-1'),
    ).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
    expect(
      await call('appointment', 'availability', { teamId: 'team-qs-1', ...week }, 'demo-admin-cg'),
    ).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
  });
});

describe('1. contract scope decided from the stored resident and team, never the caller-supplied teamId', () => {
  // res-demo-2 lives in 青山村 (team-qs-1's area); Dr Wang leads team-cg-1 (东门社区).
  const stranger = { residentId: 'res-demo-2', packageIds: ['pkg-basic'] };

  it('refuses a doctor quoting for a resident outside their team area while naming their own team', async () => {
    for (const pkg of [['pkg-basic'], ['pkg-basic', 'pkg-elderly'], ['pkg-basic', 'pkg-chronic']]) {
      const r = await call(
        'contract',
        'quote',
        { ...stranger, teamId: 'team-cg-1', packageIds: pkg },
        'demo-doctor-cg-1',
      );
      // The same answer whatever the package: eligibility would reveal the stranger's tags.
      expect(r).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
    }
  });

  it('refuses the same doctor signing that resident (scope, before any other check)', async () => {
    const r = await call(
      'contract',
      'sign',
      {
        ...stranger,
        teamId: 'team-cg-1',
        consent: true,
        requestId: 'probe-sign-1',
        signatureFileId: 'cloud://local-dev.x/none.png',
      },
      'demo-doctor-cg-1',
    );
    expect(r).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
  });

  it('refuses a doctor naming a team of the right area that is not theirs', async () => {
    const r = await call('contract', 'quote', { ...stranger, teamId: 'team-qs-1' }, 'demo-doctor-cg-1');
    expect(r).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
  });

  it('still quotes for a resident of the doctor own team area', async () => {
    const r = await call(
      'contract',
      'quote',
      { residentId: 'res-demo-1', teamId: 'team-cg-1', packageIds: ['pkg-basic'] },
      'demo-doctor-cg-1',
    );
    expect(r.ok).toBe(true);
  });
});

describe('5. bind codes cannot be brute-forced across WeChat identities', () => {
  it('12 fresh identities × 5 wrong codes: the staff record locks after 5, the right code waits an hour', async () => {
    const mobile = '13600001111';
    const created = await call(
      'user',
      'createStaff',
      { name: '暴破目标', mobile, role: 'grid_worker', gridId: 'r-cg-dm-g2' },
      'demo-admin-cg',
    );
    expect(created.ok).toBe(true);
    const code = String(created.data.bindCode);
    const answers: string[] = [];
    for (let id = 0; id < 12; id++)
      for (let i = 0; i < 5; i++) {
        const guess = String((Number(code) + 1 + id * 5 + i) % 1_000_000).padStart(6, '0');
        answers.push(
          String((await call('user', 'bindStaff', { bindCode: guess, mobile }, `probe-bf-${id}`)).code),
        );
      }
    expect(answers.slice(0, 5).every((c) => c === 'BIND_CODE_INVALID')).toBe(true);
    expect(answers.slice(5).every((c) => c === 'BIND_ATTEMPTS_EXCEEDED')).toBe(true);
    // Even the right code, from an identity that never guessed, waits for the window to pass.
    expect(await call('user', 'bindStaff', { bindCode: code, mobile }, 'probe-bf-owner')).toMatchObject({
      ok: false,
      code: 'BIND_ATTEMPTS_EXCEEDED',
    });
    emu.setClockOffset(61 * 60_000);
    try {
      expect(await call('user', 'bindStaff', { bindCode: code, mobile }, 'probe-bf-owner')).toMatchObject({
        ok: true,
        data: { role: 'grid_worker' },
      });
    } finally {
      emu.setClockOffset(0);
    }
  });

  it('a code without the registered mobile is refused', async () => {
    expect(await call('user', 'bindStaff', { bindCode: '123456' }, 'probe-bf-nomobile')).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
  });
});
