import '../../../../pages/forms.scss';
import { Button } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@shared/constants/messages';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { zh } from '../../../../i18n/zh';
import type { ApiError } from '../../../../services/api';
import { bindStaff } from '../../../../services/user';
import { Page } from '../../../../theme/theme';

const t = zh.bind;

/** Staff bind: the registered mobile and the one-time code from the institution admin attach this WeChat identity. */
export default function Bind() {
  const [mobile, setMobile] = useState('');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const submit = async () => {
    setError('');
    try {
      const r = await bindStaff(code.trim(), mobile.trim());
      setMessage(t.done(ROLE_LABELS[r.role]));
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      <View className="jy-muted">{t.intro}</View>
      <View className="jy-form">
        <Input
          className="jy-input"
          placeholder={t.mobile}
          type="number"
          maxlength={11}
          value={mobile}
          onInput={(e) => setMobile(e.detail.value)}
        />
        <Input
          className="jy-input"
          placeholder={t.code}
          type="number"
          maxlength={6}
          value={code}
          onInput={(e) => setCode(e.detail.value)}
        />
        {error ? <View className="jy-error">{error}</View> : null}
        {message ? <View className="jy-ok">{message}</View> : null}
        <Button type="primary" block onClick={submit}>
          {t.submit}
        </Button>
      </View>
    </Page>
  );
}
