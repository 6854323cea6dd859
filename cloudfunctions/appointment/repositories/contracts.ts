import { COLLECTIONS } from '@shared/constants/collections';
import type { TContract } from '@shared/contract/model';
import { effectiveStatus } from '@shared/contract/status';
import type { Database } from '../../_lib/db';

/**
 * "Signed" for appointments means the resident's contract with the team is active today
 * (effectiveStatus: confirmed, started, not ended; a superseded contract still serves until the
 * new one starts). Reads only the fields the status needs.
 */
export class SignedRepository {
  constructor(private readonly db: Database) {}

  /** The team the resident is signed to today, or undefined. */
  async activeTeamOf(residentId: string, now: Date): Promise<string | undefined> {
    const _ = this.db.command;
    const { data } = await this.db
      .collection(COLLECTIONS.contracts)
      .where({ residentId, status: _.in(['active', 'superseded']) })
      .field({ teamId: true, status: true, startDate: true, endDate: true })
      .limit(20)
      .get();
    const live = (data as TContract[]).find((c) => effectiveStatus(c, now) === 'active');
    return live?.teamId;
  }

  /** True when the resident is signed to this team today. */
  async isSignedTo(residentId: string, teamId: string, now: Date): Promise<boolean> {
    return (await this.activeTeamOf(residentId, now)) === teamId;
  }
}
