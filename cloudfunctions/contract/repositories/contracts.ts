import { COLLECTIONS } from '@shared/constants/collections';
import type { CanonicalAgreement } from '@shared/contract/agreement';
import type { SigningChannel } from '@shared/contract/channel';
import type { TContract } from '@shared/contract/model';
import type { Quote } from '@shared/fees/split';
import type { Database } from '../../_lib/db';

/** A stored contract: the state-machine fields plus what signing sealed and lists display. */
export type ContractDoc = TContract & {
  requestId: string;
  channel: SigningChannel;
  residentName: string;
  teamName: string;
  fee: Quote;
  agreement: CanonicalAgreement;
  agreementSha256: string;
  signatureFileId: string;
  signatureSha256: string;
  sealSha256: string;
  verificationCode: string;
  /** Grid of the resident at signing, for grid-scoped reads. */
  gridId?: string;
  /** Place claimed in the team while live (unique per team among live contracts; see indexes). */
  seat?: number;
};

/** Statuses that hold a place in a team (capacity). */
export const LIVE_STATUSES = ['pending', 'active'] as const;

/** Contracts: intent-named reads and conditional writes (each write names the status it expects). */
export class ContractRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.contracts);
  }

  /** One contract, or undefined. */
  async byId(id: string): Promise<ContractDoc | undefined> {
    return (await this.coll.doc(id).get()).data[0] as ContractDoc | undefined;
  }

  /** Every contract of a resident (a handful: one a year at most). */
  async ofResident(residentId: string): Promise<ContractDoc[]> {
    return (await this.coll.where({ residentId }).limit(100).get()).data as ContractDoc[];
  }

  /** Every contract of several residents (a family), newest first. */
  async ofResidents(ids: readonly string[]): Promise<ContractDoc[]> {
    if (ids.length === 0) return [];
    const _ = this.db.command;
    const { data } = await this.coll
      .where({ residentId: _.in([...ids]) })
      .orderBy('signedAt', 'desc')
      .limit(200)
      .get();
    return data as ContractDoc[];
  }

  /** Pending and active contracts of a team: the places it has given (capacity). */
  async liveCount(teamId: string): Promise<number> {
    const _ = this.db.command;
    return (await this.coll.where({ teamId, status: _.in([...LIVE_STATUSES]) }).count()).total ?? 0;
  }

  /** Seat numbers held by a team's live contracts (only read after a seat clash). */
  async liveSeats(teamId: string): Promise<Set<number>> {
    const _ = this.db.command;
    const { data } = await this.coll
      .where({ teamId, status: _.in([...LIVE_STATUSES]), seat: _.exists(true) })
      .field({ seat: true })
      .limit(1000)
      .get();
    return new Set((data as { seat: number }[]).map((d) => d.seat));
  }

  /** True when a live contract of the team holds this seat. */
  async seatTaken(teamId: string, seat: number): Promise<boolean> {
    const _ = this.db.command;
    const { total } = await this.coll.where({ teamId, seat, status: _.in([...LIVE_STATUSES]) }).count();
    return (total ?? 0) > 0;
  }

  /** Live counts for many teams (listTeams): one count per team, in parallel. */
  async liveCounts(teamIds: readonly string[]): Promise<Record<string, number>> {
    const counts = await Promise.all(teamIds.map((id) => this.liveCount(id)));
    return Object.fromEntries(teamIds.map((id, i) => [id, counts[i] ?? 0]));
  }

  /** Inserts a new request; the unique pending index refuses a second one (DATABASE_DUPLICATE_WRITE). */
  async insert(doc: ContractDoc): Promise<void> {
    const { _id, ...rest } = doc;
    await this.coll.add({ _id, ...rest });
  }

  /**
   * Writes a transition only if the contract is still in `expected` status: two staff confirming
   * at once, or a withdraw racing a confirm, cannot both win. Returns false when it lost.
   */
  async transition(id: string, expected: TContract['status'], next: Partial<ContractDoc>): Promise<boolean> {
    const { _id, ...fields } = next;
    const r = await this.coll.where({ _id: id, status: expected }).update(fields);
    return r.updated === 1;
  }

  /** A page of a team's or institution's contracts in a status, oldest first (a queue). */
  async page(
    where: { teamId?: unknown; institutionId?: string; status?: unknown },
    offset: number,
    limit: number,
  ): Promise<{ contracts: ContractDoc[]; total: number }> {
    const [list, count] = await Promise.all([
      this.coll.where(where).orderBy('signedAt', 'asc').skip(offset).limit(limit).get(),
      this.coll.where(where).count(),
    ]);
    return { contracts: list.data as ContractDoc[], total: count.total ?? 0 };
  }
}
