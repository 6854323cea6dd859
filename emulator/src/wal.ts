import fs from 'node:fs';
import path from 'node:path';

/**
 * Append-only JSON-lines log with group commit: every line written in one turn of the event loop
 * shares one fdatasync, and each caller's promise resolves only after that sync, so an
 * acknowledged write survives kill -9. One line is one atomic commit (a whole transaction or a
 * whole multi-update); a torn last line is dropped on replay, and it was never acknowledged.
 */
export class Wal {
  private fd: number;
  private pending: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  private scheduled = false;
  bytes = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'a');
    this.bytes = fs.fstatSync(this.fd).size;
  }

  /** Queues one record; resolves once it is on disk. */
  append(line: string): Promise<void> {
    this.pending.push(`${line}\n`);
    const p = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return p;
  }

  /** Writes and syncs everything queued so far (also used before compaction and close). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const data = this.pending.join('');
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    try {
      fs.writeSync(this.fd, data);
      fs.fdatasyncSync(this.fd);
      this.bytes += Buffer.byteLength(data);
      for (const w of waiters) w.resolve();
    } catch (e) {
      for (const w of waiters) w.reject(e as Error);
    }
  }

  /** Starts an empty log (after a snapshot made the old one redundant). */
  truncate(): void {
    this.flush();
    fs.ftruncateSync(this.fd, 0);
    fs.fsyncSync(this.fd);
    this.bytes = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  /**
   * Reads every complete record. A line that does not parse ends the replay: it can only be the
   * torn tail of a write that was never acknowledged. The file is cut back to the last good record
   * so new appends do not follow garbage.
   */
  static replay(file: string, onRecord: (rec: unknown) => void): { records: number; droppedBytes: number } {
    if (!fs.existsSync(file)) return { records: 0, droppedBytes: 0 };
    const buf = fs.readFileSync(file);
    let start = 0;
    let records = 0;
    while (start < buf.length) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) break;
      const line = buf.toString('utf8', start, nl);
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch {
        break;
      }
      onRecord(rec);
      records++;
      start = nl + 1;
    }
    const droppedBytes = buf.length - start;
    if (droppedBytes > 0) fs.truncateSync(file, start);
    return { records, droppedBytes };
  }
}

/** Writes a file atomically: temp file, fsync, rename, fsync of the folder. */
export function writeFileAtomic(file: string, write: (fd: number) => void): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    write(fd);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  const dirFd = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}
