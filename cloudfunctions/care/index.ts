import {
  coverage,
  myPlan,
  phoneNumber,
  prescribeLong,
  recordContact,
  recordFollowup,
  refer,
  timeline,
  updateReferral,
  worklist,
} from '@shared/api/care';
import { bind, createGuardedFunction } from '../_lib/guard';
import { recordContactHandler } from './contact.handler';
import { recordFollowupHandler } from './followup.handler';
import { prescribeLongHandler } from './prescribe.handler';
import {
  coverageHandler,
  myPlanHandler,
  phoneNumberHandler,
  timelineHandler,
  worklistHandler,
} from './read.handler';
import { referHandler, updateReferralHandler } from './referral.handler';

/** The `care` function: every action in shared/api/care.ts, each behind the guard. */
export const main = createGuardedFunction('care', [
  bind(worklist, worklistHandler),
  bind(recordContact, recordContactHandler),
  bind(recordFollowup, recordFollowupHandler),
  bind(refer, referHandler),
  bind(updateReferral, updateReferralHandler),
  bind(prescribeLong, prescribeLongHandler),
  bind(timeline, timelineHandler),
  bind(phoneNumber, phoneNumberHandler),
  bind(coverage, coverageHandler),
  bind(myPlan, myPlanHandler),
]);
