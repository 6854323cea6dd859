import { COLLECTIONS } from '@shared/constants/collections';
import type { Database } from '../../_lib/db';

export type TeamFacts = {
  _id: string;
  name: string;
  institutionId: string;
  districtId?: string;
  members: { staffId: string; name: string }[];
};

/** Teams as far as appointments need them: where they sit and who is in them. */
export class TeamRepository {
  constructor(private readonly db: Database) {}

  async byId(id: string): Promise<TeamFacts | undefined> {
    const { data } = await this.db
      .collection(COLLECTIONS.teams)
      .doc(id)
      .field({ name: true, institutionId: true, districtId: true, members: true })
      .get();
    const t = data[0] as TeamFacts | undefined;
    return t
      ? { ...t, members: (t.members ?? []).map((m) => ({ staffId: m.staffId, name: m.name })) }
      : undefined;
  }
}
