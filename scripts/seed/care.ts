// Demo care data: a quarter in progress in team-cg-1 (Dr Wang) with every worklist state, written
// through the care function's own handlers with back-dated clocks, so windows, counters and
// suggestions are what the function would have produced. Residents are extra demo people (no
// WeChat account); the residents of seedDemoContracts are put under care too.

import { openCareForContract } from '../../cloudfunctions/_data/careStates.repo';
import type { Database } from '../../cloudfunctions/_lib/db';
import type { HandlerContext } from '../../cloudfunctions/_lib/guard';
import { sealPii } from '../../cloudfunctions/_lib/pii';
import { recordContactHandler } from '../../cloudfunctions/care/contact.handler';
import { recordFollowupHandler } from '../../cloudfunctions/care/followup.handler';
import { prescribeLongHandler } from '../../cloudfunctions/care/prescribe.handler';
import { referHandler } from '../../cloudfunctions/care/referral.handler';
import { COLLECTIONS } from '../../shared/constants/collections';
import { DEMO_DISTRICT_ID } from '../../shared/demo/identities';
import { maskMobile } from '../../shared/identity';
import { addDays, shanghaiDay } from '../../shared/time';

const DAY = 86_400_000;
type Demo = {
  key: string;
  name: string;
  birth: string;
  sex: 'male' | 'female';
  tags: string[];
  signedDaysAgo: number;
};

// signedDaysAgo ≥ 100 puts the start in the previous quarter: never contacted → overdue.
const PEOPLE: Demo[] = [
  { key: 'k1', name: '赵大海', birth: '1956-03-12', sex: 'male', tags: ['diabetes'], signedDaysAgo: 200 },
  {
    key: 'k2',
    name: '周桂兰',
    birth: '1950-08-02',
    sex: 'female',
    tags: ['hypertension'],
    signedDaysAgo: 200,
  },
  { key: 'k3', name: '吴德明', birth: '1962-11-20', sex: 'male', tags: [], signedDaysAgo: 200 },
  { key: 'k4', name: '郑秀英', birth: '1948-05-30', sex: 'female', tags: [], signedDaysAgo: 130 },
  { key: 'k5', name: '冯建华', birth: '1958-01-15', sex: 'male', tags: ['hypertension'], signedDaysAgo: 20 },
  {
    key: 'k6',
    name: '陈美玲',
    birth: '1966-09-09',
    sex: 'female',
    tags: ['hypertension'],
    signedDaysAgo: 200,
  },
  {
    key: 'k7',
    name: '褚卫国',
    birth: '1953-04-04',
    sex: 'male',
    tags: ['severe_mental'],
    signedDaysAgo: 200,
  },
  { key: 'k8', name: '卫小红', birth: '1990-02-14', sex: 'female', tags: [], signedDaysAgo: 10 },
];
const rid = (k: string) => `res-care-${k}`;

const ctxAt = (db: Database, at: Date): HandlerContext => ({
  caller: { role: 'doctor', teamIds: ['team-cg-1'], userId: 'u_demo_care_seed' },
  openid: 'demo-doctor-cg-1',
  db,
  now: at,
  action: 'care.seed',
  scope: 'team',
  authorize: () => undefined,
  audit: () => undefined,
});

