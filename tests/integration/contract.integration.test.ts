import { PDFDocument } from 'pdf-lib';
import { userIdFor } from '../../cloudfunctions/_lib/caller';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';
import { callWithOwnSignature, OWN_SIGNATURE } from '../support/signature';

// The signing journey through the gateway into the built `contract` function (guard included),
// whose database and storage work goes through the real SDK into the emulator.

type Env = { ok: boolean; code?: string; data?: Record<string, unknown> };
const RESIDENT = 'demo-resident-1'; // 张秀兰, res-demo-1, 东门社区 (team-cg-1), signs for her mother res-demo-1m
const LEADER = 'demo-doctor-cg-1'; // 王建国, leader of team-cg-1
const OTHER_LEADER = 'demo-doctor-qs-1';
const ADMIN = 'demo-admin-cg';
const DISTRICT = 'demo-district-admin';

let emu: TestEmulator;
let signature = '';
let seq = 0;
const call = (action: string, input: unknown, openid: string): Promise<Env> =>
  callWithOwnSignature<Env>(emu, action, input, openid);
const signInput = (over: Record<string, unknown> = {}) => ({
  residentId: 'res-demo-1',
  teamId: 'team-cg-1',
  packageIds: ['pkg-basic'],
  consent: true,
  requestId: `req-${++seq}`,
  signatureFileId: signature,
  ...over,
});

beforeAll(async () => {
  emu = await startSeededEmulator(['contract']);
  // Each signer uploads their own signature through contract.uploadSignature (issue 11).
  signature = OWN_SIGNATURE;
}, 120_000);
afterAll(() => emu?.close());

