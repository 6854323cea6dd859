import type { EffectiveStatus } from '@shared/contract/model';

/** Status words on the PDF (the client has its own copy in client/src/i18n/contract.ts). */
export const CONTRACT_STATUS_LABELS: Record<EffectiveStatus, string> = {
  pending: '待确认',
  active: '已生效',
  upcoming: '待生效',
  rejected: '未通过',
  withdrawn: '已撤回',
  expired: '已到期',
  terminated: '已解约',
  superseded: '已更换团队',
};
