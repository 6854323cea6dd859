import { COLLECTIONS, type CollectionName } from '../constants/collections';

/**
 * One database index. The same list is used by the local emulator (enforced on every write) and by
 * deployment (created in CloudBase), so a uniqueness rule cannot exist in one place only.
 */
export type IndexSpec = {
  collection: CollectionName;
  /** Stable name; deployment uses it as the CloudBase index name. */
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
};

/** Every index the system relies on. Later issues append here; never declare indexes elsewhere. */
export const INDEXES: IndexSpec[] = [
  // One account per WeChat identity: login upserts by openid.
  { collection: COLLECTIONS.users, name: 'openid_unique', keys: { openid: 1 }, unique: true },
  // A resident is one person: the salted hash of the ID number is the natural key.
  { collection: COLLECTIONS.residents, name: 'idHash_unique', keys: { idHash: 1 }, unique: true },
  { collection: COLLECTIONS.residents, name: 'householdId', keys: { householdId: 1 } },
  // Door-plate QR codes resolve to exactly one household.
  { collection: COLLECTIONS.households, name: 'qrToken_unique', keys: { qrToken: 1 }, unique: true },
  { collection: COLLECTIONS.contracts, name: 'residentId', keys: { residentId: 1 } },
  { collection: COLLECTIONS.contracts, name: 'teamId_status', keys: { teamId: 1, status: 1 } },
  { collection: COLLECTIONS.contracts, name: 'status', keys: { status: 1 } },
  // One open request per resident and team capacity are lock documents written in the opening
  // and closing transactions (locks/pending_<residentId>, locks/seats_<teamId>; docs/data.md).
  // An institution admin's pending list.
  { collection: COLLECTIONS.contracts, name: 'institutionId_status', keys: { institutionId: 1, status: 1 } },
  { collection: COLLECTIONS.staff, name: 'openid', keys: { openid: 1 } },
  // createStaff's pre-check for staff written before mobile locks existed; one account per mobile
  // is held by `locks/staffMobile_<mobileHash>`, and a bind code by `locks/bindCode_<hash>`.
  { collection: COLLECTIONS.staff, name: 'mobileHash', keys: { mobileHash: 1 } },
  { collection: COLLECTIONS.appointments, name: 'residentId', keys: { residentId: 1 } },
  // A team's agenda and a day's bookings; seat counters by team and day (availability).
  { collection: COLLECTIONS.appointments, name: 'teamId_day', keys: { teamId: 1, day: 1 } },
  { collection: COLLECTIONS.slots, name: 'teamId_day', keys: { teamId: 1, day: 1 } },
  { collection: COLLECTIONS.schedules, name: 'teamId', keys: { teamId: 1 } },
  // One live booking of a slot per resident: locks/book_<slotId>_<residentId> in the booking transaction.
  { collection: COLLECTIONS.followups, name: 'residentId', keys: { residentId: 1 } },
  { collection: COLLECTIONS.outbox, name: 'status', keys: { status: 1 } },
  // hardening (issue #11): a person's pending proxy requests; uploads are read by _id only.
  { collection: COLLECTIONS.familyRequests, name: 'residentId_status', keys: { residentId: 1, status: 1 } },
  // care: the worklist is a page of open tasks of a team ordered by due-by day (docs/care.md).
  { collection: COLLECTIONS.careTasks, name: 'teamId_from_end', keys: { teamId: 1, from: 1, end: 1 } },
  { collection: COLLECTIONS.careTasks, name: 'teamId_kind_from', keys: { teamId: 1, kind: 1, from: 1 } },
  { collection: COLLECTIONS.careTasks, name: 'residentId', keys: { residentId: 1 } },
  { collection: COLLECTIONS.contacts, name: 'residentId_at', keys: { residentId: 1, at: -1 } },
  { collection: COLLECTIONS.referrals, name: 'residentId', keys: { residentId: 1 } },
  { collection: COLLECTIONS.prescriptions, name: 'residentId', keys: { residentId: 1 } },
  // messaging (docs/messaging.md): due entries by status + time, so an idle run costs one
  // indexed read whatever the backlog of sent ones; expired leases are found the same way.
  { collection: COLLECTIONS.outbox, name: 'status_sendAfter', keys: { status: 1, sendAfter: 1 } },
  { collection: COLLECTIONS.outbox, name: 'status_leaseUntil', keys: { status: 1, leaseUntil: 1 } },
  { collection: COLLECTIONS.messages, name: 'owner_createdAt', keys: { owner: 1, createdAt: -1 } },
  { collection: COLLECTIONS.messages, name: 'owner_read', keys: { owner: 1, read: 1 } },
  { collection: COLLECTIONS.subscriptions, name: 'userId', keys: { userId: 1 } },
  { collection: COLLECTIONS.users, name: 'residentId', keys: { residentId: 1 } },
  { collection: COLLECTIONS.jobs, name: 'type_status', keys: { type: 1, status: 1 } },
  // Nightly notices walk a day cursor over these (pending since, term end).
  { collection: COLLECTIONS.contracts, name: 'status_signedAt', keys: { status: 1, signedAt: 1 } },
  { collection: COLLECTIONS.contracts, name: 'status_endDate', keys: { status: 1, endDate: 1 } },
  // grid (issue 15): a grid's households, a reprinted plate's old codes, a household's members,
  // reports by team / reporter with their state, and the overdue sweep.
  { collection: COLLECTIONS.households, name: 'gridId', keys: { gridId: 1 } },
  { collection: COLLECTIONS.households, name: 'revokedQrTokens', keys: { revokedQrTokens: 1 } },
  { collection: COLLECTIONS.residents, name: 'gridId', keys: { gridId: 1 } },
  { collection: COLLECTIONS.reports, name: 'teamId_status', keys: { teamId: 1, status: 1 } },
  { collection: COLLECTIONS.reports, name: 'institutionId_status', keys: { institutionId: 1, status: 1 } },
  { collection: COLLECTIONS.reports, name: 'reporterUserId', keys: { reporterUserId: 1 } },
  { collection: COLLECTIONS.reports, name: 'status_ackDueAt', keys: { status: 1, ackDueAt: 1 } },
  // consult (issue 18): the team inbox by time left; a conversation's messages in order.
  {
    collection: COLLECTIONS.consults,
    name: 'teamId_awaiting_dueAt',
    keys: { teamId: 1, awaiting: 1, dueAt: 1 },
  },
  {
    collection: COLLECTIONS.consultMessages,
    name: 'consultId_createdAt',
    keys: { consultId: 1, createdAt: 1 },
  },
  // consult: the 'mine' inbox filter; first answers per team and period (stats.teamPerformance);
  // a team's reply templates.
  {
    collection: COLLECTIONS.consults,
    name: 'teamId_lastStaffId_awaiting_dueAt',
    keys: { teamId: 1, lastStaffId: 1, awaiting: 1, dueAt: 1 },
  },
  {
    collection: COLLECTIONS.consultMessages,
    name: 'teamId_firstAnswer_createdAt',
    keys: { teamId: 1, firstAnswer: 1, createdAt: 1 },
  },
  { collection: COLLECTIONS.consultTemplates, name: 'teamId_updatedAt', keys: { teamId: 1, updatedAt: -1 } },
  // consult: media checks whose verdict never came (the scheduler's tick refuses them).
  { collection: COLLECTIONS.consultMedia, name: 'verdict_createdAt', keys: { verdict: 1, createdAt: 1 } },
  // staffpages (issue 12): assisted-signing search by keyed name|tail hashes; an institution's staff.
  { collection: COLLECTIONS.residents, name: 'searchKeys', keys: { searchKeys: 1 } },
  {
    collection: COLLECTIONS.staff,
    name: 'institutionId_createdAt',
    keys: { institutionId: 1, createdAt: -1 },
  },
];
