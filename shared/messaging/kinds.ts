/** Message kinds the message centre groups and labels (unknown kinds read 通知). */
export const MESSAGE_KIND_LABELS: Record<string, string> = {
  'appointment.reminder': '预约提醒',
  'contract.confirmed': '签约通知',
  'contract.rejected': '签约通知',
  'contract.pendingOverdue': '待审签约',
  'contract.renewal': '续约提醒',
  'contract.expired': '签约到期',
  'care.overdueDigest': '随访待办',
  'care.followupDue': '随访提醒',
  'care.quarterUncontacted': '季度联系',
  'education.push': '健康知识',
};

export const kindLabel = (kind: string): string => MESSAGE_KIND_LABELS[kind] ?? '通知';
