// The local emulator's personal-data key (JY_PII_KEY). Production sets it on each function from a
// secret store; locally one key is generated on first start and kept in the data folder, so data
// written by the seed and by functions stays readable across restarts and is wiped with the data
// (`npm run emulator:reset`). Never committed: the data folder is git-ignored.
import fs from 'node:fs';
import path from 'node:path';
import { DISTRICT_ADMINS_ENV } from '../../cloudfunctions/_lib/config';
import { generatePiiKey, PII_KEY_ENV } from '../../cloudfunctions/_lib/pii';
import { DEMO_DISTRICT_ADMINS_CONFIG } from '../../shared/demo/identities';

/** File name inside the data folder (the `seed` prefix marks it as ours for emulator reset). */
export const LOCAL_KEY_FILE = 'seed-pii.key';

/**
 * Sets JY_PII_KEY for this process (and so for the emulator's function workers, which inherit it)
 * from `<dataDir>/seed-pii.key`, generating it on first start. An explicitly set key wins. Also
 * configures the demo district admin unless JY_DISTRICT_ADMINS is set.
 */
export function ensureLocalKeys(dataDir: string): void {
  process.env[DISTRICT_ADMINS_ENV] ??= DEMO_DISTRICT_ADMINS_CONFIG;
  if (process.env[PII_KEY_ENV]) return;
  const file = path.join(dataDir, LOCAL_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${generatePiiKey()}\n`, { mode: 0o600, flag: 'wx' });
  process.env[PII_KEY_ENV] = fs.readFileSync(file, 'utf8').trim();
}
