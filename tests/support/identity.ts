import { DISTRICT_ADMINS_ENV } from '../../cloudfunctions/_lib/config';
import { generatePiiKey, PII_KEY_ENV } from '../../cloudfunctions/_lib/pii';
import { buildFunction } from '../../scripts/build-functions';
import { functionsOut } from '../../scripts/functions';
import { seed } from '../../scripts/seed';
import { DEMO_DISTRICT_ADMINS_CONFIG } from '../../shared/demo/identities';
import { startTestEmulator, type TestEmulator } from './emulator';

/** A district admin of a district with no data: reaches nothing of the demo district. */
export const OTHER_DISTRICT_ADMIN = 'test-district-admin-other';

/**
 * Per-run keys for tests, set before the emulator starts so its function workers inherit them
 * (what scripts/seed/local-key.ts does for `npm start`, without a file).
 */
export function ensureTestKeys(): void {
  process.env[PII_KEY_ENV] ??= generatePiiKey();
  process.env[DISTRICT_ADMINS_ENV] ??= `${DEMO_DISTRICT_ADMINS_CONFIG},${OTHER_DISTRICT_ADMIN}=r-other`;
}

/** Builds the given functions, starts an emulator serving them, and writes the demo seed. */
export async function startSeededEmulator(fns: string[] = ['user']): Promise<TestEmulator> {
  ensureTestKeys();
  for (const fn of fns) await buildFunction(fn);
  const emu = await startTestEmulator({ functionsDir: functionsOut });
  await seed(emu.url);
  return emu;
}

/** Calls `user.<action>` through the gateway as `openid`; returns the envelope. */
export async function callUser(
  emu: TestEmulator,
  action: string,
  input: unknown,
  openid?: string,
): Promise<{ ok: boolean; code?: string; data?: Record<string, unknown>; message?: string }> {
  const r = await emu.callFn('user', { action, input }, openid);
  return r.result as { ok: boolean; code?: string; data?: Record<string, unknown> };
}
