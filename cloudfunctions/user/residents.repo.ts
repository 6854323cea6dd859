import { COLLECTIONS } from '@shared/constants/collections';
import type { StoredTag } from '@shared/constants/tags';
import type { Database } from '../_lib/db';

/** A `residents` document: one per person, ID number and phone sealed (docs/privacy.md). */
export type ResidentDoc = {
  _id: string;
  name: string;
  idEnc: string;
  idHash: string;
  idMasked: string;
  birthDate: string;
  sex: 'male' | 'female';
  regionCode: string;
  mobileEnc?: string;
  mobileHash?: string;
  mobileMasked?: string;
  /** The account that is this person (absent for a child or parent added by a family member). */
  userId?: string;
  consent?: { version: string; at: Date; byUserId: string; withdrawnAt?: Date; withdrawReason?: string };
  tags: StoredTag[];
  teamId?: string;
  gridId?: string;
  /** Village/community the resident lives in and their street address (issue 12). */
  villageId?: string;
  address?: string;
  institutionId?: string;
  districtId?: string;
  createdAt: Date;
};

/** Residents repository: intent-named queries asking only for the fields each caller needs. */
export class ResidentsRepo {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.residents);
  }

  /** The person behind a keyed ID hash, with what verification and family linking compare. */
  async findByIdHash(idHash: string): Promise<Pick<ResidentDoc, '_id' | 'name' | 'userId'> | undefined> {
    const { data } = await this.coll
      .where({ idHash })
      .field({ _id: true, name: true, userId: true })
      .limit(1)
      .get();
    return data[0] as Pick<ResidentDoc, '_id' | 'name' | 'userId'> | undefined;
  }

  /** Selected fields of one resident. */
  async get<K extends keyof ResidentDoc>(
    id: string,
    fields: readonly K[],
  ): Promise<Pick<ResidentDoc, K | '_id'> | undefined> {
    const { data } = await this.coll
      .doc(id)
      .field(Object.fromEntries(fields.map((f) => [f, true])))
      .get();
    return data[0] as Pick<ResidentDoc, K | '_id'> | undefined;
  }

  /** Several residents by id (family lists are at most FAMILY_MAX + 1). */
  async getMany<K extends keyof ResidentDoc>(ids: readonly string[], fields: readonly K[]) {
    if (ids.length === 0) return [];
    const { data } = await this.coll
      .where({ _id: this.db.command.in([...ids]) })
      .field(Object.fromEntries(fields.map((f) => [f, true])))
      .limit(ids.length)
      .get();
    return data as Pick<ResidentDoc, K | '_id'>[];
  }

  /** Inserts a new person; a clash on the ID hash surfaces as DATABASE_DUPLICATE_WRITE. */
  async create(doc: ResidentDoc): Promise<void> {
    const { _id, ...rest } = doc;
    await this.coll.add({ _id, ...rest });
  }

  /** Links an unclaimed person record to the account verifying as them; false if someone else did first. */
  async claim(id: string, userId: string, patch: Partial<ResidentDoc>): Promise<boolean> {
    const _ = this.db.command;
    const { updated } = await this.coll
      .where({ _id: id, userId: _.exists(false) })
      .update({ ...patch, userId });
    return updated === 1;
  }

  /** Records where a resident lives (replacing what was recorded before). */
  async setResidence(id: string, r: { villageId: string; gridId?: string; address: string }): Promise<void> {
    const _ = this.db.command;
    await this.coll.doc(id).update({
      villageId: r.villageId,
      gridId: r.gridId !== undefined ? r.gridId : _.remove(),
      address: r.address,
    });
  }

  /** Records (or renews) consent to the current privacy notice. */
  async recordConsent(id: string, consent: NonNullable<ResidentDoc['consent']>): Promise<void> {
    await this.coll.doc(id).update({ consent: this.db.command.set(consent) });
  }

  /** Marks consent withdrawn, keeping when and which version had been given. */
  async withdrawConsent(id: string, at: Date, reason: string | undefined): Promise<void> {
    const patch: Record<string, unknown> = { 'consent.withdrawnAt': at };
    if (reason) patch['consent.withdrawReason'] = reason;
    await this.coll.doc(id).update(patch);
  }
}
