import { signaturePadComponent } from '../../../../components/SignaturePad/types';

export default definePageConfig({
  navigationBarTitleText: '签约',
  // The native pad exists only in the weapp build.
  ...(process.env.TARO_ENV === 'weapp' ? { usingComponents: signaturePadComponent(4) } : {}),
});
