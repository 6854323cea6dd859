import type { IndicatorId } from './common';
import type { PerformanceMetric } from './performance';

/** Chinese names of the indicators (exports; the page has its own copy in client i18n). */
export const INDICATOR_LABELS: Record<IndicatorId, string> = {
  keyPopulationSignRate: '重点人群签约率',
  overallCoverage: '常住人口签约覆盖率',
  povertyCoverage: '脱贫人口及计生特殊家庭签约率',
  effectiveSignServiceRate: '有效签约服务率',
  quarterlyContactCoverage: '本季度签约居民联系率',
  followupCompletion: '慢病随访完成率（年内）',
  gridReportResponse: '网格上报24小时响应率（年内）',
};

/** Chinese names of the performance metrics. */
export const PERFORMANCE_LABELS: Record<PerformanceMetric, string> = {
  signed: '新签约',
  renewed: '续约',
  contacts: '联系居民',
  followupsOnTime: '按时随访',
  referralsFollowedUp: '转诊后随访',
  reportsOnTime: '网格上报按时报到',
  educationReach: '健康教育触达',
  consultsOnTime: '在线咨询按时回复',
};

/** How each indicator is computed, for administrators (export sheet 口径说明 and docs/stats.md). */
export const INDICATOR_DEFINITIONS: Record<IndicatorId, string> = {
  keyPopulationSignRate:
    '统计日为重点人群（老年人、儿童、孕产妇、慢病、残疾、脱贫等）且有生效签约的人数 ÷ 重点人群人数',
  overallCoverage: '统计日有生效签约的居民 ÷ 居民总数',
  povertyCoverage: '脱贫人口及计生特殊家庭中已签约的 ÷ 其总数（应签尽签）',
  effectiveSignServiceRate:
    '统计日签约居民中，年初至统计日每个季度（自签约起算）都有联系或随访记录的人数 ÷ 统计日签约居民数；由服务记录计算，不可手填',
  quarterlyContactCoverage: '统计日签约居民中，本季度（自签约起算）至今已联系的 ÷ 统计日签约居民数',
  followupCompletion:
    '高血压、糖尿病、严重精神障碍、其他慢病签约患者中，年内按季度比例完成规定随访次数的 ÷ 患者数（各病种合计）',
  gridReportResponse: '年内网格上报中，家庭医生在24小时内报到的 ÷ 上报总数（未报到计为未响应）',
};
