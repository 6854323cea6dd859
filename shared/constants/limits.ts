/**
 * Abuse limits (issue 5). Every action that writes counts against its caller's window; reads are
 * listed explicitly so a new action is limited unless someone decides it only reads.
 */
export const RATE_LIMIT = { windowMs: 60_000, maxWrites: 20 } as const;

/** Wrong bind codes one WeChat identity may try per hour before binding is refused outright. */
export const BIND_ATTEMPTS = { windowMs: 60 * 60_000, max: 5 } as const;

/**
 * Wrong bind codes one staff record may receive per hour, whoever sends them: new WeChat
 * identities are cheap, the record is not. Over a code's 24 hours that is at most 120 guesses
 * out of a million codes.
 */
export const BIND_ATTEMPTS_PER_STAFF = { windowMs: 60 * 60_000, max: 5 } as const;

/** A bind code lives 24 hours and works once. */
export const BIND_CODE_TTL_MS = 24 * 60 * 60_000;

/** A resident signs for at most this many family members. */
export const FAMILY_MAX = 10;

/**
 * `fn.action` of every action that only reads (or, like login, is idempotent after the first call).
 * user.revealIdentity reads but stays limited: it is the one way to harvest full ID numbers.
 */
export const READ_ACTIONS: ReadonlySet<string> = new Set([
  'user.login',
  'user.me',
  'user.listFamily',
  'user.familyRequests',
  'contract.listTeams',
  'contract.teamDetail',
  'contract.quote',
  'contract.mine',
  'contract.pendingList',
  'contract.teamContracts',
  'contract.verify',
  'appointment.availability',
  'appointment.mine',
  'appointment.agenda',
  'appointment.schedules',
  'user.regions',
  'contract.eligibility',
  'education.articles',
  'education.article',
  'education.previewAudience',
  'education.feed',
  'education.reach',
  'education.liveSessions',
  'education.liveQuestions',
  'care.worklist',
  'care.timeline',
  'care.coverage',
  'care.myPlan',
  'scheduler.inbox',
  'scheduler.unread',
  'scheduler.subscriptions',
  'grid.scanHousehold',
  'grid.myReports',
  'consult.thread',
  'consult.inbox',
  'grid.teamReports',
  'grid.gridOverview',
  'grid.listGrids',
  // user.searchResidents stays limited (like revealIdentity): name + tail guesses are a probe.
  'user.listStaff',
  'stats.indicators',
  'stats.trend',
  'stats.teamPerformance',
]);
