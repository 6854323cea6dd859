import { STATUS_BADGE_COMPONENT } from '../../components/StatusBadge/types';

export default definePageConfig({
  navigationBarTitleText: '我的签约',
  ...(process.env.TARO_ENV === 'weapp' ? { usingComponents: STATUS_BADGE_COMPONENT } : {}),
});
