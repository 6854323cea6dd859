import { DISTRICT_ADMINS_ENV } from './config';
import { PII_KEY_ENV } from './pii';

/**
 * The deployment variables our function code reads, each with the module that reads it. A
 * function whose bundle includes that module needs the variable declared for it in
 * `cloudbaserc.json` `envVariables` (CloudBase gives a function only what is declared for it);
 * tests/unit/foundation/deploy-config.test.ts checks every bundle against this table.
 */
export const ENV_READERS: readonly {
  module: string;
  name: string;
  placeholder: string;
  /** Has a default or switches a feature off when unset: may be declared, need not be. */
  optional?: true;
}[] = [
  { module: 'cloudfunctions/_lib/pii.ts', name: PII_KEY_ENV, placeholder: '{{piiKey}}' },
  { module: 'cloudfunctions/_lib/config.ts', name: DISTRICT_ADMINS_ENV, placeholder: '{{districtAdmins}}' },
  // SMS (scheduler): unset = no SMS channel.
  ...['JY_SMS_PROVIDER', 'JY_SMS_SDK_APP_ID', 'JY_SMS_SIGN', 'JY_SMS_TEMPLATES', 'JY_SMS_REGION'].map(
    (name) => ({
      module: 'cloudfunctions/scheduler/support/sms.ts',
      name,
      placeholder: `{{${name
        .slice(3)
        .toLowerCase()
        .replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())}}}`,
      optional: true as const,
    }),
  ),
  // Subscribe messages' target app state (default formal).
  {
    module: 'cloudfunctions/scheduler/support/channels.ts',
    name: 'JY_MP_STATE',
    placeholder: '{{mpState}}',
    optional: true,
  },
];

/** The variables every deployment must provide (ping reports these). */
export const REQUIRED_ENV = ENV_READERS.filter((r) => !r.optional).map((r) => r.name);

export type EnvPresence = 'set' | 'missing' | 'malformed';

/** Whether each variable reached this function, never its value. */
export function envPresence(names: readonly string[] = REQUIRED_ENV) {
  const out: Record<string, EnvPresence> = {};
  for (const name of names) {
    const v = process.env[name];
    if (!v) out[name] = 'missing';
    else if (name === PII_KEY_ENV && !/^[0-9a-fA-F]{64}$/.test(v)) out[name] = 'malformed';
    else out[name] = 'set';
  }
  return out;
}
