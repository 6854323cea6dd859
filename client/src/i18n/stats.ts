/** Dashboard texts (指标看板); indicator names follow POLICY.md "Targets and indicators". */
export const statsZh = {
  entry: '签约指标看板',
  entryHint: '各项指标对照目标，逐级查看机构与团队',
  title: '签约服务指标',
  asOf: '统计日',
  target: '目标',
  met: '达标',
  unmet: '未达标',
  noData: '无统计对象',
  drill: '下级明细（点击查看）',
  back: '返回上级',
  loadFailed: '指标加载失败，请稍后重试',
  levels: { district: '区县', township: '乡镇街道', institution: '机构', team: '团队' },
  indicators: {
    keyPopulationSignRate: '重点人群签约率',
    overallCoverage: '常住人口签约覆盖率',
    povertyCoverage: '脱贫人口及计生特殊家庭签约率',
    effectiveSignServiceRate: '有效签约服务率',
    quarterlyContactCoverage: '本季度签约居民联系率',
    followupCompletion: '慢病随访完成率（年内）',
    gridReportResponse: '网格上报24小时响应率（年内）',
  },
} as const;
