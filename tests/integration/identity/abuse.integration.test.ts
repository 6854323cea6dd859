import { demoIdNumber } from '../../../scripts/seed/demo-identities';
import { BIND_ATTEMPTS, RATE_LIMIT } from '../../../shared/constants/limits';
import type { TestEmulator } from '../../support/emulator';
import { callUser, startSeededEmulator } from '../../support/identity';

// Bad input and abuse (issue 5): bind codes wrong, expired or reused refused alike; attempts
// limited; write rate limit with a Chinese message; duplicate ID refused.
describe('user: abuse limits', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startSeededEmulator();
  });
  afterAll(() => emu?.close());

  const newCode = async (mobile: string) => {
    const r = await callUser(
      emu,
      'createStaff',
      { name: '网格新人', mobile, role: 'grid_worker', gridId: 'r-cg-dm-g2' },
      'demo-admin-cg',
    );
    expect(r.ok).toBe(true);
    return String(r.data?.bindCode);
  };
  const INVALID = {
    ok: false,
    code: 'BIND_CODE_INVALID',
    message: '绑定码无效或已失效，请联系管理员重新获取',
  };

  it('a used code and an expired code answer exactly like a wrong one', async () => {
    const code = await newCode('13500000001');
    const bind = (bindCode: string, mobile: string, openid: string) =>
      callUser(emu, 'bindStaff', { bindCode, mobile }, openid);
    expect(await bind(code, '13500000001', 'abuse-a')).toMatchObject({
      ok: true,
      data: { role: 'grid_worker' },
    });
    expect(await callUser(emu, 'me', {}, 'abuse-a')).toMatchObject({ data: { role: 'grid_worker' } });
    expect(await bind(code, '13500000001', 'abuse-b')).toEqual(INVALID);
    const late = await newCode('13500000002');
    emu.setClockOffset(25 * 3600_000);
    try {
      expect(await bind(late, '13500000002', 'abuse-c')).toEqual(INVALID);
    } finally {
      emu.setClockOffset(0);
    }
    const wrong = String((Number(late) + 1) % 1_000_000).padStart(6, '0');
    expect(await bind(wrong, '13500000002', 'abuse-d')).toEqual(INVALID);
    // The right code under a mobile no account was registered with: the same answer.
    expect(await bind(late, '13500000009', 'abuse-d')).toEqual(INVALID);
  });

  it(`after ${BIND_ATTEMPTS.max} wrong codes even the right one is refused for an hour`, async () => {
    const code = await newCode('13500000003');
    const wrong = String((Number(code) + 7) % 1_000_000).padStart(6, '0');
    // Wrong guesses at another (unregistered) mobile: they count against this identity only.
    for (let i = 0; i < BIND_ATTEMPTS.max; i++)
      expect(
        (await callUser(emu, 'bindStaff', { bindCode: wrong, mobile: '13500000098' }, 'abuse-e')).code,
      ).toBe('BIND_CODE_INVALID');
    const right = { bindCode: code, mobile: '13500000003' };
    expect(await callUser(emu, 'bindStaff', right, 'abuse-e')).toMatchObject({
      ok: false,
      code: 'BIND_ATTEMPTS_EXCEEDED',
    });
    expect((await callUser(emu, 'bindStaff', right, 'abuse-f')).ok).toBe(true);
  });

  it(`more than ${RATE_LIMIT.maxWrites} writes a minute from one WeChat identity are refused in Chinese`, async () => {
    await callUser(emu, 'login', {}, 'abuse-g');
    const answers: (string | undefined)[] = [];
    for (let i = 0; i <= RATE_LIMIT.maxWrites; i++)
      answers.push((await callUser(emu, 'withdrawConsent', { residentId: 'res-demo-1' }, 'abuse-g')).code);
    expect(answers.slice(0, RATE_LIMIT.maxWrites).every((c) => c === 'OUT_OF_SCOPE')).toBe(true);
    expect(await callUser(emu, 'withdrawConsent', { residentId: 'res-demo-1' }, 'abuse-g')).toMatchObject({
      code: 'RATE_LIMITED',
      message: '操作过于频繁，请稍后再试',
    });
    // Reads are not limited, and another identity is unaffected.
    expect((await callUser(emu, 'me', {}, 'abuse-g')).ok).toBe(true);
    expect((await callUser(emu, 'withdrawConsent', { residentId: 'res-demo-3' }, 'demo-resident-3')).ok).toBe(
      true,
    );
  });

  it('the same person cannot be verified by two accounts, nor added twice as family', async () => {
    const id = demoIdNumber('330108', '1977-07-07', 33);
    for (const o of ['abuse-h', 'abuse-i']) await callUser(emu, 'login', {}, o);
    const input = { name: '孙立', idNumber: id, mobile: '13600000009', consent: true };
    expect((await callUser(emu, 'verifyIdentity', input, 'abuse-h')).ok).toBe(true);
    expect(await callUser(emu, 'verifyIdentity', input, 'abuse-i')).toMatchObject({
      code: 'ID_ALREADY_REGISTERED',
    });
    expect(await callUser(emu, 'verifyIdentity', input, 'abuse-h')).toMatchObject({
      code: 'ALREADY_VERIFIED',
    });
    const kid = {
      name: '孙小',
      idNumber: demoIdNumber('330108', '2020-02-02', 35),
      relation: 'child',
      consent: true,
    };
    expect((await callUser(emu, 'addFamilyMember', kid, 'abuse-h')).ok).toBe(true);
    expect(await callUser(emu, 'addFamilyMember', kid, 'abuse-h')).toMatchObject({
      code: 'FAMILY_MEMBER_EXISTS',
    });
    expect(await callUser(emu, 'addFamilyMember', { ...kid, consent: false }, 'abuse-h')).toMatchObject({
      code: 'BAD_INPUT',
    });
  });
});
