import { COLLECTIONS } from '@shared/constants/collections';
import type { Database } from '../../_lib/db';

export type ResidentFacts = {
  _id: string;
  name: string;
  birthDate?: string;
  tags?: string[];
  gridId?: string;
};

/** Residents: names for views, birth date and tags for home-visit eligibility. Never ID or phone. */
export class ResidentRepository {
  constructor(private readonly db: Database) {}

  async byId(id: string): Promise<ResidentFacts | undefined> {
    const { data } = await this.db
      .collection(COLLECTIONS.residents)
      .doc(id)
      .field({ name: true, birthDate: true, tags: true, gridId: true })
      .get();
    return data[0] as ResidentFacts | undefined;
  }

  /** Names of several residents (an agenda page or a family). */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const out = new Map<string, string>();
    for (let i = 0; i < unique.length; i += 100) {
      const { data } = await this.db
        .collection(COLLECTIONS.residents)
        .where({ _id: this.db.command.in(unique.slice(i, i + 100)) })
        .field({ name: true })
        .limit(100)
        .get();
      for (const r of data as { _id: string; name: string }[]) out.set(r._id, r.name);
    }
    return out;
  }
}
