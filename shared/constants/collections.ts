/** Every database collection, named once (STYLE.md §7). Functions, seeds and indexes import these. */
export const COLLECTIONS = {
  regions: 'regions',
  institutions: 'institutions',
  teams: 'teams',
  staff: 'staff',
  users: 'users',
  residents: 'residents',
  households: 'households',
  servicePackages: 'servicePackages',
  contracts: 'contracts',
  schedules: 'schedules',
  slots: 'slots',
  appointments: 'appointments',
  contacts: 'contacts',
  followups: 'followups',
  referrals: 'referrals',
  prescriptions: 'prescriptions',
  articles: 'articles',
  deliveries: 'deliveries',
  reports: 'reports',
  subscriptions: 'subscriptions',
  outbox: 'outbox',
  jobs: 'jobs',
  auditLogs: 'auditLogs',
  rateLimits: 'rateLimits',
  // education (issue #16)
  campaigns: 'campaigns',
  pushCounters: 'pushCounters',
  messages: 'messages',
  liveSessions: 'liveSessions',
  liveRegistrations: 'liveRegistrations',
  liveQuestions: 'liveQuestions',
  // messaging: per-channel delivery records (the in-app message centre is `messages` above)
  sends: 'sends',
  // Lock and counter documents with deterministic ids (uniqueness the CloudBase way; docs/data.md).
  locks: 'locks',
  // hardening (issue #11): proxy requests an account holder approves; uploads the server recorded
  familyRequests: 'familyRequests',
  uploads: 'uploads',
  careStates: 'careStates',
  careTasks: 'careTasks',
  careCounters: 'careCounters',
  // consult (issue 18): conversations with the signed team and their messages
  consults: 'consults',
  consultMessages: 'consultMessages',
  // consult: reply templates per team; pending media checks by trace id (verdicts arrive later)
  consultTemplates: 'consultTemplates',
  consultMedia: 'consultMedia',
  // stats (issue 17): per-institution indicator sums as of a day, computed by stats.rollup
  statsRollups: 'statsRollups',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
export const COLLECTION_NAMES: readonly CollectionName[] = Object.values(COLLECTIONS);
