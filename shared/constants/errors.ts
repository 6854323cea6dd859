/**
 * Stable error codes, named once (STYLE.md §7). Clients branch on these, so never rename one;
 * each has its Chinese message in ./messages.ts (a test checks none is missing).
 */
export const ERROR_CODES = [
  // transport and authorisation
  'BAD_INPUT',
  'UNKNOWN_ACTION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OUT_OF_SCOPE',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
  // identity documents
  'ID_FORMAT',
  'ID_REGION',
  'ID_DATE',
  'ID_FUTURE',
  'ID_CHECKSUM',
  'MOBILE_FORMAT',
  'IDENTITY_MISMATCH',
  'NOT_VERIFIED',
  // users, family and staff
  'ALREADY_VERIFIED',
  'FAMILY_LIMIT',
  'FAMILY_MEMBER_EXISTS',
  'FAMILY_MEMBER_NOT_FOUND',
  'CONSENT_REQUIRED',
  'STAFF_EXISTS',
  'BIND_CODE_INVALID',
  'BIND_CODE_EXPIRED',
  'BIND_ATTEMPTS_EXCEEDED',
  'ID_ALREADY_REGISTERED',
  'RATE_LIMITED',
  // contracts
  'TEAM_NOT_FOUND',
  'TEAM_FULL',
  'TEAM_LEADER_REQUIRED',
  'OUT_OF_JURISDICTION',
  'ALREADY_SIGNED',
  'ALREADY_PENDING',
  'NOT_SIGNED',
  'CONTRACT_NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'START_IN_PAST',
  'START_TOO_LATE',
  'NOT_YET_EXPIRED',
  'NOT_IN_RENEWAL_WINDOW',
  'SAME_TEAM',
  'REASON_REQUIRED',
  'NOT_TEAM_LEADER',
  'PACKAGE_NOT_FOUND',
  'PACKAGE_NOT_ELIGIBLE',
  'BASIC_PACKAGE_REQUIRED',
  // appointments
  'SLOT_NOT_FOUND',
  'SLOT_FULL',
  'SLOT_IN_PAST',
  'ALREADY_BOOKED',
  'APPOINTMENT_NOT_FOUND',
  'TOO_LATE_TO_CHANGE',
  'SCHEDULE_OVERLAP',
  'HOME_VISIT_NOT_FOUND',
  // care rules shared with later domains
  'PRESCRIPTION_TOO_LONG',
  'OUTREACH_DAYS_EXCEEDED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
