import { userIdFor } from '../../cloudfunctions/_lib/caller';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { TestEmulator } from '../support/emulator';

// biome-ignore lint/suspicious/noExplicitAny: envelopes are read loosely in tests
export type Any = any;

/** Demo staff of 城关 (inst-cg): two doctors of two teams and the institution admin. */
export const DOCTOR_A = 'demo-doctor-cg-1'; // team-cg-1
export const DOCTOR_B = 'demo-doctor-cg-4'; // team-cg-2
export const ADMIN = 'demo-admin-cg';
export const OTHER_ADMIN = 'demo-admin-qs';

/** Calls `education.<action>` as `openid`; returns the envelope. */
export async function callEdu(
  emu: TestEmulator,
  action: string,
  input: unknown,
  openid?: string,
): Promise<Any> {
  const r = await emu.callFn('education', { action, input }, openid);
  return r.result;
}

/** Pins the emulator clock to an instant (functions read it through _lib/clock). */
export const pinClock = (emu: TestEmulator, iso: string) =>
  emu.setClockOffset(new Date(iso).getTime() - Date.now());

export type TestPerson = {
  key: string;
  birthDate: string;
  sex: 'male' | 'female';
  tags?: string[];
  pregnancies?: { registeredOn: string; deliveredOn?: string }[];
  gridId: string;
  signedTo?: string;
  account?: boolean;
};

/** Writes a resident of inst-cg (and an account when asked, openid `test-<key>`). */
export async function makePerson(
  emu: TestEmulator,
  p: TestPerson,
): Promise<{ residentId: string; openid: string }> {
  const db = emu.sdkApp().database();
  const residentId = `res-${p.key}`;
  const openid = `test-${p.key}`;
  await db
    .collection(COLLECTIONS.residents)
    .doc(residentId)
    .set({
      name: `测试${p.key}`.slice(0, 10),
      idHash: `test-hash-${p.key}`,
      birthDate: p.birthDate,
      sex: p.sex,
      tags: p.tags ?? [],
      ...(p.pregnancies ? { pregnancies: p.pregnancies } : {}),
      gridId: p.gridId,
      institutionId: 'inst-cg',
      districtId: 'r-demo',
      createdAt: new Date(),
    });
  if (p.account)
    await db
      .collection(COLLECTIONS.users)
      .doc(userIdFor(openid))
      .set({ openid, role: 'resident', residentId, family: [], createdAt: new Date() });
  if (p.signedTo)
    await db
      .collection(COLLECTIONS.contracts)
      .doc(`ct-${residentId}`)
      .set({
        residentId,
        teamId: p.signedTo,
        institutionId: 'inst-cg',
        packageIds: ['pkg-basic'],
        kind: 'new',
        status: 'active',
        signedAt: new Date('2026-01-01T00:00:00Z'),
        signedBy: residentId,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      });
  return { residentId, openid };
}

/** An approved article written straight to the database (for push tests that need many). */
export async function approvedArticle(emu: TestEmulator, id: string, teamId: string): Promise<string> {
  const now = new Date();
  await emu
    .sdkApp()
    .database()
    .collection(COLLECTIONS.articles)
    .doc(id)
    .set({
      title: `测试文章${id}`,
      summary: '测试摘要',
      body: [{ type: 'paragraph', text: '正文' }],
      topics: ['healthy_living'],
      status: 'approved',
      authorStaffId: 'st-cg-1',
      authorName: '王建国',
      teamId,
      institutionId: 'inst-cg',
      createdAt: now,
      updatedAt: now,
      reviewedAt: now,
    });
  return id;
}

/** A small valid article input. */
export const ARTICLE_INPUT = {
  title: '高血压患者的家庭自测',
  summary: '每天早晚各测一次血压，记录下来复诊时给医生看。',
  topics: ['hypertension'],
  body: [
    { type: 'heading', text: '为什么要在家测血压' },
    { type: 'paragraph', text: '家庭血压更能反映日常水平。' },
    { type: 'list', ordered: true, items: ['安静休息5分钟', '坐位测量', '连测两次取平均'] },
  ],
};
