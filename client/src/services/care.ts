// Only types come from @shared/api here: a runtime import of a contract would pull zod into the
// main-package pages that use this service (the health tab).
import type {
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
import type { InputOf, OutputOf } from '@shared/api/define';
import { invoke } from './api';

/** A team's due / overdue / soon tasks with counts per kind (the doctor's 今日工作). */
export const getWorklist = (input: Partial<InputOf<typeof worklist>> = {}) =>
  invoke<OutputOf<typeof worklist>>('care', 'worklist', input);

/** This quarter's contact progress of the caller's team (or a grid / institution). */
export const getCoverage = (input: InputOf<typeof coverage> = {}) =>
  invoke<OutputOf<typeof coverage>>('care', 'coverage', input);

/** Records a contact and its outcome. */
export const saveContact = (input: InputOf<typeof recordContact>) =>
  invoke<OutputOf<typeof recordContact>>('care', 'recordContact', input);

/** Records a structured follow-up; may answer a referral suggestion. */
export const saveFollowup = (input: InputOf<typeof recordFollowup>) =>
  invoke<OutputOf<typeof recordFollowup>>('care', 'recordFollowup', input);

/** Opens a referral (up or down). */
export const openReferral = (input: InputOf<typeof refer>) =>
  invoke<OutputOf<typeof refer>>('care', 'refer', input);

/** Moves a referral on (accepted, completed, cancelled). */
export const moveReferral = (input: InputOf<typeof updateReferral>) =>
  invoke<OutputOf<typeof updateReferral>>('care', 'updateReferral', input);

/** Long prescription (≤ 2 months). */
export const prescribe = (input: InputOf<typeof prescribeLong>) =>
  invoke<OutputOf<typeof prescribeLong>>('care', 'prescribeLong', input);

/** One resident's records and plan. */
export const getTimeline = (residentId: string) =>
  invoke<OutputOf<typeof timeline>>('care', 'timeline', { residentId });

/** The number behind tap-to-call (audited on the server). */
export const getPhone = (residentId: string) =>
  invoke<OutputOf<typeof phoneNumber>>('care', 'phoneNumber', { residentId });

/** The resident's own plan (health tab). */
export const getMyPlan = (residentId?: string) =>
  invoke<OutputOf<typeof myPlan>>('care', 'myPlan', residentId ? { residentId } : {});
