import { demoIdNumber } from '../../../scripts/seed/demo-identities';
import type { TestEmulator } from '../../support/emulator';
import { startSeededEmulator } from '../../support/identity';
import { TEST_PNG, uploadSignatureAs } from '../../support/signature';

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

describe('2. adding an adult who has an account of their own needs their approval', () => {
  // 赵敏 (demo-resident-3, res-demo-3) has her own account; 张秀兰 (demo-resident-1) knows her
  // name and ID number.
  const zhaoMin = { name: '赵敏', idNumber: demoIdNumber('330105', '1990-02-14', 46) };
  const add = () =>
    call('user', 'addFamilyMember', { ...zhaoMin, relation: 'other', consent: true }, 'demo-resident-1');
  const reach = () =>
    call('user', 'revealIdentity', { residentId: 'res-demo-3', field: 'mobile' }, 'demo-resident-1');

  it('links nothing: a request waits in her app, and her record stays out of reach', async () => {
    expect(await add()).toMatchObject({ ok: false, code: 'FAMILY_APPROVAL_PENDING' });
    expect(await reach()).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
    const family = await call('user', 'listFamily', {}, 'demo-resident-1');
    expect(family.data.members.map((m: { residentId: string }) => m.residentId)).not.toContain('res-demo-3');
    expect(
      await call(
        'contract',
        'quote',
        { residentId: 'res-demo-3', teamId: 'team-hk-1', packageIds: ['pkg-basic'] },
        'demo-resident-1',
      ),
    ).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
  });

  it('only she can answer; declining keeps her out of reach, accepting links her', async () => {
    const mine = await call('user', 'familyRequests', {}, 'demo-resident-3');
    expect(mine.data.requests).toHaveLength(1);
    expect(mine.data.requests[0]).toMatchObject({ requesterName: '张秀兰', relation: 'other' });
    const requestId = mine.data.requests[0].requestId;
    // Nobody else sees or answers it (scope from the stored request, not the caller's claim).
    expect((await call('user', 'familyRequests', {}, 'demo-resident-2')).data.requests).toHaveLength(0);
    for (const who of ['demo-resident-1', 'demo-resident-2'])
      expect(await call('user', 'answerFamilyRequest', { requestId, accept: true }, who)).toMatchObject({
        ok: false,
        code: 'OUT_OF_SCOPE',
      });
    expect(
      await call('user', 'answerFamilyRequest', { requestId, accept: false }, 'demo-resident-3'),
    ).toMatchObject({ ok: true, data: { status: 'declined' } });
    expect(await reach()).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
    expect(
      await call('user', 'answerFamilyRequest', { requestId, accept: true }, 'demo-resident-3'),
    ).toMatchObject({ ok: false, code: 'FAMILY_REQUEST_NOT_FOUND' });
    // Asked again, she accepts: now 张秀兰 acts for her.
    expect(await add()).toMatchObject({ ok: false, code: 'FAMILY_APPROVAL_PENDING' });
    expect(
      await call('user', 'answerFamilyRequest', { requestId, accept: true }, 'demo-resident-3'),
    ).toMatchObject({ ok: true, data: { status: 'accepted' } });
    expect((await reach()).ok).toBe(true);
  });

  it('a child without an account is still added at once', async () => {
    const r = await call(
      'user',
      'addFamilyMember',
      {
        name: '张小宝',
        idNumber: demoIdNumber('330102', '2021-05-06', 91),
        relation: 'child',
        consent: true,
      },
      'demo-resident-1',
    );
    expect(r).toMatchObject({ ok: true, data: { relation: 'child' } });
  });
});

describe("6. signatures must be the signer's own recent upload; PDFs only through an authorised URL", () => {
  const signAs = (openid: string, signatureFileId: string, requestId: string) =>
    call(
      'contract',
      'sign',
      {
        residentId: 'res-demo-1',
        teamId: 'team-cg-1',
        packageIds: ['pkg-basic'],
        consent: true,
        requestId,
        signatureFileId,
      },
      openid,
    );

  it("refuses another person's signature, a file put in storage directly, and a stale upload", async () => {
    const theirs = await uploadSignatureAs(emu, 'demo-resident-2');
    expect(await signAs('demo-resident-1', theirs, 'probe-sig-1')).toMatchObject({
      code: 'SIGNATURE_INVALID',
    });
    const planted = await emu
      .sdkApp()
      .uploadFile({ cloudPath: 'signatures/planted.png', fileContent: TEST_PNG });
    expect(await signAs('demo-resident-1', planted.fileID, 'probe-sig-2')).toMatchObject({
      code: 'SIGNATURE_INVALID',
    });
    const mine = await uploadSignatureAs(emu, 'demo-resident-1');
    emu.setClockOffset(31 * 60_000);
    try {
      expect(await signAs('demo-resident-1', mine, 'probe-sig-3')).toMatchObject({
        code: 'SIGNATURE_INVALID',
      });
    } finally {
      emu.setClockOffset(0);
    }
    // Not a PNG: refused at upload.
    expect(
      await call(
        'contract',
        'uploadSignature',
        { png: Buffer.from('GIF89a-not-a-png').toString('base64') },
        'demo-resident-1',
      ),
    ).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it("accepts the signer's own fresh upload; the PDF opens only through the URL pdf issued", async () => {
    const signed = await signAs(
      'demo-resident-1',
      await uploadSignatureAs(emu, 'demo-resident-1'),
      'probe-sig-ok',
    );
    expect(signed).toMatchObject({ ok: true, data: { status: 'pending' } });
    const contractId = signed.data.contractId;
    expect(await call('contract', 'confirm', { contractId }, 'demo-doctor-cg-1')).toMatchObject({ ok: true });
    const pdf = await call('contract', 'pdf', { contractId }, 'demo-resident-1');
    expect(pdf.ok).toBe(true);
    expect((await fetch(encodeURI(pdf.data.downloadUrl))).status).toBe(200);
    const bare = String(pdf.data.downloadUrl).split('?')[0] ?? '';
    expect((await fetch(encodeURI(bare))).status).toBe(403);
    // A stranger cannot have a URL issued.
    expect(await call('contract', 'pdf', { contractId }, 'demo-resident-3')).toMatchObject({
      ok: false,
      code: 'OUT_OF_SCOPE',
    });
  });
});
