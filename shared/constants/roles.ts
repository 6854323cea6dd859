/**
 * Who may call what (DESIGN.md "Users"). A caller has exactly one role; `guest` is a WeChat user who
 * has not logged in yet (only `user.login` accepts it).
 */
export const ROLES = ['resident', 'doctor', 'grid_worker', 'institution_admin', 'district_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles plus the not-yet-registered caller. */
export const CALLER_ROLES = [...ROLES, 'guest'] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

/** Staff roles: created by an admin and bound to a WeChat identity with a one-time code. */
export const STAFF_ROLES = ['doctor', 'grid_worker', 'institution_admin', 'district_admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * How far a caller's reach extends over the record an action touches, narrowest first.
 * `public` needs no target (e.g. listing teams); `own` is the caller's own record; `family` adds the
 * residents they sign for (child, elderly parent); the rest follow the region tree.
 */
export const SCOPES = ['public', 'own', 'family', 'team', 'grid', 'institution', 'district'] as const;
export type Scope = (typeof SCOPES)[number];

/** Positions inside a family-doctor team (POLICY.md "Teams"); the leader confirms contracts. */
export const TEAM_POSITIONS = [
  'chief_gp',
  'gp',
  'public_health_doctor',
  'nurse',
  'health_manager',
  'nutritionist',
  'psychologist',
  'rehab_therapist',
  'county_doctor',
] as const;
export type TeamPosition = (typeof TEAM_POSITIONS)[number];
