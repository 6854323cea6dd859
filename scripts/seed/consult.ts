// Demo consultations for team-cg-1 (issue 18): one conversation past its promised time, one
// waiting within it, one that 李晓梅 (nurse) answered and the resident followed up (her "mine"
// filter), and the team's reply templates. Written as the consult function stores them, with
// due times from shared/consult/rules.ts, so the inbox orders and counts them as it would.

import type { Database } from '../../cloudfunctions/_lib/db';
import { COLLECTIONS } from '../../shared/constants/collections';
import { responseDueAt } from '../../shared/consult/rules';
import type { ConsultDoc, ConsultMessageDoc, ConsultTemplateDoc } from '../../shared/db/schemas/consults';

const H = 3_600_000;
const TEAM = 'team-cg-1';

/** The latest instant before `now` whose 24-workhour promise had already run out an hour ago. */
function overdueAsk(now: Date): Date {
  let at = new Date(now.getTime() - 26 * H);
  for (let i = 0; i < 40 && responseDueAt(at).getTime() > now.getTime() - H; i++)
    at = new Date(at.getTime() - 12 * H);
  return at;
}

export async function seedConsult(db: Database, now: Date): Promise<Record<string, number>> {
  const late = overdueAsk(now);
  const recent = new Date(now.getTime() - H);
  const answeredAsk = new Date(now.getTime() - 30 * H);
  const answeredAt = new Date(answeredAsk.getTime() + 3 * H);
  const followUp = new Date(now.getTime() - 2 * H);
  const conv = (rid: string, p: Partial<ConsultDoc>): ConsultDoc => ({
    _id: `cs_${rid}`,
    residentId: rid,
    teamId: TEAM,
    institutionId: 'inst-cg',
    status: 'open',
    awaiting: true,
    dueAt: null,
    askedAt: null,
    lastAt: now,
    lastFrom: 'resident',
    messageCount: 1,
    createdAt: now,
    ...p,
  });
  const asked = (rid: string, name: string, at: Date, text: string, n = 1): ConsultMessageDoc => ({
    _id: `cs_${rid}_demo${n}`,
    consultId: `cs_${rid}`,
    residentId: rid,
    teamId: TEAM,
    from: 'resident',
    text,
    writerResidentId: rid,
    writerName: name,
    proxy: false,
    createdAt: at,
  });
  const consults: ConsultDoc[] = [
    conv('res-demo-c1', {
      dueAt: responseDueAt(late),
      askedAt: late,
      lastAt: late,
      createdAt: late,
    }),
    conv('res-demo-c2', { dueAt: responseDueAt(recent), askedAt: recent, lastAt: recent, createdAt: recent }),
    conv('res-care-k2', {
      dueAt: responseDueAt(followUp),
      askedAt: followUp,
      lastAt: followUp,
      lastStaffId: 'st-cg-2',
      messageCount: 3,
      createdAt: answeredAsk,
    }),
  ];
  const messages: ConsultMessageDoc[] = [
    asked('res-demo-c1', '钱淑芬', late, '最近晚上总是睡不好，降压药可以换到早上吃吗？'),
    asked('res-demo-c2', '孙玉珍', recent, '体检报告上说尿酸偏高，需要复查吗？'),
    asked('res-care-k2', '周桂兰', answeredAsk, '血压早上 150/95，要加药吗？'),
    {
      _id: 'cs_res-care-k2_demo2',
      consultId: 'cs_res-care-k2',
      residentId: 'res-care-k2',
      teamId: TEAM,
      from: 'team',
      text: '先不加药，连续测一周早晚血压记下来，周三上午来门诊找王医生。',
      staffId: 'st-cg-2',
      staffName: '李晓梅',
      staffPosition: 'nurse',
      firstAnswer: true,
      responseMinutes: 180,
      withinPromise: true,
      createdAt: answeredAt,
    },
    asked('res-care-k2', '周桂兰', followUp, '好的，测血压要饭前还是饭后？', 3),
  ];
  const templates: ConsultTemplateDoc[] = [
    [
      'tpl1',
      '复诊提醒',
      '请带上近期的化验单和正在吃的药，工作日上午来社区卫生服务站复诊。',
      'st-cg-1',
      '王建国',
    ],
    [
      'tpl2',
      '测量血压',
      '请连续一周早晚各测一次血压（起床后、睡前，静坐 5 分钟后），记录下来复诊时带来。',
      'st-cg-2',
      '李晓梅',
    ],
    [
      'tpl3',
      '急症提醒',
      '您描述的情况可能比较紧急，请立即拨打 120 或到最近的医院急诊就诊。',
      'st-cg-1',
      '王建国',
    ],
  ].map(([key, title, text, by, name]) => ({
    _id: `ct_${TEAM}_demo_${key}`,
    teamId: TEAM,
    title: title as string,
    text: text as string,
    byStaffId: by as string,
    byName: name as string,
    createdAt: new Date(now.getTime() - 48 * H),
    updatedAt: new Date(now.getTime() - 48 * H),
  }));
  for (const [collection, docs] of [
    [COLLECTIONS.consults, consults],
    [COLLECTIONS.consultMessages, messages],
    [COLLECTIONS.consultTemplates, templates],
  ] as const)
    for (const { _id, ...data } of docs) await db.collection(collection).doc(_id).set(data);
  return {
    [COLLECTIONS.consults]: consults.length,
    [COLLECTIONS.consultMessages]: messages.length,
    [COLLECTIONS.consultTemplates]: templates.length,
  };
}
