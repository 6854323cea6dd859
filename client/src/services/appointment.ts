// Only types come from @shared/api here: a runtime import of a contract would pull zod into the
// main-package pages that use this service.
import type {
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
import type { InputOf, OutputOf } from '@shared/api/define';
import { SUBSCRIBE_TEMPLATES } from '@shared/wx/subscribe-templates';
import Taro from '@tarojs/taro';
import { invoke } from './api';

/** Open slots of a team for the caller (or a family member): priority when signed. */
export const getAvailability = (input: InputOf<typeof availability>) =>
  invoke<OutputOf<typeof availability>>('appointment', 'availability', input);

/** Books a slot; `subscribed` records the reminder credit the user just granted. */
export const bookSlot = (input: InputOf<typeof book>) =>
  invoke<OutputOf<typeof book>>('appointment', 'book', input);

/** Bookings and home visits of the caller and their family. */
export const myAppointments = (input: InputOf<typeof mine> = {}) =>
  invoke<OutputOf<typeof mine>>('appointment', 'mine', input);

/** Cancels a booking; the reason is required. */
export const cancelAppointment = (input: InputOf<typeof cancel>) =>
  invoke<OutputOf<typeof cancel>>('appointment', 'cancel', input);

/** Moves a booking to another slot of the same team. */
export const rescheduleAppointment = (input: InputOf<typeof reschedule>) =>
  invoke<OutputOf<typeof reschedule>>('appointment', 'reschedule', input);

/** A team's agenda for a day or a week. */
export const getAgenda = (input: InputOf<typeof agenda>) =>
  invoke<OutputOf<typeof agenda>>('appointment', 'agenda', input);

export const setAttended = (input: InputOf<typeof markAttended>) =>
  invoke<OutputOf<typeof markAttended>>('appointment', 'markAttended', input);

export const setNoShow = (input: InputOf<typeof markNoShow>) =>
  invoke<OutputOf<typeof markNoShow>>('appointment', 'markNoShow', input);

/** Asks the team for a home visit (address + reason). */
export const askHomeVisit = (input: InputOf<typeof requestHomeVisit>) =>
  invoke<OutputOf<typeof requestHomeVisit>>('appointment', 'requestHomeVisit', input);

export const acceptVisit = (input: InputOf<typeof acceptHomeVisit>) =>
  invoke<OutputOf<typeof acceptHomeVisit>>('appointment', 'acceptHomeVisit', input);

export const declineVisit = (input: InputOf<typeof declineHomeVisit>) =>
  invoke<OutputOf<typeof declineHomeVisit>>('appointment', 'declineHomeVisit', input);

/** The team's schedules and doctors, for the editor. */
export const getSchedules = (input: InputOf<typeof schedules>) =>
  invoke<OutputOf<typeof schedules>>('appointment', 'schedules', input);

/** Saves one doctor's weekly sessions, outreach days and leave. */
export const saveSchedule = (input: InputOf<typeof setSchedule>) =>
  invoke<OutputOf<typeof setSchedule>>('appointment', 'setSchedule', input);

/** Everyone the caller may book for who is signed today: themself and family, with their team. */
export async function mySignedPeople(): Promise<
  { teamId: string; residentId: string; residentName: string }[]
> {
  const r = await invoke<{
    contracts: { teamId: string; residentId: string; residentName: string; status: string }[];
  }>('contract', 'mine', {});
  const seen = new Set<string>();
  return r.contracts.flatMap((c) => {
    if (c.status !== 'active' || seen.has(c.residentId)) return [];
    seen.add(c.residentId);
    return [{ teamId: c.teamId, residentId: c.residentId, residentName: c.residentName }];
  });
}

/** The team the resident is signed to today, from their contracts (undefined when none is active). */
export async function myActiveTeam(): Promise<{ teamId: string; residentId: string } | undefined> {
  const r = await invoke<{ contracts: { teamId: string; residentId: string; status: string }[] }>(
    'contract',
    'mine',
    {},
  );
  const c = r.contracts.find((x) => x.status === 'active');
  return c ? { teamId: c.teamId, residentId: c.residentId } : undefined;
}

/**
 * Asks for the reminder subscribe-message (one-time credit) and reports whether the user
 * accepted. WeChat requires this inside the tap handler, before any other await. H5 has no
 * subscribe messages, so it answers false without asking.
 */
export async function askReminderPermission(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return false;
  const id = SUBSCRIBE_TEMPLATES.appointmentReminder.id;
  try {
    const r = (await Taro.requestSubscribeMessage({ tmplIds: [id] } as Parameters<
      typeof Taro.requestSubscribeMessage
    >[0])) as unknown as Record<string, string>;
    return r[id] === 'accept';
  } catch {
    // Refused, or the template is not registered yet: book anyway, without the reminder credit.
    return false;
  }
}
