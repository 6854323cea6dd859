import type { TConsultMessageView } from '@shared/api/consult';
import { ROLE_LABELS } from '@shared/constants/messages';
import type { TeamPosition } from '@shared/constants/roles';
import { dueText, RESPONSE_PROMISE } from '@shared/consult/rules';
import type { ConsultDoc, ConsultMessageDoc } from '@shared/db/schemas/consults';

export const PROMISE_TEXT = `团队承诺：工作日内 ${RESPONSE_PROMISE.workHours} 小时内回复（周末、法定节假日顺延）`;

export const conversationView = (c: ConsultDoc, teamName: string, now: Date) => ({
  consultId: c._id,
  residentId: c.residentId,
  teamId: c.teamId,
  teamName,
  status: c.status,
  awaiting: c.awaiting,
  dueAt: c.dueAt,
  ...(c.awaiting && c.dueAt ? { dueText: dueText(c.dueAt) } : {}),
  overdue: c.awaiting && c.dueAt !== null && c.dueAt.getTime() < now.getTime(),
  promise: PROMISE_TEXT,
});

export const messageView = (m: ConsultMessageDoc): TConsultMessageView => ({
  messageId: m._id,
  from: m.from,
  text: m.text,
  at: m.createdAt,
  ...(m.writerName ? { writerName: m.writerName } : {}),
  ...(m.proxy !== undefined ? { proxy: m.proxy } : {}),
  ...(m.staffName ? { staffName: m.staffName } : {}),
  ...(m.staffPosition
    ? { positionLabel: ROLE_LABELS[m.staffPosition as TeamPosition] ?? m.staffPosition }
    : {}),
  ...(m.emergency ? { emergency: true } : {}),
});
