/** Chinese labels of care records (views and pages). */
export const CHANNEL_LABELS: Record<string, string> = {
  phone: '电话',
  wechat: '微信',
  sms: '短信',
  visit: '上门',
  clinic: '门诊',
};
export const OUTCOME_LABELS: Record<string, string> = {
  reached: '已联系上',
  call_later: '约定稍后再联系',
  unreachable: '未能联系上',
  removed: '移出名单',
};
export const FOLLOWUP_LABELS: Record<string, string> = {
  hypertension: '高血压',
  diabetes: '糖尿病',
  glucose_test: '空腹血糖检测',
  severe_mental: '严重精神障碍',
  tuberculosis: '肺结核',
  other_chronic: '慢病',
  referral: '转诊后',
  rehab: '康复',
};
export const REFERRAL_STATUS_LABELS: Record<string, string> = {
  open: '已转出',
  accepted: '医院已接收',
  completed: '已完成',
  cancelled: '已取消',
};
