import { CronExpressionParser } from 'cron-parser';
import type { Clock } from './clock';
import { type FunctionRunner, type InvokeResult, NO_IDENTITY } from './functions';

/** One timer trigger from a function's config.json. */
export type TimerEntry = {
  fn: string;
  name: string;
  cron: string;
  /** Next fire time (emulator clock, ms), null when the expression never fires again. */
  next: number | null;
  lastFiredAt?: string;
  lastResult?: string;
  error?: string;
  running?: boolean;
};

/** Matches CloudBase's 7th (year) cron field: `*`, a year, a list or a range. */
function yearMatches(field: string, year: number): boolean {
  if (field === '*' || field === '?') return true;
  return field.split(',').some((part) => {
    const [a, b] = part.split('-').map(Number);
    return b === undefined ? a === year : year >= a! && year <= b;
  });
}

/**
 * Next fire time strictly after `afterMs` for a 7-field CloudBase cron (sec min hour day month
 * weekday year), evaluated in UTC+8 as CloudBase does.
 */
export function nextFire(cron: string, afterMs: number): number | null {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 7)
    throw new Error(`cron needs 7 fields (sec min hour day month weekday year): ${cron}`);
  const year = parts[6]!;
  const it = CronExpressionParser.parse(parts.slice(0, 6).join(' '), {
    currentDate: new Date(afterMs),
    tz: 'Asia/Shanghai',
  });
  for (let i = 0; i < 10_000; i++) {
    let d: Date;
    try {
      d = it.next().toDate();
    } catch {
      return null;
    }
    const y = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(d));
    if (yearMatches(year, y)) return d.getTime();
    if (!/[*?]/.test(year) && year.split(/[,-]/).every((v) => Number(v) < y)) return null;
  }
  return null;
}

/**
 * Fires timer triggers on the emulator clock. After a jump forward, a trigger whose time passed
 * fires once (not once per missed occurrence); after a jump back, schedules are recomputed.
 */
export class Timers {
  private entries = new Map<string, TimerEntry>();
  private interval: NodeJS.Timeout | null = null;
  private lastNow: number;

  constructor(
    private readonly runner: FunctionRunner,
    private readonly clock: Clock,
    private readonly log: (l: string) => void,
  ) {
    this.lastNow = clock.now();
    clock.onChange(() => {
      const now = clock.now();
      if (now < this.lastNow) for (const e of this.entries.values()) this.schedule(e, now);
      this.lastNow = now;
    });
  }

  start(): void {
    this.refresh();
    this.interval = setInterval(() => this.tick(), 500);
    this.interval.unref();
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval);
  }

  list(): TimerEntry[] {
    this.refresh();
    return [...this.entries.values()];
  }

  /** Re-reads every function's config.json so rebuilt triggers apply without a restart. */
  refresh(): void {
    const seen = new Set<string>();
    const now = this.clock.now();
    for (const fn of this.runner.list()) {
      for (const t of this.runner.config(fn).triggers ?? []) {
        if (t.type !== 'timer' || typeof t.config !== 'string') continue;
        const key = `${fn}/${t.name}`;
        seen.add(key);
        const old = this.entries.get(key);
        if (old && old.cron === t.config) continue;
        const e: TimerEntry = { fn, name: t.name, cron: t.config, next: null };
        this.schedule(e, now);
        this.entries.set(key, e);
      }
    }
    for (const k of [...this.entries.keys()]) if (!seen.has(k)) this.entries.delete(k);
  }

  private schedule(e: TimerEntry, from: number): void {
    try {
      e.next = nextFire(e.cron, from);
      delete e.error;
    } catch (err) {
      e.next = null;
      e.error = (err as Error).message;
    }
  }

  private tick(): void {
    this.refresh();
    const now = this.clock.now();
    this.lastNow = now;
    for (const e of this.entries.values()) {
      if (e.next === null || e.next > now || e.running) continue;
      this.schedule(e, now);
      void this.fire(e.fn, e.name);
    }
  }

  /** Fires one function's timer now (first trigger, or the named one). */
  async fire(fn: string, triggerName?: string): Promise<InvokeResult> {
    const name =
      triggerName ?? this.runner.config(fn).triggers?.find((t) => t.type === 'timer')?.name ?? 'manual';
    const e = this.entries.get(`${fn}/${name}`);
    if (e) e.running = true;
    const event = {
      Type: 'Timer',
      TriggerName: name,
      Time: new Date(this.clock.now()).toISOString(),
      Message: '',
    };
    try {
      const r = await this.runner.invoke(fn, event, NO_IDENTITY, 'timer');
      if (e) {
        e.lastFiredAt = event.Time;
        e.lastResult = r.ok ? 'ok' : r.code;
      }
      if (!r.ok) this.log(`[timer] ${fn}/${name} failed: ${r.code}`);
      return r;
    } finally {
      if (e) e.running = false;
    }
  }
}
