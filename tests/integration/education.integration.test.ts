import { createCampaign, findCampaign } from '../../cloudfunctions/_data/articles.repo';
import { runCampaign, runDueCampaigns } from '../../cloudfunctions/education/support/fanout';
import { COLLECTIONS } from '../../shared/constants/collections';
import { ERROR_MESSAGES } from '../../shared/constants/messages';
import { KEY_POPULATION_TAGS } from '../../shared/constants/tags';
import { EDUCATION_CONFIG, LIVE_TOO_SHORT_REASON } from '../../shared/education';
import { contextApp, type TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';
import {
  ADMIN,
  type Any,
  ARTICLE_INPUT,
  approvedArticle,
  callEdu,
  DOCTOR_A,
  DOCTOR_B,
  makePerson,
  OTHER_ADMIN,
  pinClock,
  type TestPerson,
} from './education-support';

// The education function through the real SDK against the emulator, clock pinned to Wednesday
// 2026-11-25 10:00 Shanghai (week 2026-11-23 … 11-29). Test residents live in their own grids of
// 城关 (inst-cg) so the expected audiences are known by hand.
const NOW = '2026-11-25T10:00:00+08:00';
const GRID = 'r-test-g1';
const CAP_GRID = 'r-test-g2';
let emu: TestEmulator;
let db: Any;

const count = async (c: string, where: object = {}) =>
  (await db.collection(c).where(where).count()).total as number;

// Every key population, by hand: who in GRID has it on 2026-11-25.
const PEOPLE: TestPerson[] = [
  {
    key: 'ht',
    birthDate: '1980-05-01',
    sex: 'male',
    tags: ['hypertension'],
    gridId: GRID,
    signedTo: 'team-cg-1',
  },
  {
    key: 'dm',
    birthDate: '1975-02-10',
    sex: 'female',
    tags: ['diabetes'],
    gridId: GRID,
    signedTo: 'team-cg-2',
  },
  { key: 'htdm', birthDate: '1970-03-03', sex: 'male', tags: ['hypertension', 'diabetes'], gridId: GRID },
  { key: 'dmhr', birthDate: '1982-01-01', sex: 'female', tags: ['diabetes_high_risk'], gridId: GRID },
  { key: 'sm', birthDate: '1990-07-07', sex: 'male', tags: ['severe_mental'], gridId: GRID },
  { key: 'tb', birthDate: '1988-08-08', sex: 'male', tags: ['tuberculosis'], gridId: GRID },
  { key: 'hiv', birthDate: '1986-06-06', sex: 'male', tags: ['hiv'], gridId: GRID },
  { key: 'dis', birthDate: '1979-09-09', sex: 'female', tags: ['disabled'], gridId: GRID },
  {
    key: 'pov',
    birthDate: '1966-06-16',
    sex: 'female',
    tags: ['poverty'],
    gridId: GRID,
    signedTo: 'team-cg-1',
  },
  { key: 'sf', birthDate: '1971-01-21', sex: 'male', tags: ['special_family'], gridId: GRID },
  { key: 'oc', birthDate: '1984-04-04', sex: 'female', tags: ['other_chronic'], gridId: GRID },
  // Elderly: 65 on 2026-11-25 is born on or before 1961-11-25.
  { key: 'old1', birthDate: '1950-01-01', sex: 'female', gridId: GRID, signedTo: 'team-cg-1' },
  { key: 'old2', birthDate: '1961-11-25', sex: 'male', tags: ['hypertension'], gridId: GRID },
  { key: 'notold', birthDate: '1961-11-26', sex: 'male', gridId: GRID },
  // Child 0–6: 2020-11-25 is 6 (child), 2019-11-25 is 7 (not).
  { key: 'kid', birthDate: '2022-03-01', sex: 'female', gridId: GRID },
  { key: 'kid6', birthDate: '2020-11-25', sex: 'male', gridId: GRID },
  { key: 'kid7', birthDate: '2019-11-25', sex: 'male', gridId: GRID },
  // Maternal: pregnant; delivered 2026-11-01 (postpartum until 12-13); delivered 10-01 (ended 11-12).
  {
    key: 'preg',
    birthDate: '1994-04-04',
    sex: 'female',
    pregnancies: [{ registeredOn: '2026-06-01' }],
    gridId: GRID,
  },
  {
    key: 'post',
    birthDate: '1993-03-03',
    sex: 'female',
    pregnancies: [{ registeredOn: '2026-02-01', deliveredOn: '2026-11-01' }],
    gridId: GRID,
  },
  {
    key: 'postend',
    birthDate: '1992-02-02',
    sex: 'female',
    pregnancies: [{ registeredOn: '2026-01-01', deliveredOn: '2026-10-01' }],
    gridId: GRID,
  },
];

const EXPECTED: Record<(typeof KEY_POPULATION_TAGS)[number], string[]> = {
  elderly: ['old1', 'old2'],
  child: ['kid', 'kid6'],
  maternal: ['preg', 'post'],
  hypertension: ['ht', 'htdm', 'old2'],
  diabetes: ['dm', 'htdm'],
  diabetes_high_risk: ['dmhr'],
  severe_mental: ['sm'],
  tuberculosis: ['tb'],
  hiv: ['hiv'],
  disabled: ['dis'],
  poverty: ['pov'],
  special_family: ['sf'],
};

let draftId: string;

beforeAll(async () => {
  emu = await startSeededEmulator(['user', 'education']);
  db = emu.sdkApp().database();
  pinClock(emu, NOW);
  for (const p of PEOPLE) await makePerson(emu, p);
  const r = await callEdu(emu, 'draft', ARTICLE_INPUT, DOCTOR_A);
  expect(r).toMatchObject({ ok: true, data: { status: 'draft', authorName: '王建国', teamId: 'team-cg-1' } });
  draftId = r.data.articleId;
}, 120_000);
afterAll(() => emu?.close());

describe('review before any push', () => {
  it('an article cannot be pushed as a draft or in review; after approval it can', async () => {
    const rule = { gridId: GRID, tags: ['hypertension'] };
    const asDraft = await callEdu(emu, 'push', { articleId: draftId, rule }, DOCTOR_A);
    expect(asDraft).toMatchObject({
      ok: false,
      code: 'ARTICLE_NOT_APPROVED',
      message: ERROR_MESSAGES.ARTICLE_NOT_APPROVED,
    });
    expect((await callEdu(emu, 'submit', { articleId: draftId }, DOCTOR_A)).data.status).toBe('in_review');
    const inReview = await callEdu(emu, 'push', { articleId: draftId, rule }, DOCTOR_A);
    expect(inReview).toMatchObject({ ok: false, code: 'ARTICLE_NOT_APPROVED' });
    expect(await count(COLLECTIONS.deliveries, { articleId: draftId })).toBe(0);
    expect(await count(COLLECTIONS.campaigns, { articleId: draftId })).toBe(0);
    // Editing is closed while in review; doctors cannot approve; another institution's admin is out of scope.
    expect(await callEdu(emu, 'update', { ...ARTICLE_INPUT, articleId: draftId }, DOCTOR_A)).toMatchObject({
      ok: false,
      code: 'ARTICLE_NOT_EDITABLE',
    });
    expect(await callEdu(emu, 'approve', { articleId: draftId }, DOCTOR_A)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await callEdu(emu, 'approve', { articleId: draftId }, OTHER_ADMIN)).toMatchObject({
      ok: false,
      code: 'OUT_OF_SCOPE',
    });
    expect((await callEdu(emu, 'approve', { articleId: draftId }, ADMIN)).data.status).toBe('approved');
    const pushed = await callEdu(emu, 'push', { articleId: draftId, rule }, DOCTOR_A);
    expect(pushed).toMatchObject({ ok: true, data: { status: 'done', matched: 3, delivered: 3 } });
  });

  it('a rejected article carries its reason and goes back to draft on edit', async () => {
    const d = (await callEdu(emu, 'draft', ARTICLE_INPUT, DOCTOR_B)).data;
    await callEdu(emu, 'submit', { articleId: d.articleId }, DOCTOR_B);
    expect(await callEdu(emu, 'reject', { articleId: d.articleId, reason: ' ' }, ADMIN)).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
    const rej = await callEdu(emu, 'reject', { articleId: d.articleId, reason: '请补充血压计选择' }, ADMIN);
    expect(rej.data).toMatchObject({ status: 'rejected', rejectReason: '请补充血压计选择' });
    const again = await callEdu(emu, 'update', { ...ARTICLE_INPUT, articleId: d.articleId }, DOCTOR_B);
    expect(again.data.status).toBe('draft');
    // Doctor A is on another team: the article is out of reach.
    expect(await callEdu(emu, 'submit', { articleId: d.articleId }, DOCTOR_A)).toMatchObject({
      ok: false,
      code: 'OUT_OF_SCOPE',
    });
  });
});

describe('previewAudience', () => {
  it.each(KEY_POPULATION_TAGS.map((t) => [t]))('counts exactly the residents with %s', async (tag) => {
    const r = await callEdu(
      emu,
      'previewAudience',
      { articleId: draftId, rule: { gridId: GRID, tags: [tag] } },
      DOCTOR_A,
    );
    expect(r).toMatchObject({ ok: true, data: { count: EXPECTED[tag].length, day: '2026-11-25' } });
    expect(JSON.stringify(r.data)).not.toContain('测试');
  });

  it('combines tags (any of), sex, age band, signed, team and season', async () => {
    const preview = async (rule: object) =>
      (
        await callEdu(
          emu,
          'previewAudience',
          { articleId: draftId, rule: { gridId: GRID, ...rule } },
          DOCTOR_A,
        )
      ).data?.count;
    expect(await preview({})).toBe(PEOPLE.length);
    expect(await preview({ tags: ['hypertension', 'diabetes'] })).toBe(4); // ht, dm, htdm, old2
    expect(await preview({ tags: ['elderly'], sex: 'female' })).toBe(1);
    expect(await preview({ ageMin: 65 })).toBe(2);
    expect(await preview({ ageMax: 6 })).toBe(2);
    expect(await preview({ ageMin: 30, ageMax: 40 })).toBe(6); // sm 36, tb 38, hiv 40, preg 32, post 33, postend 34
    expect(await preview({ signed: 'signed' })).toBe(4);
    expect(await preview({ signed: 'unsigned' })).toBe(PEOPLE.length - 4);
    expect(await preview({ teamId: 'team-cg-1' })).toBe(3);
    expect(await preview({ season: { from: '11-01', to: '02-28' } })).toBe(PEOPLE.length);
    expect(await preview({ season: { from: '06-01', to: '08-31' } })).toBe(0);
    // A doctor cannot aim at another team's residents.
    expect(
      await callEdu(emu, 'previewAudience', { articleId: draftId, rule: { teamId: 'team-cg-2' } }, DOCTOR_A),
    ).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
  });
});

describe('push', () => {
  it('pushing the same article twice reaches nobody twice', async () => {
    const id = await approvedArticle(emu, 'art_twice', 'team-cg-1');
    const rule = { gridId: GRID, tags: ['diabetes', 'diabetes_high_risk'] };
    const first = await callEdu(emu, 'push', { articleId: id, rule }, DOCTOR_A);
    expect(first.data).toMatchObject({ matched: 3, delivered: 3, alreadyPushed: 0 });
    const second = await callEdu(
      emu,
      'push',
      { articleId: id, rule: { gridId: GRID, tags: ['diabetes'] } },
      DOCTOR_A,
    );
    expect(second.data).toMatchObject({ matched: 2, delivered: 0, alreadyPushed: 2 });
    expect(await count(COLLECTIONS.deliveries, { articleId: id })).toBe(3);
    expect(await count(COLLECTIONS.messages, { 'ref.id': id })).toBe(3);
    expect(
      await count(COLLECTIONS.outbox, {
        kind: 'education.push',
        'ref.id': db.RegExp({ regexp: `^${id}__` }),
      }),
    ).toBe(3);
    const reach = await callEdu(emu, 'reach', { articleId: id }, DOCTOR_A);
    expect(reach.data).toEqual({ pushed: 3, delivered: { inApp: 3, wechat: 0 }, opened: 0, readToEnd: 0 });
  });

  it(`the weekly cap (${EDUCATION_CONFIG.maxPushesPerWeek}) holds across two doctors pushing at once`, async () => {
    const people = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
    for (const k of people)
      await makePerson(emu, {
        key: k,
        birthDate: '1970-01-01',
        sex: 'male',
        gridId: CAP_GRID,
        tags: ['hypertension'],
      });
    const a = ['art_cap_a1', 'art_cap_a2', 'art_cap_a3'];
    const b = ['art_cap_b1', 'art_cap_b2', 'art_cap_b3'];
    for (const id of a) await approvedArticle(emu, id, 'team-cg-1');
    for (const id of b) await approvedArticle(emu, id, 'team-cg-2');
    const rule = { gridId: CAP_GRID };
    const results = await Promise.all([
      (async () => {
        const out = [];
        for (const id of a) out.push(await callEdu(emu, 'push', { articleId: id, rule }, DOCTOR_A));
        return out;
      })(),
      (async () => {
        const out = [];
        for (const id of b) out.push(await callEdu(emu, 'push', { articleId: id, rule }, DOCTOR_B));
        return out;
      })(),
    ]);
    const all = results.flat();
    for (const r of all)
      expect(r).toMatchObject({ ok: true, data: { status: 'done', matched: people.length } });
    const delivered = all.reduce((n, r) => n + r.data.delivered, 0);
    expect(delivered).toBe(people.length * EDUCATION_CONFIG.maxPushesPerWeek);
    for (const k of people) {
      const n = await count(COLLECTIONS.deliveries, {
        residentId: `res-${k}`,
        pushedAt: db.command.exists(true),
      });
      expect(n).toBe(EDUCATION_CONFIG.maxPushesPerWeek);
      const c = (await db.collection(COLLECTIONS.pushCounters).doc(`res-${k}__W2026-11-23`).get()).data[0];
      expect(c.count).toBe(EDUCATION_CONFIG.maxPushesPerWeek);
    }
    // Next week the counter starts again.
    pinClock(emu, '2026-11-30T10:00:00+08:00');
    await approvedArticle(emu, 'art_cap_next', 'team-cg-1');
    const next = await callEdu(emu, 'push', { articleId: 'art_cap_next', rule }, DOCTOR_A);
    expect(next.data).toMatchObject({ delivered: people.length, weeklyCap: 0 });
    pinClock(emu, NOW);
  });

  it('a campaign for a later day waits; a past day is refused', async () => {
    await approvedArticle(emu, 'art_later', 'team-cg-1');
    const later = await callEdu(
      emu,
      'push',
      { articleId: 'art_later', rule: { gridId: GRID }, sendOn: '2026-12-01' },
      DOCTOR_A,
    );
    expect(later.data).toMatchObject({ status: 'scheduled', sendOn: '2026-12-01', delivered: 0 });
    expect(await count(COLLECTIONS.deliveries, { articleId: 'art_later' })).toBe(0);
    const past = await callEdu(
      emu,
      'push',
      { articleId: 'art_later', rule: {}, sendOn: '2026-11-24' },
      DOCTOR_A,
    );
    expect(past).toMatchObject({ ok: false, code: 'SEND_DAY_IN_PAST' });
  });
});

describe('fan-out resumes', () => {
  it('a run cut short resumes where it stopped (the scheduler hook) and delivers nobody twice', async () => {
    for (const k of ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7'])
      await makePerson(emu, { key: k, birthDate: '1980-01-01', sex: 'female', gridId: 'r-test-g5' });
    await approvedArticle(emu, 'art_resume', 'team-cg-1');
    // The function's own code with a production-style SDK handle routed to the emulator.
    const fdb = contextApp(emu.url).database();
    const now = new Date(NOW);
    const campaign = {
      _id: 'cmp_resume',
      articleId: 'art_resume',
      institutionId: 'inst-cg',
      teamId: 'team-cg-1',
      pushedByStaffId: 'st-cg-1',
      rule: { tags: [], gridId: 'r-test-g5', signed: 'any' as const },
      sendOn: '2026-11-25',
      status: 'scheduled' as const,
      matched: 0,
      delivered: 0,
      alreadyPushed: 0,
      weeklyCap: 0,
      createdAt: now,
      updatedAt: now,
    };
    await createCampaign(fdb, campaign);
    const a = { _id: 'art_resume', title: '测试', summary: '摘要' };
    // Out of time before the first batch: nothing delivered, the campaign stays 'sending'.
    const cut = await runCampaign(fdb, campaign, a, now, Date.now());
    expect(cut).toMatchObject({ status: 'sending', delivered: 0 });
    expect(await runDueCampaigns(fdb, now)).toBeGreaterThanOrEqual(1);
    expect(await findCampaign(fdb, 'cmp_resume')).toMatchObject({ status: 'done', delivered: 7, matched: 7 });
    // Run again from the start: everyone already has it.
    await createCampaign(fdb, { ...campaign, _id: 'cmp_resume2' });
    const again = await runCampaign(fdb, { ...campaign, _id: 'cmp_resume2' }, a, now, Date.now() + 30_000);
    expect(again).toMatchObject({ status: 'done', delivered: 0, alreadyPushed: 7 });
    expect(await count(COLLECTIONS.deliveries, { articleId: 'art_resume' })).toBe(7);
  });
});

describe('sanitising', () => {
  it('strips a script, markup and foreign links from the body on the server', async () => {
    const r = await callEdu(
      emu,
      'draft',
      {
        ...ARTICLE_INPUT,
        title: '<b>夏季</b>防暑<script>x()</script>',
        body: [
          {
            type: 'paragraph',
            text: '多喝水<script>alert("x")</script>，少出门 <img src=x onerror=alert(1)>',
          },
          { type: 'paragraph', text: '详见 https://evil.example.com/a 或 javascript:alert(1)' },
          { type: 'link', text: '外部网站', href: 'https://evil.example.com' },
          { type: 'link', text: '预约门诊', href: '/pages/booking/index' },
          { type: 'paragraph', text: '<script>only()</script>' },
        ],
      },
      DOCTOR_A,
    );
    expect(r.ok).toBe(true);
    const stored = (await db.collection(COLLECTIONS.articles).doc(r.data.articleId).get()).data[0];
    const text = JSON.stringify(stored.body);
    expect(text).not.toMatch(/script|onerror|evil|javascript|<|>/i);
    expect(stored.title).toBe('夏季防暑');
    expect(stored.body).toEqual([
      { type: 'paragraph', text: '多喝水，少出门' },
      { type: 'paragraph', text: '详见 或 alert(1)' },
      { type: 'paragraph', text: '外部网站' },
      { type: 'link', text: '预约门诊', href: '/pages/booking/index' },
    ]);
  });
});

describe('feed and reading', () => {
  it('puts pushed and matching articles first, records opened and read to the end', async () => {
    const me = await makePerson(emu, {
      key: 'reader',
      birthDate: '1960-01-01',
      sex: 'female',
      tags: ['diabetes'],
      gridId: 'r-test-g3',
      account: true,
    });
    await approvedArticle(emu, 'art_feed_push', 'team-cg-1');
    await callEdu(emu, 'push', { articleId: 'art_feed_push', rule: { gridId: 'r-test-g3' } }, DOCTOR_A);
    const feed = await callEdu(emu, 'feed', {}, me.openid);
    expect(feed.ok).toBe(true);
    const items = feed.data.items as Any[];
    expect(items[0]).toMatchObject({ articleId: 'art_feed_push', pushed: true, forMe: true, opened: false });
    const firstOther = items.findIndex((i) => !i.forMe);
    expect(items.slice(0, firstOther === -1 ? items.length : firstOther).every((i) => i.forMe)).toBe(true);
    expect(items.find((i) => i.articleId === draftId)).toMatchObject({ forMe: false });
    await callEdu(emu, 'markRead', { articleId: 'art_feed_push', progress: 'opened' }, me.openid);
    await callEdu(emu, 'markRead', { articleId: 'art_feed_push', progress: 'read_to_end' }, me.openid);
    const reach = await callEdu(emu, 'reach', { articleId: 'art_feed_push' }, DOCTOR_A);
    expect(reach.data).toMatchObject({ pushed: 1, opened: 1, readToEnd: 1 });
    const team = await callEdu(emu, 'reach', { teamId: 'team-cg-1' }, ADMIN);
    expect(team.data.readToEnd).toBeGreaterThanOrEqual(1);
    const inbox = (await db.collection(COLLECTIONS.messages).where({ residentId: me.residentId }).get()).data;
    expect(inbox).toHaveLength(1);
    expect(inbox[0].readAt).toBeDefined();
    // A draft is not readable by a resident.
    const d = (await callEdu(emu, 'draft', ARTICLE_INPUT, DOCTOR_A)).data;
    expect(await callEdu(emu, 'article', { articleId: d.articleId }, me.openid)).toMatchObject({
      ok: false,
      code: 'ARTICLE_NOT_FOUND',
    });
  });
});

describe('live sessions', () => {
  const base = {
    title: '冬季心脑血管健康讲座',
    speaker: '区人民医院 李主任',
    startsAt: '2026-11-27T19:00:00+08:00',
    channel: 'channels',
    channelRef: 'sph1234567',
    topics: ['hypertension'],
  };

  it('a live session of 25 minutes is refused with the policy reason; 30 is accepted', async () => {
    const before = await count(COLLECTIONS.liveSessions);
    const short = await callEdu(emu, 'scheduleLive', { ...base, durationMinutes: 25 }, ADMIN);
    expect(short).toMatchObject({ ok: false, code: 'LIVE_TOO_SHORT', message: LIVE_TOO_SHORT_REASON });
    expect(await count(COLLECTIONS.liveSessions)).toBe(before);
    const ok = await callEdu(emu, 'scheduleLive', { ...base, durationMinutes: 30 }, ADMIN);
    expect(ok).toMatchObject({ ok: true, data: { durationMinutes: 30, registrations: 0 } });
    expect(await callEdu(emu, 'scheduleLive', { ...base, durationMinutes: 45 }, DOCTOR_A)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('residents register once (with a reminder) and ask; the host sees masked askers', async () => {
    const s = (await callEdu(emu, 'scheduleLive', { ...base, durationMinutes: 60 }, ADMIN)).data;
    const r = await makePerson(emu, {
      key: 'viewer',
      birthDate: '1955-05-05',
      sex: 'male',
      gridId: GRID,
      account: true,
    });
    expect((await callEdu(emu, 'liveSessions', {}, r.openid)).data.sessions.length).toBeGreaterThanOrEqual(1);
    const reg = await callEdu(emu, 'registerLive', { sessionId: s.sessionId }, r.openid);
    expect(reg.data).toMatchObject({ registered: true, registrations: 1 });
    const again = await callEdu(emu, 'registerLive', { sessionId: s.sessionId }, r.openid);
    expect(again.data.registrations).toBe(1);
    const reminder = (
      await db.collection(COLLECTIONS.outbox).doc(`live:${s.sessionId}:${r.residentId}:reminder`).get()
    ).data[0];
    expect(new Date(reminder.sendAfter).toISOString()).toBe('2026-11-27T10:30:00.000Z');
    await callEdu(emu, 'askQuestion', { sessionId: s.sessionId, text: '血压早上高怎么办？' }, r.openid);
    const qs = await callEdu(emu, 'liveQuestions', { sessionId: s.sessionId }, ADMIN);
    expect(qs.data.questions).toEqual([
      expect.objectContaining({ askerLabel: '测**', text: '血压早上高怎么办？' }),
    ]);
    expect(await callEdu(emu, 'liveQuestions', { sessionId: s.sessionId }, OTHER_ADMIN)).toMatchObject({
      ok: false,
      code: 'OUT_OF_SCOPE',
    });
  });
});
