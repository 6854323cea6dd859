import type { TConsultMessageView } from '@shared/api/consult';
import { ROLE_LABELS } from '@shared/constants/messages';
import type { TeamPosition } from '@shared/constants/roles';
import { dueText, RESPONSE_PROMISE } from '@shared/consult/rules';
import type { ConsultDoc, ConsultMessageDoc } from '@shared/db/schemas/consults';
import { tempUrls } from './media';

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

type Side = 'resident' | 'team';

/**
 * A message as one side sees it. Photos: the team sees only `visible` ones (a pending or refused
 * photo does not exist for them); the resident sees every one with its state. Only visible photos
 * get temp URLs (`urls`: fileId → temp URL).
 */
export const messageView = (
  m: ConsultMessageDoc,
  side: Side = 'resident',
  urls: Map<string, string> = new Map(),
): TConsultMessageView => {
  const photos = (m.photos ?? [])
    .filter((p) => side === 'resident' || p.status === 'visible')
    .map((p) =>
      p.status === 'visible'
        ? {
            status: p.status,
            ...(urls.has(p.thumbFileId) ? { thumbUrl: urls.get(p.thumbFileId) } : {}),
            ...(urls.has(p.fileId) ? { url: urls.get(p.fileId) } : {}),
          }
        : { status: p.status },
    );
  return {
    ...baseView(m),
    ...(photos.length ? { photos } : {}),
    ...(m.link ? { link: m.link.kind } : {}),
  };
};

/** The messages of a thread, with temp URLs for visible photos (one storage request at most). */
export async function threadView(messages: ConsultMessageDoc[], side: Side): Promise<TConsultMessageView[]> {
  const files = messages.flatMap((m) =>
    (m.photos ?? []).filter((p) => p.status === 'visible').flatMap((p) => [p.fileId, p.thumbFileId]),
  );
  const urls = files.length ? await tempUrls(files) : new Map<string, string>();
  return messages.map((m) => messageView(m, side, urls));
}

const baseView = (m: ConsultMessageDoc): TConsultMessageView => ({
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
