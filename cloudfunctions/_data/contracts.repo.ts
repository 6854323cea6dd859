import { COLLECTIONS } from '@shared/constants/collections';
import { isLiveOn } from '@shared/contract/status';
import type { Database } from '../_lib/db';

// ---- education: who is signed with which team on a day (issue #16) ----

/**
 * The team serving each of these residents on a day (a live contract), one request for a page of
 * up to 1,000 residents. Residents without one are absent from the map.
 */
export async function liveTeamsOf(
  db: Database,
  residentIds: readonly string[],
  day: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (residentIds.length === 0) return out;
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.contracts)
    .where({ residentId: _.in([...residentIds]), status: _.in(['active', 'superseded']) })
    .field({ residentId: true, teamId: true, status: true, startDate: true, endDate: true })
    .limit(1000)
    .get();
  for (const c of data as {
    residentId: string;
    teamId: string;
    status: string;
    startDate?: string;
    endDate?: string;
  }[]) {
    // biome-ignore lint/suspicious/noExplicitAny: the contract rules take the stored shape
    if (isLiveOn(c as any, day)) out.set(c.residentId, c.teamId);
  }
  return out;
}
