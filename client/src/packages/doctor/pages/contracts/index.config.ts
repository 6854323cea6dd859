import { STATUS_BADGE_COMPONENT } from '../../../../components/StatusBadge/types';

const badge = { 'status-badge': `../../../.${STATUS_BADGE_COMPONENT['status-badge']}` };

export default definePageConfig({
  navigationBarTitleText: '签约审核',
  ...(process.env.TARO_ENV === 'weapp' ? { usingComponents: badge } : {}),
});
