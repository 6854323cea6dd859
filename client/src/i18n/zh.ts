/** Simplified Chinese UI text for the app shell, in one place (STYLE.md §15). */
export const zh = {
  appName: '家医签约',
  home: {
    greeting: '您好，欢迎使用家庭医生签约服务',
    intro: '选择家庭医生团队、在线签约、预约就诊，全家健康有人管。',
    entries: { sign: '签约家庭医生', booking: '预约就诊', health: '健康档案', family: '家庭成员' },
    serviceOk: '服务连接正常',
    serviceChecking: '正在连接服务…',
    serviceDown: '暂时无法连接服务，请稍后重试',
  },
  sign: { title: '签约家庭医生', empty: '选择离您最近的家庭医生团队，签约后享受优先预约和上门服务。' },
  booking: { title: '预约就诊', empty: '签约居民可优先预约家庭医生门诊和上门服务。' },
  health: { title: '健康', empty: '这里将显示您的随访记录、健康教育和转诊信息。' },
  me: {
    title: '我的',
    largeFont: '大字模式（适老化）',
    largeFontHint: '开启后全部页面字号加大、按钮加高',
    staffEntries: '工作入口',
    doctor: '医生工作台',
    grid: '网格员工作台',
    admin: '管理后台',
  },
  doctor: { title: '医生工作台', intro: '待确认签约、随访任务和预约安排将显示在这里。' },
  grid: { title: '网格员工作台', intro: '扫描门牌二维码登记家庭、上报重点人群。' },
  admin: { title: '管理后台', intro: '签约率、团队绩效与目标完成情况。' },
} as const;
