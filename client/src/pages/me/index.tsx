import { Cell } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@shared/constants/messages';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import '../messages/messages.scss';
import { useState } from 'react';
import { Toggle } from '../../components/Toggle';
import { zh } from '../../i18n/zh';
import { getUnread } from '../../services/messages';
import { me } from '../../services/user';
import { Page, useTheme } from '../../theme/theme';

const STAFF_PAGES = [
  { key: 'doctor', url: '/packages/doctor/pages/index/index', role: 'doctor' },
  { key: 'grid', url: '/packages/grid/pages/index/index', role: 'grid_worker' },
  { key: 'admin', url: '/packages/admin/pages/index/index', role: 'institution_admin' },
  // The district admin lands on the same admin home, which leads to the indicator dashboard.
  { key: 'admin', url: '/packages/admin/pages/index/index', role: 'district_admin' },
] as const;

type Profile = Awaited<ReturnType<typeof me>>;
const go = (url: string) => () => Taro.navigateTo({ url });

/** 我的: profile (masked), family members, privacy notice and consent, staff entries, settings. */
export default function Me() {
  const { largeFont, setLargeFont } = useTheme();
  const [p, setP] = useState<Profile | null>(null);
  const [unread, setUnread] = useState(0);
  useDidShow(() => {
    me()
      .then(setP)
      .catch(() => setP(null));
    getUnread()
      .then((r) => setUnread(r.unread))
      .catch(() => setUnread(0));
  });
  const resident = p?.role === 'resident';
  return (
    <Page>
      <View className="jy-title">{zh.me.title}</View>
      <Cell.Group title={zh.me.profile}>
        {p ? <Cell title={p.name ?? zh.me.notVerified} extra={ROLE_LABELS[p.role]} /> : null}
        {p?.maskedIdNumber ? <Cell title={zh.me.idNumber} extra={p.maskedIdNumber} /> : null}
        {p?.maskedMobile ? <Cell title={zh.me.mobile} extra={p.maskedMobile} /> : null}
        {resident && !p?.verified ? (
          <Cell title={zh.me.verifyNow} clickable onClick={go('/pages/realname/index')} />
        ) : null}
      </Cell.Group>
      <Cell.Group>
        {p && p.role !== 'guest' ? (
          <Cell
            title={zh.me.messages}
            description={zh.me.messagesHint}
            extra={unread > 0 ? <View className="jy-badge">{unread > 99 ? '99+' : unread}</View> : ''}
            clickable
            onClick={go('/pages/messages/index')}
          />
        ) : null}
        {resident && p?.verified ? (
          <Cell
            title={zh.me.family}
            description={zh.me.familyHint}
            clickable
            onClick={go('/pages/family/index')}
          />
        ) : null}
        <Cell
          title={zh.me.privacy}
          extra={
            p?.consentVersion
              ? p.consentWithdrawnAt
                ? zh.me.consentOff
                : zh.me.consentOn(p.consentVersion)
              : ''
          }
          clickable
          onClick={go('/pages/privacy/index')}
        />
        {p?.role === 'guest' || resident ? (
          <Cell title={zh.me.bindStaff} clickable onClick={go('/packages/staff/pages/bind/index')} />
        ) : null}
        {process.env.TARO_ENV === 'h5' ? (
          <Cell
            title={zh.me.switchIdentity}
            clickable
            onClick={() => Taro.reLaunch({ url: '/pages/login/index' })}
          />
        ) : null}
      </Cell.Group>
      <Cell.Group>
        <Cell
          title={zh.me.largeFont}
          description={zh.me.largeFontHint}
          extra={<Toggle checked={largeFont} onChange={setLargeFont} label={zh.me.largeFont} />}
        />
      </Cell.Group>
      {STAFF_PAGES.some((s) => s.role === p?.role) ? (
        <Cell.Group title={zh.me.staffEntries}>
          {STAFF_PAGES.filter((s) => s.role === p?.role).map((s) => (
            <Cell key={s.key} title={zh.me[s.key]} clickable onClick={go(s.url)} />
          ))}
        </Cell.Group>
      ) : null}
    </Page>
  );
}
