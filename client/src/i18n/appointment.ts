/** Chinese strings of the appointment pages (booking, agenda). */
export const apptZh = {
  title: '预约门诊',
  intro: '签约居民可提前预约，并享有预留号源。',
  noTeam: '您还没有生效的家庭医生签约，签约后可优先预约。',
  signedBadge: '签约居民优先',
  loading: '正在加载…',
  noSlots: '当天没有可预约的时段',
  seatsLeft: (n: number) => (n > 0 ? `余${n}个` : '约满'),
  outreach: '下乡义诊',
  confirmTitle: '确认预约',
  confirm: '确认预约',
  booked: '预约成功，我们会在就诊前提醒您',
  weekdays: ['日', '一', '二', '三', '四', '五', '六'],
  agendaTitle: '预约日程',
  day: '按天',
  week: '按周',
  empty: '暂无预约',
  attended: '已到诊',
  noShow: '未到',
  status: { booked: '待就诊', cancelled: '已取消', attended: '已到诊', no_show: '未到诊' } as Record<
    string,
    string
  >,
  homeVisits: '上门服务申请',
};
