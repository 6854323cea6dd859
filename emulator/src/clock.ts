import fs from 'node:fs';

/**
 * The emulator's controllable clock: real time plus an offset. The offset shifts serverDate,
 * timer evaluation and (through JY_CLOCK_OFFSET_MS) the time function code reads. It is kept in
 * the data folder so a demo that jumped a quarter ahead stays there across restarts.
 */
export class Clock {
  offsetMs = 0;
  private listeners: Array<() => void> = [];

  constructor(private readonly file?: string) {
    if (file && fs.existsSync(file)) {
      try {
        const v = Number((JSON.parse(fs.readFileSync(file, 'utf8')) as { offsetMs?: unknown }).offsetMs);
        if (Number.isFinite(v)) this.offsetMs = v;
      } catch {
        // A damaged clock file only loses the offset; real time is a safe default.
      }
    }
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  setOffset(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error('clock offset must be a finite number of milliseconds');
    this.offsetMs = Math.trunc(ms);
    if (this.file) fs.writeFileSync(this.file, JSON.stringify({ offsetMs: this.offsetMs }));
    for (const l of this.listeners) l();
  }

  onChange(l: () => void): void {
    this.listeners.push(l);
  }
}

/**
 * Parses a clock command: "+90d", "-2h", "+30m", "+15s", "+1w" (relative to the current offset),
 * "0"/"reset" (real time) or an ISO instant ("2027-01-01T09:00:00+08:00", absolute).
 * Returns the new offset in ms.
 */
export function parseClockSpec(spec: string, currentOffsetMs: number, realNowMs = Date.now()): number {
  const s = spec.trim();
  if (s === 'reset' || s === '--reset' || s === '0') return 0;
  const m = /^([+-])(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(s);
  if (m) {
    const unit = { ms: 1, s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 }[m[3] as 'ms'];
    return currentOffsetMs + (m[1] === '-' ? -1 : 1) * Number(m[2]) * unit;
  }
  const t = Date.parse(s);
  if (Number.isFinite(t) && /\d{4}-\d{2}-\d{2}/.test(s)) return t - realNowMs;
  throw new Error(
    `cannot understand clock spec ${JSON.stringify(spec)} (use +90d, -2h, reset or an ISO time)`,
  );
}
