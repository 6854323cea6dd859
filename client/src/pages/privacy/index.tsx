import '../forms.scss';
import { Button } from '@nutui/nutui-react-taro';
import { privacyNotice } from '@shared/constants/privacy';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { zh } from '../../i18n/zh';
import type { ApiError } from '../../services/api';
import { me, withdrawConsent } from '../../services/user';
import { Page } from '../../theme/theme';

const t = zh.privacy;

/** The current privacy notice, and withdrawing consent (for a verified resident with consent on). */
export default function Privacy() {
  const notice = privacyNotice();
  const [profile, setProfile] = useState<Awaited<ReturnType<typeof me>> | null>(null);
  const [error, setError] = useState('');
  useDidShow(() => {
    me()
      .then(setProfile)
      .catch(() => setProfile(null));
  });
  // A double tap opens one confirmation and sends one withdrawal (issue 12).
  const inFlight = useRef(false);
  const withdraw = async () => {
    const residentId = profile?.residentId;
    if (!residentId || inFlight.current) return;
    inFlight.current = true;
    try {
      await withdrawOnce(residentId);
    } finally {
      inFlight.current = false;
    }
  };
  const withdrawOnce = async (residentId: string) => {
    const { confirm } = await Taro.showModal({ title: t.withdraw, content: t.withdrawConfirm });
    if (!confirm) return;
    try {
      await withdrawConsent(residentId);
      setProfile(await me());
      Taro.showToast({ title: t.withdrawn, icon: 'none' });
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  const active = profile?.consentVersion && !profile.consentWithdrawnAt;
  return (
    <Page>
      <View className="jy-title">{notice?.title}</View>
      <View className="jy-muted">{t.version(notice?.version ?? '')}</View>
      {notice?.sections.map((s) => (
        <View key={s.heading} className="jy-card">
          <View className="jy-subtitle">{s.heading}</View>
          <View>{s.body}</View>
        </View>
      ))}
      {error ? <View className="jy-error">{error}</View> : null}
      {active ? (
        <Button block onClick={withdraw}>
          {t.withdraw}
        </Button>
      ) : profile?.consentWithdrawnAt ? (
        <View className="jy-muted">{t.withdrawn}</View>
      ) : null}
    </Page>
  );
}