/** Writes the care demo once (skipped when already there); returns documents written per collection. */
export async function seedCare(db: Database, now: Date): Promise<Record<string, number>> {
  const first = await db.collection(COLLECTIONS.careStates).doc(rid('k1')).get();
  if ((first.data as unknown[]).length > 0) return {};
  const today = shanghaiDay(now);
  const ago = (d: number) => new Date(now.getTime() - d * DAY);
  for (const [i, p] of PEOPLE.entries()) {
    const mobile = sealPii('mobile', `1390000${String(1001 + i).padStart(4, '0')}`, maskMobile);
    await db
      .collection(COLLECTIONS.residents)
      .doc(rid(p.key))
      .set({
        name: p.name,
        idHash: `demo-care-${p.key}`,
        birthDate: p.birth,
        sex: p.sex,
        tags: p.tags,
        gridId: 'r-cg-dm-g1',
        institutionId: 'inst-cg',
        districtId: DEMO_DISTRICT_ID,
        mobileEnc: mobile.enc,
        mobileHash: mobile.hash,
        mobileMasked: mobile.masked,
        createdAt: ago(p.signedDaysAgo + 1),
      });
    await db
      .collection(COLLECTIONS.contracts)
      .doc(`ct-care-${p.key}`)
      .set({
        residentId: rid(p.key),
        residentName: p.name,
        teamId: 'team-cg-1',
        teamName: '王建国家庭医生团队',
        institutionId: 'inst-cg',
        gridId: 'r-cg-dm-g1',
        packageIds: ['pkg-basic'],
        kind: 'new',
        status: 'active',
        channel: 'doctor_assisted',
        signedAt: ago(p.signedDaysAgo + 1),
        signedBy: 'u_demo_care_seed',
        confirmedAt: ago(p.signedDaysAgo),
        startDate: shanghaiDay(ago(p.signedDaysAgo)),
        endDate: addDays(shanghaiDay(ago(p.signedDaysAgo)), 364),
      });
  }
  // Under care from their confirmation day (the hook the contract function calls).
  for (const p of PEOPLE)
    await openCareForContract(db, `ct-care-${p.key}`, ago(Math.min(p.signedDaysAgo, 40)));
  // Demo contracts of the other seed (钱淑芬 …), lazily as the function would.
  const { data: others } = await db
    .collection(COLLECTIONS.contracts)
    .where({ status: 'active' })
    .field({ _id: true })
    .limit(100)
    .get();
  for (const c of others as { _id: string }[])
    if (!c._id.startsWith('ct-care-')) await openCareForContract(db, c._id, now);

  const run = async (days: number, fn: (ctx: HandlerContext) => Promise<unknown>) => fn(ctxAt(db, ago(days)));
  // 赵大海, diabetic: two unsatisfactory fasting-glucose results → referral suggested.
  await run(25, (ctx) =>
    recordFollowupHandler({
      ctx,
      input: {
        residentId: rid('k1'),
        kind: 'glucose_test',
        mode: 'face_to_face',
        measurements: { glucose: 8.1 },
      },
    }),
  );
  await run(3, (ctx) =>
    recordFollowupHandler({
      ctx,
      input: {
        residentId: rid('k1'),
        kind: 'glucose_test',
        mode: 'face_to_face',
        measurements: { glucose: 8.9 },
      },
    }),
  );
  // 周桂兰: referred up 10 days ago, her 2-week follow-up is due in 4 days.
  await run(10, (ctx) =>
    referHandler({
      ctx,
      input: {
        residentId: rid('k2'),
        direction: 'up',
        hospital: '杭州市第一人民医院',
        reason: '血压控制不佳，联合用药效果差',
        urgency: 'urgent',
      },
    }),
  );
  // 吴德明: reached this quarter (done until next quarter).
  await run(12, (ctx) =>
    recordContactHandler({ ctx, input: { residentId: rid('k3'), channel: 'phone', outcome: 'reached' } }),
  );
  // 陈美玲: stable hypertension, a long prescription ending in 12 days → refill soon.
  await run(2, (ctx) =>
    recordFollowupHandler({
      ctx,
      input: {
        residentId: rid('k6'),
        kind: 'hypertension',
        mode: 'face_to_face',
        measurements: { systolic: 132, diastolic: 84, heartRate: 72 },
      },
    }),
  );
  await run(2, (ctx) =>
    prescribeLongHandler({
      ctx,
      input: {
        residentId: rid('k6'),
        condition: 'hypertension',
        drugs: ['氨氯地平片 5mg', '厄贝沙坦片 150mg'],
        startDay: shanghaiDay(ago(2)),
        endDay: addDays(today, 12),
      },
    }),
  );
  // 褚卫国: severe mental disorder, asked to be called back in 2 days.
  await run(1, (ctx) =>
    recordContactHandler({
      ctx,
      input: { residentId: rid('k7'), channel: 'phone', outcome: 'call_later', callBackDays: 2 },
    }),
  );
  const { total } = await db.collection(COLLECTIONS.careTasks).where({ teamId: 'team-cg-1' }).count();
  return { careStates: PEOPLE.length, careTasks: total ?? 0 };
}
