import fs from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Path of Debian's Chromium (or CHROMIUM_PATH), or null when none is installed. */
export function findChromium(): string | null {
  for (const p of CANDIDATES) if (p && fs.existsSync(p)) return p;
  return null;
}
