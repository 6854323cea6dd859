import { DISTRICT_ADMINS_ENV } from './config';
import { PII_KEY_ENV } from './pii';

/**
 * The deployment variables our function code reads, each with the module that reads it. A
 * function whose bundle includes that module needs the variable declared for it in
 * `cloudbaserc.json` `envVariables` (CloudBase gives a function only what is declared for it);
 * tests/unit/foundation/deploy-config.test.ts checks every bundle against this table.
 */
export const ENV_READERS: readonly { module: string; name: string; placeholder: string }[] = [
  { module: 'cloudfunctions/_lib/pii.ts', name: PII_KEY_ENV, placeholder: '{{piiKey}}' },
  { module: 'cloudfunctions/_lib/config.ts', name: DISTRICT_ADMINS_ENV, placeholder: '{{districtAdmins}}' },
];

export type EnvPresence = 'set' | 'missing' | 'malformed';

/** Whether each variable reached this function, never its value. */
export function envPresence(names: readonly string[] = ENV_READERS.map((r) => r.name)) {
  const out: Record<string, EnvPresence> = {};
  for (const name of names) {
    const v = process.env[name];
    if (!v) out[name] = 'missing';
    else if (name === PII_KEY_ENV && !/^[0-9a-fA-F]{64}$/.test(v)) out[name] = 'malformed';
    else out[name] = 'set';
  }
  return out;
}
