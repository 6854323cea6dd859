// Everything the resident home page shows at a glance, each part fetched on its own so a missing
// or failing part (care and messaging are other domains) never blanks the rest.
import type { TAppointmentView } from '@shared/api/appointment';
import type { OutputOf } from '@shared/api/define';
import type { me as meDef } from '@shared/api/user';
import { invoke } from './api';
import type { ContractView } from './contract';

export type Profile = OutputOf<typeof meDef>;
/** A plan item of care.myPlan as the home page shows it. */
export type DueItem = { kindLabel: string; reason: string; state: string; daysLeft: number; end: string };

/** The caller's own active contract (their family doctor team), if any. */
export const myContracts = () => invoke<{ contracts: ContractView[] }>('contract', 'mine', {});

/** Bookings and home visits of the caller and family. */
export const myBookings = () => invoke<{ appointments: TAppointmentView[] }>('appointment', 'mine', {});

/** What is due for the resident (care.myPlan): follow-ups and checks, soonest first. */
export const myDue = async (): Promise<DueItem[]> => {
  const r = await invoke<{ plan: DueItem[] }>('care', 'myPlan', {});
  return r.plan.filter((p) => p.state === 'overdue' || p.state === 'due' || p.state === 'soon');
};

/** Unread messages in the message centre (scheduler.unread). */
export const unreadCount = async (): Promise<number> =>
  (await invoke<{ unread: number }>('scheduler', 'unread', {})).unread;
