import { userIdFor } from '../../cloudfunctions/_lib/caller';
import { COLLECTIONS } from '../../shared/constants/collections';
import { ERROR_MESSAGES } from '../../shared/constants/messages';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';
import { type Any, makeResident, pinClock } from './appointment-support';

// The consult function through the real SDK against the emulator. Dr Wang (demo-doctor-cg-1)
// works in team-cg-1; demo-doctor-qs-1 is in another team.
const DOCTOR = 'demo-doctor-cg-1';
const OTHER_DOCTOR = 'demo-doctor-qs-1';
let emu: TestEmulator;
let db: Any;

const consult = async (action: string, input: unknown, openid: string): Promise<Any> =>
  (await emu.callFn('consult', { action, input }, openid)).result;
const refused = (r: Any, code: keyof typeof ERROR_MESSAGES) =>
  expect(r).toMatchObject({ ok: false, code, message: ERROR_MESSAGES[code] });
const ok = (r: Any) => {
  expect(r.ok ? 'ok' : `${r.code} ${r.message}`).toBe('ok');
  return r.data;
};

beforeAll(async () => {
  emu = await startSeededEmulator(['user', 'consult']);
  db = emu.sdkApp().database();
  pinClock(emu, '2026-11-04T10:00:00+08:00');
});
afterAll(() => emu?.close());

describe('who may consult', () => {
  it('an unsigned resident is refused and told how to sign', async () => {
    const r = await makeResident(emu, 'cs-unsigned');
    const o = await consult('open', {}, r.openid);
    refused(o, 'CONSULT_NOT_SIGNED');
    expect(o.message).toContain('签约');
    refused(await consult('send', { text: '想咨询一下血压' }, r.openid), 'CONSULT_NOT_SIGNED');
  });

  it('a family proxy consults for a parent; the team sees who wrote, the parent sees who answered', async () => {
    const parent = await makeResident(emu, 'cs-parent', { signedTo: 'team-cg-1', birthDate: '1950-03-01' });
    const child = await makeResident(emu, 'cs-child');
    await db
      .collection(COLLECTIONS.users)
      .doc(userIdFor(child.openid))
      .update({ family: [{ residentId: parent.residentId, relation: 'child' }] });

    const opened = ok(await consult('open', { residentId: parent.residentId }, child.openid));
    expect(opened).toMatchObject({ teamId: 'team-cg-1', awaiting: false, status: 'open' });
    expect(opened.promise).toContain('24 小时');

    const sent = ok(
      await consult(
        'send',
        { residentId: parent.residentId, text: '我妈最近血压偏高，药要调吗' },
        child.openid,
      ),
    );
    expect(sent).toMatchObject({ emergency: false, emergencyWords: [] });
    expect(sent.dueText).toBe('预计 11月05日 10:00 前回复');

    const box = ok(await consult('inbox', {}, DOCTOR));
    const item = box.items.find((i: Any) => i.residentId === parent.residentId);
    expect(item).toMatchObject({ consultId: sent.consultId, overdue: false });
    expect(item.minutesLeft).toBeGreaterThan(1430); // the emulator clock runs on from the pin
    expect(box.counts.awaiting).toBeGreaterThanOrEqual(1);

    const seen = ok(await consult('thread', { consultId: sent.consultId }, DOCTOR));
    expect(seen.messages).toHaveLength(1);
    expect(seen.messages[0]).toMatchObject({ from: 'resident', proxy: true, writerName: '测试cs-child' });
    const audits = await db.collection(COLLECTIONS.auditLogs).where({ event: 'consult.read' }).get();
    expect(audits.data.some((a: Any) => a.subject?.residentId === parent.residentId)).toBe(true);

    ok(
      await consult('reply', { consultId: sent.consultId, text: '先按原量服用，明天上午来门诊复测' }, DOCTOR),
    );
    const mine = ok(await consult('thread', { residentId: parent.residentId }, child.openid));
    expect(mine.conversation).toMatchObject({ awaiting: false, overdue: false });
    expect(mine.messages[1]).toMatchObject({ from: 'team', text: '先按原量服用，明天上午来门诊复测' });
    expect(mine.messages[1].staffName).toBeTruthy();
    expect(mine.messages[1].positionLabel).toBeTruthy();
    // Answered: off the inbox; the resident is told through the outbox (no message content in it).
    const after = ok(await consult('inbox', {}, DOCTOR));
    expect(after.items.some((i: Any) => i.residentId === parent.residentId)).toBe(false);
    const notes = await db.collection(COLLECTIONS.outbox).where({ kind: 'consult.reply' }).get();
    const note = notes.data.find((n: Any) => n.to.residentId === parent.residentId);
    expect(note.body).not.toContain('原量');

    ok(await consult('close', { consultId: sent.consultId, outcome: 'answered' }, DOCTOR));
    const closed = ok(await consult('thread', { residentId: parent.residentId }, parent.openid));
    expect(closed.conversation.status).toBe('closed');
  });

  it('a doctor of another team is refused, and a resident cannot read a stranger', async () => {
    const r = await makeResident(emu, 'cs-private', { signedTo: 'team-cg-1' });
    const sent = ok(await consult('send', { text: '复查结果出来了' }, r.openid));
    refused(await consult('thread', { consultId: sent.consultId }, OTHER_DOCTOR), 'OUT_OF_SCOPE');
    refused(
      await consult('reply', { consultId: sent.consultId, text: '你好' }, OTHER_DOCTOR),
      'OUT_OF_SCOPE',
    );
    refused(await consult('inbox', { teamId: 'team-cg-1' }, OTHER_DOCTOR), 'OUT_OF_SCOPE');
    const stranger = await makeResident(emu, 'cs-stranger', { signedTo: 'team-cg-1' });
    refused(await consult('thread', { residentId: r.residentId }, stranger.openid), 'OUT_OF_SCOPE');
    refused(
      await consult('send', { residentId: r.residentId, text: '你好' }, stranger.openid),
      'OUT_OF_SCOPE',
    );
  });
});

