// Zod-free, so main-package pages can list the reasons without pulling the schema library in.
/** Why an active contract is ended early. `other` needs a note. */
export const TERMINATION_REASONS = [
  'moved_away',
  'deceased',
  'resident_request',
  'team_dissolved',
  'other',
] as const;
