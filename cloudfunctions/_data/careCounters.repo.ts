import { COLLECTIONS } from '@shared/constants/collections';
import type { CareCounterDoc } from '@shared/db/schemas/careCounters';
import type { Database, Tx } from '../_lib/db';
import { txData } from './fields';

/** Counter ids of the units a resident counts in: team, grid, institution (`null` skipped). */
export const unitKeys = (u: { teamId: string; gridId?: string; institutionId?: string }): string[] => [
  `team:${u.teamId}`,
  ...(u.gridId ? [`grid:${u.gridId}`] : []),
  ...(u.institutionId ? [`inst:${u.institutionId}`] : []),
];

/** Adds `delta` to `field` of each counter, read-then-set inside the caller's transaction. */
export async function bumpInTx(
  t: Tx,
  ids: readonly string[],
  field: 'signed' | 'contacted',
  delta: number,
  now: Date,
): Promise<void> {
  for (const id of ids) {
    const cur = await txData<CareCounterDoc>(
      (await t.collection(COLLECTIONS.careCounters).doc(id).get()).data,
    );
    const { _id, ...rest } = cur ?? { _id: id };
    await t
      .collection(COLLECTIONS.careCounters)
      .doc(id)
      .set({ ...rest, [field]: Math.max(0, (cur?.[field] ?? 0) + delta), updatedAt: now });
  }
}

/** A unit's signed count and its quarter's contacted count: one request. */
export async function coverageOf(
  db: Database,
  unitKey: string,
  quarterKey: string,
): Promise<{ signed: number; contacted: number }> {
  const _ = db.command;
  const ids = [unitKey, `${unitKey}:${quarterKey}`];
  const { data } = await db
    .collection(COLLECTIONS.careCounters)
    .where({ _id: _.in(ids) })
    .limit(2)
    .get();
  const docs = data as CareCounterDoc[];
  return {
    signed: docs.find((d) => d._id === ids[0])?.signed ?? 0,
    contacted: docs.find((d) => d._id === ids[1])?.contacted ?? 0,
  };
}
