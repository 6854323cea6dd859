import { COLLECTIONS } from '@shared/constants/collections';
import type { Role } from '@shared/constants/roles';
import type { UserDoc } from '../_lib/caller';
import type { Database } from '../_lib/db';
import { isDuplicateWrite } from '../_lib/errors';

/** Users repository: one document per WeChat identity, id derived from the openid. */
export class UsersRepo {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.users);
  }

  /** Creates the resident account of a first visit; a concurrent first visit is not an error. */
  async createResident(userId: string, openid: string, at: Date): Promise<void> {
    try {
      await this.coll.add({
        _id: userId,
        openid,
        role: 'resident' satisfies Role,
        family: [],
        createdAt: at,
      });
    } catch (e) {
      if (!isDuplicateWrite(e)) throw e;
    }
  }

  /** The family list of a user (relation included). */
  async family(userId: string): Promise<NonNullable<UserDoc['family']>> {
    const { data } = await this.coll.doc(userId).field({ family: true }).get();
    return ((data[0] as Partial<UserDoc> | undefined)?.family ?? []) as NonNullable<UserDoc['family']>;
  }

  /** Links the verified person to the account. */
  async setResident(userId: string, residentId: string): Promise<void> {
    await this.coll.doc(userId).update({ residentId });
  }

  /** Adds a family member (idempotent for the same member and relation). */
  async addFamily(
    userId: string,
    member: { residentId: string; relation: string; requestId?: string },
  ): Promise<void> {
    await this.coll.doc(userId).update({ family: this.db.command.addToSet(member) });
  }

  /** Replaces the family list (after removing one member). */
  async setFamily(userId: string, family: NonNullable<UserDoc['family']>): Promise<void> {
    await this.coll.doc(userId).update({ family: this.db.command.set(family) });
  }
}
