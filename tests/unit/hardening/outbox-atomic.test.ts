import fs from 'node:fs';
import path from 'node:path';

// Probe finding 7: `contract.confirm` changed the status, then queued the notification in a
// separate write (contract/repositories/outbox.ts did `db.collection(outbox).add`), so a crash
// between the two lost the message. Every producer must write its message inside the transaction
// of the change it announces: through enqueueInTx(t, …) or a `t.collection(outbox)` write.
// Only the outbox repository and the deliverer (scheduler) touch the collection otherwise.
const root = path.join(__dirname, '..', '..', '..', 'cloudfunctions');
const EXEMPT = [/^_data\//, /^scheduler\//];

const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });

test('no function writes the outbox outside a transaction', () => {
  const offending: string[] = [];
  for (const file of files(root)) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (EXEMPT.some((re) => re.test(rel))) continue;
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const touchesOutbox = /COLLECTIONS\.outbox|collection\(['"]outbox['"]\)/.test(line);
        const inTx = /\bt\.collection\(COLLECTIONS\.outbox\)/.test(line);
        const plainEnqueue = /\.enqueue\(/.test(line) && !/enqueueInTx/.test(line);
        if ((touchesOutbox && !inTx) || plainEnqueue) offending.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(offending).toEqual([]);
});
