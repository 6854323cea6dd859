import { z } from '../../api/zod';
import { CONTACT_CHANNELS } from '../../schedule/records';

/** A contact attempt with its outcome (Simple.org call results). Only `reached` resolves the quarterly task. */
export const CONTACT_CHANNELS_ALL = [...CONTACT_CHANNELS, 'clinic'] as const;
export const CONTACT_OUTCOMES = ['reached', 'call_later', 'unreachable', 'removed'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const ZContactDoc = z.object({
  _id: z.string(),
  residentId: z.string(),
  teamId: z.string(),
  /** Shanghai day and instant (server clock). */
  day: z.string(),
  at: z.date(),
  channel: z.enum(CONTACT_CHANNELS_ALL),
  outcome: z.enum(CONTACT_OUTCOMES),
  callBackDay: z.string().optional(),
  removalReason: z.string().optional(),
  note: z.string().optional(),
  /** Written by a follow-up (a follow-up is also a contact). */
  followupId: z.string().optional(),
  byStaffId: z.string().optional(),
  byUserId: z.string().optional(),
});
export type ContactDoc = z.infer<typeof ZContactDoc>;
