// Rules must not depend on the machine's zone: tests run with the machine in UTC, and rules
// compute in Asia/Shanghai themselves. Fail loudly if a runner forgot to pin TZ.
if (process.env.TZ !== 'UTC') {
  throw new Error(`Tests must run with TZ=UTC (got ${process.env.TZ ?? 'unset'}); use npm test.`);
}