describe('sign → confirm → PDF → verify → terminate', () => {
  let contractId = '';

  it('lists the teams of my community first, with places left', async () => {
    const r = await call('listTeams', {}, RESIDENT);
    expect(r.ok).toBe(true);
    const teams = r.data?.teams as { teamId: string; institutionId: string }[];
    expect(teams[0]?.teamId).toBe('team-cg-1');
    expect(teams.every((t) => t.institutionId === 'inst-cg')).toBe(true);
  });

  it('quotes the fee on the server', async () => {
    const r = await call(
      'quote',
      { residentId: 'res-demo-1', teamId: 'team-cg-1', packageIds: ['pkg-basic'] },
      RESIDENT,
    );
    expect(r.data?.total).toMatchObject({ feeFen: 12000, residentFen: 0 });
  });

  it('signs → pending, sealed with a verification code; a retry with the same request id is the same contract', async () => {
    const input = signInput({ status: 'active', feeFen: 0, startDate: '2020-01-01' });
    const r = await call('sign', input, RESIDENT);
    expect(r).toMatchObject({ ok: true, data: { status: 'pending', kind: 'new', channel: 'self' } });
    expect(r.data?.startDate).toBeUndefined();
    expect(r.data?.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    contractId = r.data?.contractId as string;
    const again = await call('sign', input, RESIDENT);
    expect(again.data?.contractId).toBe(contractId);
    expect((await call('sign', signInput(), RESIDENT)).code).toBe('CONTRACT_EXISTS');
  });

  it('only the leader of that team confirms', async () => {
    expect((await call('confirm', { contractId }, OTHER_LEADER)).code).toBe('OUT_OF_SCOPE');
    expect((await call('confirm', { contractId }, RESIDENT)).code).toBe('FORBIDDEN');
    const pending = await call('pendingList', {}, LEADER);
    expect(((pending.data?.contracts ?? []) as { contractId: string }[]).map((c) => c.contractId)).toContain(
      contractId,
    );
    const r = await call('confirm', { contractId }, LEADER);
    expect(r).toMatchObject({ ok: true, data: { status: 'active' } });
    expect(r.data?.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The same confirmation again (a double tap, a retry) answers with the confirmed contract
    // (issue 12); a different decider still finds nothing left to confirm.
    expect(await call('confirm', { contractId }, LEADER)).toMatchObject({
      ok: true,
      data: { status: 'active', startDate: r.data?.startDate },
    });
    expect((await call('confirm', { contractId }, ADMIN)).code).toBe('ILLEGAL_TRANSITION');
    const { data } = await emu
      .sdkApp()
      .database()
      .collection(COLLECTIONS.outbox)
      .where({ 'to.residentId': 'res-demo-1', kind: 'contract.confirmed' })
      .get();
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      template: 'contractConfirmed',
      kind: 'contract.confirmed',
      status: 'queued',
    });
  });

  it('a second signing while active is refused; mine shows 已生效 with dates and contacts', async () => {
    expect((await call('sign', signInput(), RESIDENT)).code).toBe('ALREADY_SIGNED');
    const mine = await call('mine', {}, RESIDENT);
    const c = ((mine.data?.contracts ?? []) as Record<string, unknown>[]).find(
      (x) => x.contractId === contractId,
    );
    expect(c).toMatchObject({ status: 'active', leaderName: '王建国' });
    expect(((c?.contacts ?? []) as unknown[]).length).toBeGreaterThan(0);
  });

  it('downloads the signed contract as a PDF that parses back and carries the code', async () => {
    const r = await call('pdf', { contractId }, RESIDENT);
    expect(r.ok).toBe(true);
    const file = await emu.sdkApp().downloadFile({ fileID: r.data?.fileId as string });
    const pdf = await PDFDocument.load(file.fileContent as Buffer);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getKeywords()).toContain(r.data?.verificationCode as string);
    expect(pdf.getSubject()).toContain(r.data?.verificationCode as string);
  });

  it('verify: live and intact; a swapped signature file reads as not intact', async () => {
    const r = await call('verify', { contractId }, DISTRICT);
    expect(r).toMatchObject({ ok: true, data: { live: true, status: 'active', intact: true } });
    const stored = (await emu.sdkApp().database().collection('contracts').doc(contractId).get()).data[0];
    const cloudPath = String(stored.signatureFileId).replace(/^cloud:\/\/[^/]+\//, '');
    const original = (await emu.sdkApp().downloadFile({ fileID: stored.signatureFileId }))
      .fileContent as Buffer;
    await emu.sdkApp().uploadFile({ cloudPath, fileContent: Buffer.concat([original, Buffer.from([0])]) });
    expect((await call('verify', { contractId }, DISTRICT)).data?.intact).toBe(false);
    await emu.sdkApp().uploadFile({ cloudPath, fileContent: original });
  });

  it('terminates with a reason (other needs a note)', async () => {
    expect((await call('terminate', { contractId, reason: 'other' }, RESIDENT)).code).toBe('BAD_INPUT');
    const r = await call('terminate', { contractId, reason: 'moved_away' }, RESIDENT);
    expect(r).toMatchObject({ ok: true, data: { status: 'terminated', terminationReason: 'moved_away' } });
    expect((await call('terminate', { contractId, reason: 'moved_away' }, RESIDENT)).code).toBe(
      'ILLEGAL_TRANSITION',
    );
  });
});

