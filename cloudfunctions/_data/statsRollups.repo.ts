import { COLLECTIONS } from '@shared/constants/collections';
import type { StatsRollupDoc } from '@shared/db/schemas/statsRollups';
import type { Database } from '../_lib/db';

/** Per-institution indicator sums as of a day (stats.rollup writes, stats.indicators reads). */
/** The group key stored for residents and reports without a team (an empty field name is refused). */
export const NO_TEAM = '_none';

export const rollupId = (day: string, institutionId: string): string => `${day}_${institutionId}`;

/** The rollups of some institutions on a day (one request per 1000 institutions). */
export async function ofDay(
  db: Database,
  day: string,
  institutionIds: readonly string[],
): Promise<StatsRollupDoc[]> {
  const out: StatsRollupDoc[] = [];
  const ids = institutionIds.map((i) => rollupId(day, i));
  for (let i = 0; i < ids.length; i += 1000) {
    const { data } = await db
      .collection(COLLECTIONS.statsRollups)
      .where({ _id: db.command.in(ids.slice(i, i + 1000)) })
      .limit(1000)
      .get();
    out.push(...(data as StatsRollupDoc[]));
  }
  return out;
}

/** Writes (replaces) one rollup. */
export async function put(db: Database, doc: StatsRollupDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await db.collection(COLLECTIONS.statsRollups).doc(_id).set(rest);
}

/** The rollups of some institutions on several days (one request while days × institutions ≤ 1000). */
export async function ofDays(
  db: Database,
  days: readonly string[],
  institutionIds: readonly string[],
): Promise<StatsRollupDoc[]> {
  const ids = days.flatMap((d) => institutionIds.map((i) => rollupId(d, i)));
  const { data } = await db
    .collection(COLLECTIONS.statsRollups)
    .where({ _id: db.command.in(ids) })
    .limit(1000)
    .get();
  return data as StatsRollupDoc[];
}
