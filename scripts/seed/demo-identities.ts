// Demo people and accounts for the H5 dev login page (shared/demo/identities.ts lists the
// openids): institution admins, team-leader doctors, grid workers and verified residents with
// family members. ID numbers are made up but checksum-valid, built here from parts (never written
// out as literals), and sealed with the same encryption the user function uses, so the data
// folder holds no plaintext ID or phone.
import { userIdFor } from '../../cloudfunctions/_lib/caller';
import { sealPii } from '../../cloudfunctions/_lib/pii';
import { COLLECTIONS } from '../../shared/constants/collections';
import { CURRENT_PRIVACY_VERSION } from '../../shared/constants/privacy';
import type { StaffRole, TeamPosition } from '../../shared/constants/roles';
import { DEMO_DISTRICT_ID } from '../../shared/demo/identities';
import { idCheckChar, maskIdNumber, maskMobile, parseIdNumberShape } from '../../shared/identity';
import { institutions, teams } from './demo-district';

/** A checksum-valid made-up ID: region + birth day + sequence (odd = male) + check character. */
export function demoIdNumber(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A made-up mobile number in a block reserved for the demo: demoMobile(7) → 13900000007-style. */
export const demoMobile = (n: number): string => `13900${String(n).padStart(6, '0')}`;

type Person = {
  _id: string;
  name: string;
  region: string;
  birth: string;
  seq: number;
  mobile?: number;
  gridId: string;
  institutionId: string;
  /** The team serving them (a demo stand-in until the contract seed signs them). */
  teamId?: string;
};

type Household = { openid: string; self: Person; family: { person: Person; relation: string }[] };

const HOUSEHOLDS: Household[] = [
  {
    openid: 'demo-resident-1',
    self: {
      _id: 'res-demo-1',
      name: '张秀兰',
      region: '330102',
      birth: '1968-03-12',
      seq: 12,
      mobile: 1,
      gridId: 'r-cg-dm-g1',
      institutionId: 'inst-cg',
      teamId: 'team-cg-1',
    },
    family: [
      {
        relation: 'parent',
        person: {
          _id: 'res-demo-1m',
          name: '周桂英',
          region: '330102',
          birth: '1940-08-05',
          seq: 24,
          gridId: 'r-cg-dm-g1',
          institutionId: 'inst-cg',
        },
      },
    ],
  },
  {
    openid: 'demo-resident-2',
    self: {
      _id: 'res-demo-2',
      name: '李明',
      region: '330110',
      birth: '1985-06-20',
      seq: 31,
      mobile: 2,
      gridId: 'r-qs-qs-g1',
      institutionId: 'inst-qs',
    },
    family: [
      {
        relation: 'child',
        person: {
          _id: 'res-demo-2c',
          name: '李乐乐',
          region: '330110',
          birth: '2022-01-15',
          seq: 53,
          gridId: 'r-qs-qs-g1',
          institutionId: 'inst-qs',
        },
      },
      {
        relation: 'parent',
        person: {
          _id: 'res-demo-2f',
          name: '李国富',
          region: '330110',
          birth: '1952-09-30',
          seq: 71,
          gridId: 'r-qs-qs-g1',
          institutionId: 'inst-qs',
        },
      },
    ],
  },
  {
    openid: 'demo-resident-3',
    self: {
      _id: 'res-demo-3',
      name: '赵敏',
      region: '330105',
      birth: '1990-02-14',
      seq: 46,
      mobile: 3,
      gridId: 'r-hk-hk-g1',
      institutionId: 'inst-hk',
    },
    family: [],
  },
];

const POSITION: Record<string, TeamPosition> = {
  gp: 'gp',
  nurse: 'nurse',
  public_health: 'public_health_doctor',
  health_manager: 'health_manager',
  specialist: 'county_doctor',
};

/**
 * Staff who have bound WeChat: the team leaders, and one nurse who is not a leader (what a team
 * member without the leader's rights sees). The rest of each team is created but not yet bound.
 */
const BOUND_DOCTORS: Record<string, string> = {
  'st-cg-1': 'demo-doctor-cg-1',
  'st-cg-2': 'demo-nurse-cg-2',
  'st-cg-4': 'demo-doctor-cg-4',
  'st-qs-1': 'demo-doctor-qs-1',
  'st-hk-1': 'demo-doctor-hk-1',
};

const OTHER_STAFF: {
  _id: string;
  name: string;
  role: StaffRole;
  institutionId: string;
  gridIds: string[];
  openid: string | null;
}[] = [
  {
    _id: 'st-adm-cg',
    name: '钱慧',
    role: 'institution_admin',
    institutionId: 'inst-cg',
    gridIds: [],
    openid: 'demo-admin-cg',
  },
  {
    _id: 'st-adm-qs',
    name: '冯军',
    role: 'institution_admin',
    institutionId: 'inst-qs',
    gridIds: [],
    openid: 'demo-admin-qs',
  },
  {
    _id: 'st-adm-hk',
    name: '韩梅',
    role: 'institution_admin',
    institutionId: 'inst-hk',
    gridIds: [],
    openid: null,
  },
  {
    _id: 'st-grid-cg-dm-g1',
    name: '许丽',
    role: 'grid_worker',
    institutionId: 'inst-cg',
    gridIds: ['r-cg-dm-g1'],
    openid: 'demo-grid-cg-dm-g1',
  },
  {
    _id: 'st-grid-qs-qs-g1',
    name: '邓刚',
    role: 'grid_worker',
    institutionId: 'inst-qs',
    gridIds: ['r-qs-qs-g1'],
    openid: 'demo-grid-qs-qs-g1',
  },
];

function residentDoc(p: Person, now: Date, userId: string | undefined, consentBy: string) {
  const idNumber = demoIdNumber(p.region, p.birth, p.seq);
  const facts = parseIdNumberShape(idNumber);
  if (!facts.ok) throw new Error(`demo ID for ${p._id} is invalid: ${facts.code}`);
  const id = sealPii('id', idNumber, maskIdNumber);
  const mobile = p.mobile === undefined ? undefined : sealPii('mobile', demoMobile(p.mobile), maskMobile);
  return {
    _id: p._id,
    name: p.name,
    idEnc: id.enc,
    idHash: id.hash,
    idMasked: id.masked,
    birthDate: facts.value.birthDate,
    sex: facts.value.sex,
    regionCode: facts.value.regionCode,
    ...(mobile ? { mobileEnc: mobile.enc, mobileHash: mobile.hash, mobileMasked: mobile.masked } : {}),
    ...(userId ? { userId } : {}),
    consent: { version: CURRENT_PRIVACY_VERSION, at: now, byUserId: consentBy },
    tags: [],
    gridId: p.gridId,
    institutionId: p.institutionId,
    ...(p.teamId ? { teamId: p.teamId } : {}),
    districtId: DEMO_DISTRICT_ID,
    createdAt: now,
  };
}

/** Staff, users and residents of the demo identities (needs JY_PII_KEY: see ./local-key.ts). */
export function demoIdentities(now: Date): { collection: string; docs: { _id: string }[] }[] {
  const staff: { _id: string }[] = [];
  const users: { _id: string }[] = [];
  let mobileNo = 100;
  const districtOf = new Map(institutions().map((i) => [i._id, i.districtId]));
  for (const t of teams()) {
    for (const m of t.members) {
      const openid = BOUND_DOCTORS[m.staffId] ?? null;
      const mobile = sealPii('mobile', demoMobile(mobileNo++), maskMobile);
      staff.push({
        _id: m.staffId,
        name: m.name,
        role: 'doctor',
        position: m.staffId === t.leaderStaffId ? 'chief_gp' : (POSITION[m.role] ?? 'gp'),
        institutionId: t.institutionId,
        districtId: t.districtId,
        teamIds: [t._id],
        gridIds: [],
        mobileEnc: mobile.enc,
        mobileHash: mobile.hash,
        mobileMasked: mobile.masked,
        openid,
        createdAt: now,
      } as { _id: string });
      if (openid)
        users.push({ _id: userIdFor(openid), openid, role: 'doctor', staffId: m.staffId, createdAt: now } as {
          _id: string;
        });
    }
  }
  for (const s of OTHER_STAFF) {
    const mobile = sealPii('mobile', demoMobile(mobileNo++), maskMobile);
    staff.push({
      ...s,
      districtId: districtOf.get(s.institutionId) ?? DEMO_DISTRICT_ID,
      teamIds: [],
      mobileEnc: mobile.enc,
      mobileHash: mobile.hash,
      mobileMasked: mobile.masked,
      createdAt: now,
    } as { _id: string });
    if (s.openid)
      users.push({
        _id: userIdFor(s.openid),
        openid: s.openid,
        role: s.role,
        staffId: s._id,
        createdAt: now,
      } as { _id: string });
  }
  const residents: { _id: string }[] = [];
  for (const h of HOUSEHOLDS) {
    const userId = userIdFor(h.openid);
    residents.push(residentDoc(h.self, now, userId, userId));
    for (const f of h.family) residents.push(residentDoc(f.person, now, undefined, userId));
    users.push({
      _id: userId,
      openid: h.openid,
      role: 'resident',
      residentId: h.self._id,
      family: h.family.map((f) => ({ residentId: f.person._id, relation: f.relation })),
      createdAt: now,
    } as { _id: string });
  }
  return [
    { collection: COLLECTIONS.staff, docs: staff },
    { collection: COLLECTIONS.users, docs: users },
    { collection: COLLECTIONS.residents, docs: residents },
  ];
}
