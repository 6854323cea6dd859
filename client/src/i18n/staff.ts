/** 人员管理 and assisted-signing search (issue 12): Simplified Chinese UI text. */
export const staffZh = {
  entry: '人员管理',
  entryHint: '新增医生、护士、网格员，发放一次性绑定码',
  title: '人员管理',
  institution: '选择机构',
  pickInstitution: '请先选择要管理的机构',
  create: '新增人员',
  name: '姓名',
  mobile: '手机号（绑定时须填写此号码）',
  kind: '人员类型',
  kinds: { team: '家庭医生团队成员', grid_worker: '网格员', institution_admin: '机构管理员（家医管家）' },
  team: '所属团队',
  position: '岗位',
  grid: '负责网格',
  noTeams: '本机构暂无家庭医生团队，请先建立团队',
  noGrids: '本机构服务区域内暂无网格',
  submit: '创建并生成绑定码',
  missing: {
    name: '请填写姓名',
    mobile: '请填写手机号',
    teamId: '请选择所属团队',
    position: '请选择岗位',
    gridId: '请选择负责的网格',
  },
  list: (n: number) => `本机构人员（共${n}人）`,
  empty: '暂无人员',
  bound: '已绑定微信',
  pending: (until: string) => `待绑定 · 绑定码有效至 ${until}`,
  unbound: '未绑定（绑定码已失效或未发放）',
  reissue: '重新发放绑定码',
  more: '加载更多',
  code: {
    title: (name: string) => `${name}的绑定码`,
    until: (until: string) => `有效期至 ${until}，仅可使用一次`,
    once: '绑定码只显示这一次，请现在告知本人（当面或电话），不要截图转发到群里。',
    howTitle: '请本人这样绑定：',
    steps: (mobile: string) => [
      '1. 在微信中打开「家医签约」小程序',
      '2. 点「我的」→「工作人员绑定」',
      `3. 输入登记的手机号 ${mobile} 和上面的6位绑定码，点「绑定」`,
    ],
    lost: '遗失或过期：在下方人员列表中点「重新发放绑定码」，旧码立即作废。',
    done: '我已告知，关闭',
  },
  search: {
    title: '查找居民',
    intro: '输入居民姓名和身份证号或手机号的后4位，只查找本团队服务区域内的居民。',
    name: '居民姓名',
    tail: '身份证号或手机号后4位',
    submit: '查找',
    none: '本服务区域内没有找到该居民，请核对姓名和后4位；未登记的居民请先由本人或网格员登记。',
    age: (n: number) => `${n}岁`,
    sex: { male: '男', female: '女' } as Record<string, string>,
    choose: '为此居民签约',
    chosen: (name: string) => `已选择：${name}`,
    change: '重新查找',
    missing: { name: '请填写居民姓名', tail: '请填写后4位' },
  },
};

/** 2026-12-03 10:05 in Beijing time, for expiry lines. */
export const beijingTime = (iso: string): string => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
};
