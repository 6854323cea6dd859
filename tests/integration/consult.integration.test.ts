import { responseFigures } from '../../cloudfunctions/_data/consults.repo';
import { userIdFor } from '../../cloudfunctions/_lib/caller';
import { COLLECTIONS } from '../../shared/constants/collections';
import { ERROR_MESSAGES } from '../../shared/constants/messages';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';
import { type Any, makeResident, pinClock } from './appointment-support';
import { runInProcess } from './scheduler-support';

// The consult function through the real SDK against the emulator. Dr Wang (demo-doctor-cg-1)
// works in team-cg-1; demo-doctor-qs-1 is in another team.
const DOCTOR = 'demo-doctor-cg-1';
/** 李晓梅, a nurse of team-cg-1 who is not its leader. */
const NURSE = 'demo-nurse-cg-2';
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
  // Verdicts of security.mediaCheckAsync wait until a test releases them (deliver()).
  await post('/_emulator/api/mediacheck/hold', { hold: true });
});
const post = async (pathname: string, body: unknown = {}): Promise<Any> =>
  (
    await fetch(emu.url + pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  ).json();
const deliver = () => post('/_emulator/api/mediacheck/deliver');

/** A 1×1 PNG; with `marker` appended after IEND (the emulator's image model reads EMU_RISKY). */
const png = (marker = ''): Buffer =>
  Buffer.concat([
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
    Buffer.from(marker),
  ]);
/** Uploads as the H5 page does (loopback upload route); answers the file id. */
const upload = async (cloudPath: string, data: Buffer): Promise<string> => {
  const r = await post('/storage/upload', { cloudPath, base64: data.toString('base64') });
  expect(r.fileID).toBeTruthy();
  return r.fileID;
};
const photoOf = async (residentId: string, name: string, marker = '') => ({
  fileId: await upload(`consult/${residentId}/${name}.png`, png(marker)),
  thumbFileId: await upload(`consult/${residentId}/${name}_thumb.png`, png(marker)),
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

describe('the promise across a weekend and a public holiday', () => {
  it('a Thursday question before 中秋 (Fri 25 Sep – Sun 27 Sep 2026) is due Monday; overdue only after', async () => {
    pinClock(emu, '2026-09-24T15:00:00+08:00'); // Thursday; Friday is the holiday, then the weekend
    const r = await makeResident(emu, 'cs-holiday', { signedTo: 'team-cg-1' });
    const s = ok(await consult('send', { text: '节前的问题：药快吃完了' }, r.openid));
    expect(s.dueText).toBe('预计 09月28日 15:00 前回复');

    for (const when of [
      '2026-09-25T16:00:00+08:00',
      '2026-09-27T20:00:00+08:00',
      '2026-09-28T14:30:00+08:00',
    ]) {
      pinClock(emu, when); // holiday Friday, Sunday, Monday before the hour: a plain 24 h clock says late
      const box = ok(await consult('inbox', {}, DOCTOR));
      expect(box.items.find((i: Any) => i.residentId === r.residentId)).toMatchObject({ overdue: false });
    }
    pinClock(emu, '2026-09-28T16:00:00+08:00');
    const box = ok(await consult('inbox', { filter: 'overdue' }, DOCTOR));
    expect(box.items.find((i: Any) => i.residentId === r.residentId)).toMatchObject({ overdue: true });
    expect(box.counts.overdue).toBeGreaterThanOrEqual(1);
    const mine = ok(await consult('thread', {}, r.openid));
    expect(mine.conversation).toMatchObject({ awaiting: true, overdue: true });
  });
});

describe('photos: private files, judged asynchronously by security.mediaCheckAsync', () => {
  it('a photo is pending (the team sees nothing) until its verdict arrives, then shown through temp URLs only', async () => {
    pinClock(emu, '2026-11-11T09:00:00+08:00');
    const r = await makeResident(emu, 'cs-photo', { signedTo: 'team-cg-1' });
    const ok1 = await photoOf(r.residentId, 'rash');
    const bad = await photoOf(r.residentId, 'bad', 'EMU_RISKY');
    const s = ok(await consult('send', { text: '手臂起了疹子，见图', photos: [ok1, bad] }, r.openid));
    expect(s.photosPending).toBe(2);

    // Pending: the resident sees two photos waiting; the team sees the text and no photo at all.
    let team = ok(await consult('thread', { consultId: s.consultId }, NURSE));
    expect(team.messages[0].text).toBe('手臂起了疹子，见图');
    expect(team.messages[0].photos).toBeUndefined();
    let mine = ok(await consult('thread', {}, r.openid));
    expect(mine.messages[0].photos).toEqual([{ status: 'pending' }, { status: 'pending' }]);
    const checks = (await emu.getJson<Any[]>('/_emulator/api/mediacheck')).filter(
      (c) => c.openid === r.openid,
    );
    expect(checks).toHaveLength(4); // each photo and its thumbnail
    expect(checks.every((c) => c.status === 'pending' && c.scene === 2 && c.mediaType === 2)).toBe(true);
    expect(JSON.stringify(checks)).not.toContain('_storage');

    expect((await deliver()).delivered).toBeGreaterThanOrEqual(4);
    team = ok(await consult('thread', { consultId: s.consultId }, NURSE));
    expect(team.messages[0].photos).toHaveLength(1); // the refused one does not exist for the team
    const shown = team.messages[0].photos[0];
    expect(shown).toMatchObject({ status: 'visible' });
    expect((await fetch(encodeURI(shown.thumbUrl))).status).toBe(200);
    expect((await fetch(encodeURI(shown.url))).status).toBe(200);
    // Never public: the bare path without a temp-URL signature is refused.
    expect((await fetch(`${emu.url}/_storage/files/consult/${r.residentId}/rash.png`)).status).toBe(403);

    mine = ok(await consult('thread', {}, r.openid));
    expect(mine.messages[0].photos.map((p: Any) => p.status)).toEqual(['visible', 'refused']);
    expect(mine.messages[0].photos[1].url).toBeUndefined();
    // The refused files are gone from storage and the refusal is audited (no content).
    const ids = await emu.sdkApp().getTempFileURL({ fileList: [bad.fileId, bad.thumbFileId] });
    expect(ids.fileList.map((f: Any) => f.code)).toEqual(['STORAGE_FILE_NONEXIST', 'STORAGE_FILE_NONEXIST']);
    const audits = await db.collection(COLLECTIONS.auditLogs).where({ event: 'consult.photoRefused' }).get();
    expect(audits.data.some((a: Any) => a.subject?.residentId === r.residentId)).toBe(true);
    const after = (await emu.getJson<Any[]>('/_emulator/api/mediacheck')).filter(
      (c) => c.openid === r.openid,
    );
    expect(after.map((c) => c.suggest).sort()).toEqual(['pass', 'pass', 'risky', 'risky']);
    expect(after.every((c) => c.status === 'delivered' && c.deliveredTo.includes('consult'))).toBe(true);
  });

  it("only the conversation's own private folder: another file or a missing one is refused", async () => {
    const r = await makeResident(emu, 'cs-photo2', { signedTo: 'team-cg-1' });
    const other = await photoOf('res-cs-photo', 'stolen');
    refused(await consult('send', { text: '看看这张', photos: [other] }, r.openid), 'CONSULT_PHOTO_INVALID');
    const missing = {
      fileId: 'cloud://local-dev.local-dev-local-1250000000/consult/res-cs-photo2/none.png',
      thumbFileId: 'cloud://local-dev.local-dev-local-1250000000/consult/res-cs-photo2/none_t.png',
    };
    refused(
      await consult('send', { text: '看看这张', photos: [missing] }, r.openid),
      'CONSULT_PHOTO_INVALID',
    );
    const stored = await db.collection(COLLECTIONS.consultMessages).where({ residentId: r.residentId }).get();
    expect(stored.data).toHaveLength(0);
  });

  it('a forged verdict from a caller is not a platform push', async () => {
    const forged = await emu.callFn(
      'consult',
      { Event: 'wxa_media_check', trace_id: 'x', errcode: 0, result: { suggest: 'pass' } },
      'demo-resident-1',
    );
    expect((forged.result as Any).ok).toBe(false);
  });

  it('a verdict that never comes: after an hour the scheduler refuses the photo (fail closed)', async () => {
    pinClock(emu, '2026-11-04T11:00:00+08:00');
    const r = await makeResident(emu, 'cs-photo-late', { signedTo: 'team-cg-1' });
    const p = await photoOf(r.residentId, 'late');
    expect(
      ok(await consult('send', { text: '这张图的审核会迟到', photos: [p] }, r.openid)).photosPending,
    ).toBe(1);
    const mine = async () =>
      ok(await consult('thread', { residentId: r.residentId }, r.openid)).messages.find((m: Any) =>
        String(m.text).includes('迟到'),
      );
    // 59 minutes: still waiting.
    await runInProcess(emu, new Date('2026-11-04T03:59:00Z'), { runId: 'mc-late-1' });
    expect((await mine()).photos).toEqual([{ status: 'pending' }]);
    // 61 minutes: refused, its files gone, audited; a verdict arriving later changes nothing.
    await runInProcess(emu, new Date('2026-11-04T04:01:00Z'), { runId: 'mc-late-2' });
    expect((await mine()).photos.map((x: Any) => x.status)).toEqual(['refused']);
    const checks = await db.collection(COLLECTIONS.consultMedia).where({ residentId: r.residentId }).get();
    expect((checks.data as Any[]).map((c) => c.verdict)).toEqual(['refused', 'refused']);
    await deliver();
    expect((await mine()).photos.map((x: Any) => x.status)).toEqual(['refused']);
  });
});

describe('doctor tools', () => {
  it("a nurse answers; 'mine' holds the follow-ups to her answers; templates are the team's", async () => {
    pinClock(emu, '2026-11-12T09:00:00+08:00');
    const r = await makeResident(emu, 'cs-tools', { signedTo: 'team-cg-1' });
    const s = ok(await consult('send', { text: '第一次问' }, r.openid));
    pinClock(emu, '2026-11-12T11:00:00+08:00');
    ok(await consult('reply', { consultId: s.consultId, text: '李护士答复' }, NURSE));
    const th = ok(await consult('thread', {}, r.openid));
    expect(th.messages[1]).toMatchObject({ staffName: '李晓梅', positionLabel: expect.any(String) });
    ok(await consult('send', { text: '追问一下' }, r.openid));
    const nurseMine = ok(await consult('inbox', { filter: 'mine' }, NURSE));
    expect(nurseMine.items.map((i: Any) => i.residentId)).toContain(r.residentId);
    expect(nurseMine.items.find((i: Any) => i.residentId === r.residentId).lastStaffName).toBe('李晓梅');
    expect(nurseMine.counts.mine).toBeGreaterThanOrEqual(1);
    const doctorMine = ok(await consult('inbox', { filter: 'mine' }, DOCTOR));
    expect(doctorMine.items.some((i: Any) => i.residentId === r.residentId)).toBe(false);

    // Templates: the nurse adds one, the doctor of the same team sees, edits and removes it.
    const t = ok(await consult('saveTemplate', { title: '复诊', text: '请带上近期化验单来门诊复诊' }, NURSE));
    let list = ok(await consult('templates', {}, DOCTOR));
    expect(list.items.find((i: Any) => i.templateId === t.templateId)).toMatchObject({
      title: '复诊',
      byName: '李晓梅',
    });
    refused(await consult('templates', { teamId: 'team-cg-1' }, OTHER_DOCTOR), 'OUT_OF_SCOPE');
    refused(
      await consult(
        'saveTemplate',
        { templateId: t.templateId, title: '改', text: '越权修改' },
        OTHER_DOCTOR,
      ),
      'OUT_OF_SCOPE',
    );
    refused(await consult('deleteTemplate', { templateId: t.templateId }, OTHER_DOCTOR), 'OUT_OF_SCOPE');
    ok(
      await consult(
        'saveTemplate',
        { templateId: t.templateId, title: '复诊提醒', text: '请带上化验单' },
        DOCTOR,
      ),
    );
    list = ok(await consult('templates', {}, NURSE));
    expect(list.items.find((i: Any) => i.templateId === t.templateId)).toMatchObject({ title: '复诊提醒' });
    ok(await consult('deleteTemplate', { templateId: t.templateId }, DOCTOR));
    list = ok(await consult('templates', {}, NURSE));
    expect(list.items.some((i: Any) => i.templateId === t.templateId)).toBe(false);
    refused(
      await consult('deleteTemplate', { templateId: t.templateId }, DOCTOR),
      'CONSULT_TEMPLATE_NOT_FOUND',
    );

    // Quick action: the resident turns it into a booking; the team sees the line, the link is kept.
    ok(await consult('link', { kind: 'booking', refId: 'appt-x' }, r.openid));
    const seen = ok(await consult('thread', { consultId: s.consultId }, NURSE));
    expect(seen.messages.at(-1)).toMatchObject({ link: 'booking', text: '已根据本次咨询发起预约就诊' });
    const doc = await db.collection(COLLECTIONS.consults).doc(s.consultId).get();
    expect(doc.data[0].links).toEqual([expect.objectContaining({ kind: 'booking', refId: 'appt-x' })]);
    expect(doc.data[0].awaiting).toBe(true); // the follow-up still awaits an answer

    ok(await consult('close', { consultId: s.consultId, outcome: 'booked' }, NURSE));
    const closed = await db.collection(COLLECTIONS.consults).doc(s.consultId).get();
    expect(closed.data[0]).toMatchObject({ status: 'closed', outcome: 'booked', awaiting: false });
  });

  it('response figures per team and member, for stats.teamPerformance (one aggregate request)', async () => {
    const figs = await responseFigures(db, {
      teamIds: ['team-cg-1'],
      from: new Date('2026-11-01T00:00:00+08:00'),
      to: new Date('2026-12-01T00:00:00+08:00'),
    });
    const team = figs.find((f) => f.teamId === 'team-cg-1' && !f.staffId);
    const nurse = figs.find((f) => f.staffId === 'st-cg-2');
    expect(nurse).toMatchObject({ answered: 1, withinPromise: 1, medianMinutes: 120 });
    expect(team?.answered).toBeGreaterThanOrEqual(2);
    expect(team?.withinPromise).toBeLessThanOrEqual(team?.answered ?? 0);
  });
});
