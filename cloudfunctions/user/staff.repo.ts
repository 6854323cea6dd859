import { COLLECTIONS } from '@shared/constants/collections';
import type { StaffRole, TeamPosition } from '@shared/constants/roles';
import type { Database } from '../_lib/db';

/** A `staff` document. The mobile is sealed; the bind code is stored only as a keyed hash. */
export type StaffDoc = {
  _id: string;
  name: string;
  role: StaffRole;
  position?: TeamPosition;
  institutionId?: string;
  districtId?: string;
  teamIds: string[];
  gridIds: string[];
  mobileEnc?: string;
  mobileHash?: string;
  mobileMasked?: string;
  openid?: string | null;
  bindCodeHash?: string;
  bindExpiresAt?: Date;
  boundAt?: Date;
  createdBy?: string;
  createdAt: Date;
};

/** Staff repository. */
export class StaffRepo {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.staff);
  }

  /** Selected fields of one staff member. */
  async get<K extends keyof StaffDoc>(
    id: string,
    fields: readonly K[],
  ): Promise<Pick<StaffDoc, K | '_id'> | undefined> {
    const { data } = await this.coll
      .doc(id)
      .field(Object.fromEntries(fields.map((f) => [f, true])))
      .get();
    return data[0] as Pick<StaffDoc, K | '_id'> | undefined;
  }

  /** True when a staff account with this mobile hash exists. */
  async mobileTaken(mobileHash: string): Promise<boolean> {
    const { total } = await this.coll.where({ mobileHash }).count();
    return (total ?? 0) > 0;
  }

  /** The pending account a bind code hash points at. */
  async findByBindHash(bindCodeHash: string) {
    const { data } = await this.coll
      .where({ bindCodeHash })
      .field({ _id: true, role: true, bindExpiresAt: true })
      .limit(1)
      .get();
    return data[0] as Pick<StaffDoc, '_id' | 'role' | 'bindExpiresAt'> | undefined;
  }
}

/** Team fields staff creation needs. */
export async function teamScope(db: Database, teamId: string) {
  const { data } = await db
    .collection(COLLECTIONS.teams)
    .doc(teamId)
    .field({ institutionId: true, districtId: true })
    .get();
  return data[0] as { _id: string; institutionId: string; districtId: string } | undefined;
}

/** Institution fields staff creation needs. */
export async function institutionScope(db: Database, institutionId: string) {
  const { data } = await db
    .collection(COLLECTIONS.institutions)
    .doc(institutionId)
    .field({ districtId: true, townshipId: true })
    .get();
  return data[0] as { _id: string; districtId: string; townshipId: string } | undefined;
}

/** The institution serving a grid: the one of the grid's township (path = [district, township, village]). */
export async function gridInstitution(db: Database, gridId: string) {
  const { data } = await db
    .collection(COLLECTIONS.regions)
    .doc(gridId)
    .field({ level: true, path: true })
    .get();
  const grid = data[0] as { level: string; path: string[] } | undefined;
  if (grid?.level !== 'grid') return undefined;
  const { data: insts } = await db
    .collection(COLLECTIONS.institutions)
    .where({ townshipId: grid.path[1] })
    .field({ _id: true, districtId: true })
    .limit(1)
    .get();
  return insts[0] as { _id: string; districtId: string } | undefined;
}
