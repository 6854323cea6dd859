// The demo district every feature's demo stands on: townships, villages/communities, grids,
// health institutions and family-doctor teams. Names are invented; ids are stable so features can
// refer to them and reseeding is idempotent.
import { COLLECTIONS } from '../../shared/constants/collections';

type Region = {
  _id: string;
  level: 'district' | 'township' | 'village' | 'grid';
  name: string;
  parentId: string | null;
  path: string[];
};

const DISTRICT = { id: 'r-demo', name: '示范区' };

const TOWNSHIPS = [
  {
    id: 'r-cg',
    name: '城关街道',
    villages: [
      ['r-cg-dm', '东门社区'],
      ['r-cg-xj', '西街社区'],
    ],
  },
  {
    id: 'r-qs',
    name: '青山镇',
    villages: [
      ['r-qs-qs', '青山村'],
      ['r-qs-sq', '石桥村'],
      ['r-qs-lh', '柳河村'],
    ],
  },
  {
    id: 'r-hk',
    name: '河口镇',
    villages: [
      ['r-hk-hk', '河口村'],
      ['r-hk-sz', '沙洲村'],
    ],
  },
] as const;

const GRIDS_PER_VILLAGE = 2;

/** District → township → village/community → grid, each with its ancestor path for scope checks. */
export function regions(): Region[] {
  const out: Region[] = [
    { _id: DISTRICT.id, level: 'district', name: DISTRICT.name, parentId: null, path: [] },
  ];
  for (const t of TOWNSHIPS) {
    out.push({ _id: t.id, level: 'township', name: t.name, parentId: DISTRICT.id, path: [DISTRICT.id] });
    for (const [vid, vname] of t.villages) {
      out.push({ _id: vid, level: 'village', name: vname, parentId: t.id, path: [DISTRICT.id, t.id] });
      for (let g = 1; g <= GRIDS_PER_VILLAGE; g++) {
        out.push({
          _id: `${vid}-g${g}`,
          level: 'grid',
          name: `${vname}第${g}网格`,
          parentId: vid,
          path: [DISTRICT.id, t.id, vid],
        });
      }
    }
  }
  return out;
}

const INSTITUTIONS = [
  { _id: 'inst-cg', name: '城关街道社区卫生服务中心', townshipId: 'r-cg', phone: '0571-0000-1001' },
  { _id: 'inst-qs', name: '青山镇卫生院', townshipId: 'r-qs', phone: '0571-0000-1002' },
  { _id: 'inst-hk', name: '河口镇卫生院', townshipId: 'r-hk', phone: '0571-0000-1003' },
];

/** Primary health institutions, one per township. */
export function institutions() {
  return INSTITUTIONS.map((i) => ({ ...i, districtId: DISTRICT.id }));
}

type Member = {
  staffId: string;
  name: string;
  role: 'gp' | 'nurse' | 'public_health' | 'health_manager' | 'specialist';
  title: string;
};

const TEAMS: {
  _id: string;
  institutionId: string;
  name: string;
  villageIds: string[];
  capacity: number;
  members: Member[];
}[] = [
  {
    _id: 'team-cg-1',
    institutionId: 'inst-cg',
    name: '东门社区家庭医生团队',
    villageIds: ['r-cg-dm'],
    capacity: 1500,
    members: [
      { staffId: 'st-cg-1', name: '王建国', role: 'gp', title: '主任医师' },
      { staffId: 'st-cg-2', name: '李晓梅', role: 'nurse', title: '主管护师' },
      { staffId: 'st-cg-3', name: '赵磊', role: 'public_health', title: '公卫医师' },
    ],
  },
  {
    _id: 'team-cg-2',
    institutionId: 'inst-cg',
    name: '西街社区家庭医生团队',
    villageIds: ['r-cg-xj'],
    capacity: 1200,
    members: [
      { staffId: 'st-cg-4', name: '陈静', role: 'gp', title: '副主任医师' },
      { staffId: 'st-cg-5', name: '周婷', role: 'nurse', title: '护师' },
      { staffId: 'st-cg-6', name: '孙浩', role: 'health_manager', title: '健康管理师' },
    ],
  },
  {
    _id: 'team-qs-1',
    institutionId: 'inst-qs',
    name: '青山镇第一家庭医生团队',
    villageIds: ['r-qs-qs', 'r-qs-sq'],
    capacity: 1000,
    members: [
      { staffId: 'st-qs-1', name: '刘卫东', role: 'gp', title: '主治医师' },
      { staffId: 'st-qs-2', name: '杨芳', role: 'nurse', title: '护师' },
      { staffId: 'st-qs-3', name: '吴强', role: 'public_health', title: '乡村医生' },
    ],
  },
  {
    _id: 'team-qs-2',
    institutionId: 'inst-qs',
    name: '柳河村家庭医生团队',
    villageIds: ['r-qs-lh'],
    capacity: 600,
    members: [
      { staffId: 'st-qs-4', name: '黄丽', role: 'gp', title: '主治医师' },
      { staffId: 'st-qs-5', name: '郑伟', role: 'public_health', title: '乡村医生' },
    ],
  },
  {
    _id: 'team-hk-1',
    institutionId: 'inst-hk',
    name: '河口镇家庭医生团队',
    villageIds: ['r-hk-hk', 'r-hk-sz'],
    capacity: 1100,
    members: [
      { staffId: 'st-hk-1', name: '何志明', role: 'gp', title: '副主任医师' },
      { staffId: 'st-hk-2', name: '马秀英', role: 'nurse', title: '主管护师' },
      { staffId: 'st-hk-3', name: '林涛', role: 'specialist', title: '县医院心内科主治医师' },
    ],
  },
];

/** Family-doctor teams: a GP leads each (the first member); service area by village. */
export function teams() {
  return TEAMS.map((t) => ({ ...t, leaderStaffId: t.members[0]?.staffId ?? null, districtId: DISTRICT.id }));
}

/** Every seeded collection and its documents, in insertion order. */
export function demoDistrict(): { collection: string; docs: { _id: string }[] }[] {
  return [
    { collection: COLLECTIONS.regions, docs: regions() },
    { collection: COLLECTIONS.institutions, docs: institutions() },
    { collection: COLLECTIONS.teams, docs: teams() },
  ];
}