describe('response promise and overdue', () => {
  it('a Friday-afternoon question is not overdue over the weekend, and is on Monday after its hour, first in the inbox', async () => {
    pinClock(emu, '2026-11-06T15:00:00+08:00'); // Friday
    const late = await makeResident(emu, 'cs-late', { signedTo: 'team-cg-1' });
    const s = ok(await consult('send', { text: '周五下午的问题' }, late.openid));
    expect(s.dueText).toBe('预计 11月09日 15:00 前回复');

    pinClock(emu, '2026-11-08T12:00:00+08:00'); // Sunday: a plain 24 h clock would be overdue
    let box = ok(await consult('inbox', {}, DOCTOR));
    expect(box.items.find((i: Any) => i.residentId === late.residentId)).toMatchObject({ overdue: false });

    pinClock(emu, '2026-11-09T14:00:00+08:00'); // Monday: a later question, due Tuesday
    const fresh = await makeResident(emu, 'cs-fresh', { signedTo: 'team-cg-1' });
    ok(await consult('send', { text: '周一的问题' }, fresh.openid));

    pinClock(emu, '2026-11-09T16:00:00+08:00');
    box = ok(await consult('inbox', {}, DOCTOR));
    const ids = box.items.map((i: Any) => i.residentId);
    expect(ids.indexOf(late.residentId)).toBeLessThan(ids.indexOf(fresh.residentId));
    const lateItem = box.items[ids.indexOf(late.residentId)];
    expect(lateItem.overdue).toBe(true);
    expect(Math.abs(lateItem.minutesLeft + 60)).toBeLessThanOrEqual(2); // an hour late; the clock runs on from pins
    expect(box.counts.overdue).toBeGreaterThanOrEqual(1);
    const overdueOnly = ok(await consult('inbox', { filter: 'overdue' }, DOCTOR));
    expect(overdueOnly.items.every((i: Any) => i.overdue)).toBe(true);
    expect(overdueOnly.items.some((i: Any) => i.residentId === fresh.residentId)).toBe(false);
    const mine = ok(await consult('thread', {}, late.openid));
    expect(mine.conversation).toMatchObject({ awaiting: true, overdue: true });
  });
});

describe('content security and emergencies', () => {
  it('text that fails security.msgSecCheck is refused and never reaches the team', async () => {
    pinClock(emu, '2026-11-10T09:00:00+08:00');
    const r = await makeResident(emu, 'cs-risky', { signedTo: 'team-cg-1' });
    refused(await consult('send', { text: '可以帮我代开发票吗' }, r.openid), 'CONTENT_REFUSED');
    const stored = await db.collection(COLLECTIONS.consultMessages).where({ residentId: r.residentId }).get();
    expect(stored.data).toHaveLength(0);
    const box = ok(await consult('inbox', {}, DOCTOR));
    expect(box.items.some((i: Any) => i.residentId === r.residentId)).toBe(false);
    const calls = await emu.getJson<Any[]>('/_emulator/api/seccheck');
    const mine = calls.filter((c) => c.openid === r.openid);
    expect(mine).toEqual([expect.objectContaining({ suggest: 'risky', scene: 2 })]);
    expect(JSON.stringify(mine)).not.toContain('发票');
    const refusals = await db.collection(COLLECTIONS.auditLogs).where({ event: 'consult.refused' }).get();
    expect(refusals.data.some((a: Any) => a.subject?.residentId === r.residentId)).toBe(true);
  });

  it('an emergency word is flagged with the call-120 card, and the team sees the flag', async () => {
    const r = await makeResident(emu, 'cs-urgent', { signedTo: 'team-cg-1' });
    const s = ok(await consult('send', { text: '我父亲突然胸痛，出冷汗' }, r.openid));
    expect(s).toMatchObject({ emergency: true, emergencyWords: ['胸痛'], emergencyPhone: '120' });
    const seen = ok(await consult('thread', { consultId: s.consultId }, DOCTOR));
    expect(seen.messages[0]).toMatchObject({ emergency: true });
  });
});
