import type { Role } from '../constants/roles';

/**
 * The demo WeChat identities the seed creates (scripts/seed/demo-identities.ts) and the H5 dev
 * login page lists. Only openids and labels: the people's ID numbers and phones are generated and
 * encrypted by the seed. Used against the local emulator only (the gateway honours the demo
 * openid from loopback clients only).
 */
export type DemoIdentity = { openid: string; role: Role; name: string; note: string };

export const DEMO_DISTRICT_ID = 'r-demo';

/** The district admin comes from configuration (JY_DISTRICT_ADMINS), not from the database. */
export const DEMO_DISTRICT_ADMIN: DemoIdentity = {
  openid: 'demo-district-admin',
  role: 'district_admin',
  name: '区卫健委（演示）',
  note: '示范区 · 配置指定',
};

/** `JY_DISTRICT_ADMINS` value for local runs. */
export const DEMO_DISTRICT_ADMINS_CONFIG = `${DEMO_DISTRICT_ADMIN.openid}=${DEMO_DISTRICT_ID}`;

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  DEMO_DISTRICT_ADMIN,
  {
    openid: 'demo-admin-cg',
    role: 'institution_admin',
    name: '钱慧',
    note: '城关街道社区卫生服务中心 家医管家',
  },
  { openid: 'demo-admin-qs', role: 'institution_admin', name: '冯军', note: '青山镇卫生院 家医管家' },
  { openid: 'demo-doctor-cg-1', role: 'doctor', name: '王建国', note: '东门社区家庭医生团队 团队长' },
  {
    openid: 'demo-nurse-cg-2',
    role: 'doctor',
    name: '李晓梅',
    note: '东门社区家庭医生团队 护士（非团队长）',
  },
  { openid: 'demo-doctor-cg-4', role: 'doctor', name: '陈静', note: '西街社区家庭医生团队 团队长' },
  { openid: 'demo-doctor-qs-1', role: 'doctor', name: '刘卫东', note: '青山镇第一家庭医生团队 团队长' },
  { openid: 'demo-doctor-hk-1', role: 'doctor', name: '何志明', note: '河口镇家庭医生团队 团队长' },
  { openid: 'demo-grid-cg-dm-g1', role: 'grid_worker', name: '许丽', note: '东门社区第1网格 网格员' },
  { openid: 'demo-grid-qs-qs-g1', role: 'grid_worker', name: '邓刚', note: '青山村第1网格 网格员' },
  { openid: 'demo-resident-1', role: 'resident', name: '张秀兰', note: '东门社区 · 已实名 · 代办母亲' },
  { openid: 'demo-resident-2', role: 'resident', name: '李明', note: '青山村 · 已实名 · 代办孩子和父亲' },
  { openid: 'demo-resident-3', role: 'resident', name: '赵敏', note: '河口村 · 已实名' },
];
