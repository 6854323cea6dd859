import '../forms.scss';
import { Button } from '@nutui/nutui-react-taro';
import { Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Check } from '../../components/Check';
import { zh } from '../../i18n/zh';
import type { ApiError } from '../../services/api';
import { verifyIdentity } from '../../services/user';
import { Page } from '../../theme/theme';

const t = zh.realname;

/** 实名认证: name, ID number, mobile and the separate consent to sensitive personal information. */
export default function RealName() {
  const [form, setForm] = useState({ name: '', idNumber: '', mobile: '' });
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const field = (k: keyof typeof form) => (e: { detail: { value: string } }) =>
    setForm({ ...form, [k]: e.detail.value });

  const submit = async () => {
    setError('');
    setBusy(true);
    try {
      if (!consent) throw new Error(zh.realname.consent);
      await verifyIdentity({ ...form, consent: true });
      Taro.showToast({ title: t.done, icon: 'success' });
      await Taro.switchTab({ url: '/pages/me/index' });
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      <View className="jy-muted">{t.intro}</View>
      <View className="jy-form">
        <Input className="jy-input" placeholder={t.name} value={form.name} onInput={field('name')} />
        <Input
          className="jy-input"
          placeholder={t.idNumber}
          maxlength={18}
          value={form.idNumber}
          onInput={field('idNumber')}
        />
        <Input
          className="jy-input"
          placeholder={t.mobile}
          type="number"
          maxlength={11}
          value={form.mobile}
          onInput={field('mobile')}
        />
        <Check className="jy-consent" checked={consent} onChange={setConsent} label={t.consent} />
        <View className="jy-link" onClick={() => Taro.navigateTo({ url: '/pages/privacy/index' })}>
          {t.readNotice}
        </View>
        {error ? <View className="jy-error">{error}</View> : null}
        <Button type="primary" block loading={busy} onClick={submit}>
          {t.submit}
        </Button>
      </View>
    </Page>
  );
}
