import {
  acceptHomeVisit,
  agenda,
  availability,
  book,
  cancel,
  declineHomeVisit,
  markAttended,
  markNoShow,
  mine,
  requestHomeVisit,
  reschedule,
  schedules,
  setSchedule,
} from '@shared/api/appointment';
import { bind, createGuardedFunction } from '../_lib/guard';
import { bookHandler, rescheduleHandler } from './book.handler';
import { cancelHandler, markAttendedHandler, markNoShowHandler } from './change.handler';
import {
  acceptHomeVisitHandler,
  declineHomeVisitHandler,
  requestHomeVisitHandler,
} from './homeVisit.handler';
import { agendaHandler, availabilityHandler, mineHandler, schedulesHandler } from './read.handler';
import { setScheduleHandler } from './schedule.handler';

/** The `appointment` function: every action in shared/api/appointment.ts, each behind the guard. */
export const main = createGuardedFunction('appointment', [
  bind(availability, availabilityHandler),
  bind(book, bookHandler),
  bind(cancel, cancelHandler),
  bind(reschedule, rescheduleHandler),
  bind(mine, mineHandler),
  bind(agenda, agendaHandler),
  bind(markAttended, markAttendedHandler),
  bind(markNoShow, markNoShowHandler),
  bind(setSchedule, setScheduleHandler),
  bind(schedules, schedulesHandler),
  bind(requestHomeVisit, requestHomeVisitHandler),
  bind(acceptHomeVisit, acceptHomeVisitHandler),
  bind(declineHomeVisit, declineHomeVisitHandler),
]);
