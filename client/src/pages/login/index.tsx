import '../forms.scss';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@shared/constants/messages';
import { DEMO_IDENTITIES } from '@shared/demo/identities';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { zh } from '../../i18n/zh';
import { DEMO_OPENID_KEY } from '../../services/demo';
import { login } from '../../services/user';
import { Page } from '../../theme/theme';

const IS_H5 = process.env.TARO_ENV === 'h5';

/** Where a fresh login goes: unverified residents to real-name verification, everyone else to 我的. */
async function enter(): Promise<void> {
  const who = await login();
  if (who.role === 'resident' && !who.verified) await Taro.redirectTo({ url: '/pages/realname/index' });
  else await Taro.switchTab({ url: '/pages/me/index' });
}

/**
 * Login. On WeChat the identity is the platform's: log in at once. On H5 (local emulator only)
 * pick a seeded demo identity, or start as a new resident with a fresh openid.
 */
export default function Login() {
  const [error, setError] = useState('');
  useEffect(() => {
    if (!IS_H5) enter().catch((e: Error) => setError(e.message));
  }, []);
  const choose = (openid: string) => {
    Taro.setStorageSync(DEMO_OPENID_KEY, openid);
    enter().catch((e: Error) => setError(e.message));
  };
  if (!IS_H5)
    return (
      <Page>
        <View className="jy-muted">{error || zh.login.loggingIn}</View>
      </Page>
    );
  return (
    <Page>
      <View className="jy-title">{zh.login.title}</View>
      <View className="jy-muted">{zh.login.hint}</View>
      {error ? <View className="jy-error">{error}</View> : null}
      <Button type="primary" block onClick={() => choose(`demo-new-${Date.now().toString(36)}`)}>
        {zh.login.newResident}
      </Button>
      <Cell.Group>
        {DEMO_IDENTITIES.map((d) => (
          <Cell
            key={d.openid}
            title={`${d.name} · ${ROLE_LABELS[d.role]}`}
            description={d.note}
            clickable
            onClick={() => choose(d.openid)}
          />
        ))}
      </Cell.Group>
    </Page>
  );
}
