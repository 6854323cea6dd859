import type { RunEnv } from './support/run';

/**
 * Care notices (overdue digest per doctor, a resident's due follow-up, quarter ending with
 * uncontacted residents). The care state these read is being built by the [Care] work; until it
 * is on main this is the documented hook (docs/messaging.md "Care hook"): it will page the care
 * state by due day with a `job_care` day cursor, exactly as contractNotices does, and queue
 * `care.overdueDigest` (one per doctor per day: `carodigest_<staffId>_<day>`), `care.followupDue`
 * (`carefu_<taskKey>`) and `care.quarterUncontacted` (`careq_<teamId>_<quarter>`).
 */
export async function careNotices(_env: RunEnv): Promise<void> {
  // Intentionally empty until the care state exists (see above).
}
