// One zod schema per stored collection (docs/data.md). Repositories in cloudfunctions/_data/ read
// and write these shapes; seeds, tests and the emulator import them from here.
export * from './appointments';
export * from './articles';
export * from './auditLogs';
// care (docs/care.md)
export * from './careCounters';
export * from './careStates';
export * from './careTasks';
export * from './consults';
export * from './contacts';
export * from './contracts';
export * from './deliveries';
export * from './familyRequests';
export * from './followups';
export * from './households';
export * from './institutions';
export * from './jobs';
export * from './liveSessions';
export * from './locks';
export * from './messages';
export * from './outbox';
export * from './prescriptions';
export * from './rateLimits';
export * from './referrals';
export * from './regions';
export * from './reports';
export * from './residents';
export * from './schedules';
export * from './sends';
export * from './servicePackages';
export * from './slots';
export * from './staff';
export * from './statsRollups';
export * from './subscriptions';
export * from './teams';
export * from './uploads';
export * from './users';
