import { STATUS_BADGE_COMPONENT } from '../../components/StatusBadge/types';

export default definePageConfig({
  navigationBarTitleText: '家医签约',
  // Native components exist only in the weapp build.
  ...(process.env.TARO_ENV === 'weapp' ? { usingComponents: STATUS_BADGE_COMPONENT } : {}),
});
