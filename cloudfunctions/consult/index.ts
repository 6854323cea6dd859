import { close, inbox, open, reply, send, thread } from '@shared/api/consult';
import { bind, createGuardedFunction } from '../_lib/guard';
import { closeHandler, inboxHandler, replyHandler } from './answer.handler';
import { openHandler, sendHandler, threadHandler } from './ask.handler';

/** The `consult` function: every action in shared/api/consult.ts, each behind the guard. */
export const main = createGuardedFunction('consult', [
  bind(open, openHandler),
  bind(send, sendHandler),
  bind(thread, threadHandler),
  bind(inbox, inboxHandler),
  bind(reply, replyHandler),
  bind(close, closeHandler),
]);
