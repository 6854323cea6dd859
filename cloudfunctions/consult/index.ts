import {
  close,
  deleteTemplate,
  inbox,
  link,
  open,
  reply,
  saveTemplate,
  send,
  templates,
  thread,
} from '@shared/api/consult';
import { bind, createGuardedFunction } from '../_lib/guard';
import { identityFrom } from '../_lib/runtime';
import { closeHandler, inboxHandler, replyHandler } from './answer.handler';
import { linkHandler, openHandler, sendHandler, threadHandler } from './ask.handler';
import { deleteTemplateHandler, saveTemplateHandler, templatesHandler } from './templates.handler';
import { isMediaCheckEvent, onMediaCheck } from './verdict.handler';

const guarded = createGuardedFunction('consult', [
  bind(open, openHandler),
  bind(send, sendHandler),
  bind(thread, threadHandler),
  bind(inbox, inboxHandler),
  bind(reply, replyHandler),
  bind(close, closeHandler),
  bind(templates, templatesHandler),
  bind(saveTemplate, saveTemplateHandler),
  bind(deleteTemplate, deleteTemplateHandler),
  bind(link, linkHandler),
]);

/**
 * The `consult` function: every action in shared/api/consult.ts behind the guard, plus WeChat's
 * `wxa_media_check` message push (the asynchronous photo verdicts). A push is honoured only without
 * a caller identity (the platform's push has none; a user's call always has one).
 */
export async function main(event: unknown, context: unknown): Promise<unknown> {
  if (isMediaCheckEvent(event) && !identityFrom(context).openid) {
    return { ok: true, data: await onMediaCheck(event) };
  }
  return guarded(event, context);
}