describe('withdraw, reject, and every refusal of sign', () => {
  it('withdraws a pending request; then the leader cannot confirm it', async () => {
    const s = await call(
      'sign',
      signInput({ residentId: 'res-demo-1m', packageIds: ['pkg-basic', 'pkg-elderly'] }),
      RESIDENT,
    );
    expect(s).toMatchObject({ ok: true, data: { channel: 'proxy', status: 'pending' } });
    const id = s.data?.contractId as string;
    expect((await call('withdraw', { contractId: id }, RESIDENT)).data?.status).toBe('withdrawn');
    expect((await call('withdraw', { contractId: id }, RESIDENT)).code).toBe('ILLEGAL_TRANSITION');
    expect((await call('confirm', { contractId: id }, LEADER)).code).toBe('ILLEGAL_TRANSITION');
  });

  it('the admin rejects with a reason; the resident sees why', async () => {
    const s = await call('sign', signInput({ residentId: 'res-demo-1m' }), RESIDENT);
    const id = s.data?.contractId as string;
    expect((await call('reject', { contractId: id, reason: ' ' }, ADMIN)).code).toBe('BAD_INPUT');
    const r = await call('reject', { contractId: id, reason: '请先到中心核对户籍' }, ADMIN);
    expect(r).toMatchObject({ ok: true, data: { status: 'rejected', rejectReason: '请先到中心核对户籍' } });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['another jurisdiction', { teamId: 'team-qs-1' }, 'OUT_OF_JURISDICTION'],
    ['an unknown team', { teamId: 'team-none' }, 'TEAM_NOT_FOUND'],
    ['an unknown package', { packageIds: ['pkg-basic', 'pkg-none'] }, 'PACKAGE_NOT_FOUND'],
    ['no basic package', { packageIds: ['pkg-elderly'] }, 'BASIC_PACKAGE_REQUIRED'],
    ['a package for others', { packageIds: ['pkg-basic', 'pkg-child'] }, 'PACKAGE_NOT_ELIGIBLE'],
    ['a start in the past', { requestedStart: '2020-01-01' }, 'START_IN_PAST'],
    ['a start years ahead', { requestedStart: '2099-01-01' }, 'START_TOO_LATE'],
  ])('%s → %s', async (_what, over, code) => {
    expect((await call('sign', signInput({ residentId: 'res-demo-1m', ...over }), RESIDENT)).code).toBe(code);
  });

  // Another resident (the first one has spent most of this minute's write limit above).
  it.each<[string, Record<string, unknown>, string]>([
    ['no consent', { consent: false }, 'BAD_INPUT'],
    ['someone else', { residentId: 'res-demo-3' }, 'OUT_OF_SCOPE'],
    ['a missing signature file', { signatureFileId: 'cloud://local-dev.x/none.png' }, 'SIGNATURE_INVALID'],
  ])('%s → %s', async (_what, over, code) => {
    const input = signInput({ residentId: 'res-demo-2', teamId: 'team-qs-1', ...over });
    expect((await call('sign', input, 'demo-resident-2')).code).toBe(code);
  });

  it('staff cannot sign outside their reach; admins cannot sign at all', async () => {
    expect((await call('sign', signInput({ residentId: 'res-demo-1m' }), ADMIN)).code).toBe('FORBIDDEN');
    expect((await call('sign', signInput({ residentId: 'res-demo-1m' }), OTHER_LEADER)).code).toBe(
      'OUT_OF_SCOPE',
    );
  });
});

describe('one live contract per resident, enforced by the database', () => {
  it('50 concurrent sign calls for one resident → exactly 1 contract and 49 CONTRACT_EXISTS', async () => {
    // 50 different family members of res-demo-3 (each their own WeChat identity, so the per-user
    // write limit does not interfere) press submit at the same moment.
    const db = emu.sdkApp().database();
    const openids = Array.from({ length: 50 }, (_, i) => `race-${i}`);
    for (const openid of openids)
      await db
        .collection(COLLECTIONS.users)
        .doc(userIdFor(openid))
        .set({
          openid,
          role: 'resident',
          family: [{ residentId: 'res-demo-3', relation: 'child' }],
          createdAt: new Date(),
        });
    const results = await Promise.all(
      openids.map((o, i) =>
        call('sign', signInput({ residentId: 'res-demo-3', teamId: 'team-hk-1', requestId: `race-${i}` }), o),
      ),
    );
    const codes = results.map((r) => (r.ok ? 'OK' : r.code));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONTRACT_EXISTS')).toHaveLength(49);
    const { total } = await db.collection(COLLECTIONS.contracts).where({ residentId: 'res-demo-3' }).count();
    expect(total).toBe(1);
  });
});
