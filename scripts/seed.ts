// Writes the demo data through the real SDK (the same path functions use), idempotently:
// documents have stable ids and are `set`, so reseeding never duplicates.

import path from 'node:path';
import cloudbase from '@cloudbase/node-sdk';
import { backfillSearchKeys } from '../cloudfunctions/_lib/residentSearch';
import { COLLECTIONS } from '../shared/constants/collections';
import { isEntry } from './entry';
import { demoAppointments } from './seed/appointments';
import { seedCare } from './seed/care';
import { seedConsult } from './seed/consult';
import { demoContracts } from './seed/contracts';
import { seedDemoContracts } from './seed/demo-contracts';
import { demoDistrict } from './seed/demo-district';
import { demoIdentities } from './seed/demo-identities';
import { demoEducation } from './seed/education';
import { demoGrid, GRID_SIGNED_MEMBERS } from './seed/grid';
import { ensureLocalKeys } from './seed/local-key';
import { seedDemoMessages } from './seed/messages';
import { seedStats } from './seed/stats';

/** An SDK app pointed at a running emulator. */
export function sdkFor(url: string) {
  return cloudbase.init({
    env: 'local-dev',
    secretId: 'local',
    secretKey: 'local',
    serviceUrl: `${url}/admin`,
    protocol: 'http',
  } as Parameters<typeof cloudbase.init>[0]);
}

/** True when the emulator already holds the demo district. */
export async function isSeeded(url: string): Promise<boolean> {
  const db = sdkFor(url).database();
  try {
    const { total } = await db.collection(COLLECTIONS.regions).count();
    return (total ?? 0) > 0;
  } catch {
    return false; // collection does not exist yet
  }
}

/**
 * Creates every collection and writes the demo data; returns documents written per collection.
 * Personal data is sealed with JY_PII_KEY, which must be the key the emulator's functions use.
 */
export async function seed(url: string): Promise<Record<string, number>> {
  const db = sdkFor(url).database();
  for (const name of Object.values(COLLECTIONS)) {
    try {
      await db.createCollection(name);
    } catch {
      // already exists
    }
  }
  const written: Record<string, number> = {};
  for (const { collection, docs } of [
    ...demoDistrict(),
    ...demoIdentities(new Date()),
    ...demoContracts(),
    ...demoAppointments(new Date()),
    ...demoEducation(new Date()),
  ]) {
    for (const { _id, ...data } of docs) await db.collection(collection).doc(_id).set(data);
    written[collection] = docs.length;
  }
  Object.assign(written, await seedDemoContracts(sdkFor(url), new Date()));
  Object.assign(written, await seedCare(db as never, new Date()));
  Object.assign(written, await seedConsult(db as never, new Date()));
  Object.assign(written, await seedStats(db as never, new Date()));
  for (const { collection, docs } of demoGrid(new Date())) {
    for (const { _id, ...data } of docs) await db.collection(collection).doc(_id).set(data);
    written[collection] = (written[collection] ?? 0) + docs.length;
  }
  for (const m of GRID_SIGNED_MEMBERS)
    await db
      .collection(COLLECTIONS.residents)
      .doc(m.residentId)
      .update({ householdId: m.householdId, relation: m.relation, villageId: 'r-cg-dm' });
  // Assisted-signing search keys for every seeded resident (the same path as a backfill).
  written.searchKeys = await backfillSearchKeys(db as never);
  const messaging = await seedDemoMessages(sdkFor(url), url, new Date());
  written.outboxSeeded = messaging.outbox;
  written.messagesDelivered = messaging.delivered;
  return written;
}

if (isEntry(__filename)) {
  const url = process.argv[2] ?? `http://127.0.0.1:${process.env.EMULATOR_PORT ?? 9100}`;
  // Same key as the running emulator's functions: both read it from the data folder.
  ensureLocalKeys(process.env.EMULATOR_DATA ?? path.resolve(__dirname, '..', '.data'));
  seed(url)
    .then((w) => console.log('seeded', w))
    .catch((e) => {
      console.error('seed failed:', e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
