import './app.scss';

// Browser-only fixes (web-component selectors WXSS does not know); the weapp build drops the branch.
if (process.env.TARO_ENV === 'h5') require('./h5.scss');

import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { initTransport } from './services/transport';
import { login } from './services/user';
import { ThemeProvider } from './theme/theme';

initTransport();

function App({ children }: PropsWithChildren) {
  // WeChat delivers the caller's identity with every call: log in at launch so a first visit
  // creates the account. On H5 the dev login page chooses a demo identity instead.
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') login().catch(() => undefined);
  });
  return <ThemeProvider>{children}</ThemeProvider>;
}

export default App;
