import '../forms.scss';
import { Button } from '@nutui/nutui-react-taro';
import { Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Check } from '../../components/Check';
import { FieldError } from '../../components/form/FieldError';
import { missingForIdentity } from '../../components/form/identity';
import { RegionPicker, type ResidenceValue } from '../../components/form/RegionPicker';
import { useSubmit } from '../../components/form/useSubmit';
import { zh } from '../../i18n/zh';
import { verifyIdentity } from '../../services/user';
import { Page } from '../../theme/theme';

const t = zh.realname;

/** 实名认证: name, ID number, mobile, where they live, and the separate consent to sensitive data. */
export default function RealName() {
  const [form, setForm] = useState({ name: '', idNumber: '', mobile: '' });
  const [residence, setResidence] = useState<ResidenceValue>({ regionId: '', address: '', placeName: '' });
  const [consent, setConsent] = useState(false);
  const s = useSubmit(
    () =>
      verifyIdentity({
        ...form,
        consent: true,
        residence: { regionId: residence.regionId, address: residence.address },
      }),
    {
      check: () => missingForIdentity(form, residence, consent, form.mobile),
      // A retried tap whose first answer was lost finds the account verified: that is the success.
      idempotent: ['ALREADY_VERIFIED'],
      onDone: async () => {
        Taro.showToast({ title: t.done, icon: 'success' });
        await Taro.switchTab({ url: '/pages/me/index' });
      },
    },
  );
  const field = (k: keyof typeof form) => (e: { detail: { value: string } }) => {
    // Functional update: two inputs filled before a re-render must not overwrite each other.
    const value = e.detail.value;
    setForm((f) => ({ ...f, [k]: value }));
    s.clearField(k);
  };
  const bad = (k: string) => `jy-input${s.fields[k] ? ' jy-input--bad' : ''}`;

  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      <View className="jy-muted">{t.intro}</View>
      <View className="jy-form">
        <Input className={bad('name')} placeholder={t.name} value={form.name} onInput={field('name')} />
        <FieldError message={s.fields.name} />
        <Input
          className={bad('idNumber')}
          placeholder={t.idNumber}
          maxlength={18}
          value={form.idNumber}
          onInput={field('idNumber')}
        />
        <FieldError message={s.fields.idNumber} />
        <Input
          className={bad('mobile')}
          placeholder={t.mobile}
          type="number"
          maxlength={11}
          value={form.mobile}
          onInput={field('mobile')}
        />
        <FieldError message={s.fields.mobile} />
        <RegionPicker value={residence} onChange={setResidence} errors={s.fields} prefix="residence." />
        <Check
          className="jy-consent"
          checked={consent}
          onChange={(on) => {
            setConsent(on);
            s.clearField('consent');
          }}
          label={t.consent}
        />
        <FieldError message={s.fields.consent} />
        <View className="jy-link" onClick={() => Taro.navigateTo({ url: '/pages/privacy/index' })}>
          {t.readNotice}
        </View>
        {s.error ? <View className="jy-error">{s.error}</View> : null}
        <Button type="primary" block loading={s.busy} disabled={s.busy} onClick={() => void s.submit()}>
          {t.submit}
        </Button>
      </View>
    </Page>
  );
}
