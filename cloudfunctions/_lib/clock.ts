/**
 * The one place function code reads the time. In production the offset is absent (0); the local
 * emulator sets JY_CLOCK_OFFSET_MS per invocation so a demo or test can jump a quarter ahead.
 */
export function now(): Date {
  const offset = Number(process.env.JY_CLOCK_OFFSET_MS ?? 0);
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}
