import '../forms.scss';
import './home.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { TAppointmentView } from '@shared/api/appointment';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import { zh } from '../../i18n/zh';
import type { ContractView } from '../../services/contract';
import { type DueItem, myBookings, myContracts, myDue, type Profile, unreadCount } from '../../services/home';
import { ping } from '../../services/system';
import { DEMO_OPENID_KEY } from '../../services/transport';
import { me } from '../../services/user';
import { Page, useTheme } from '../../theme/theme';

type Status = 'checking' | 'ok' | 'down';

const TONE = { checking: 'idle', ok: 'ok', down: 'bad' } as const;
const STATUS_TEXT = { checking: zh.home.serviceChecking, ok: zh.home.serviceOk, down: zh.home.serviceDown };
const t = zh.home;

const ENTRIES = [
  { key: 'sign', url: '/pages/sign/index' },
  { key: 'booking', url: '/pages/booking/index' },
  { key: 'health', url: '/pages/health/index' },
  { key: 'family', url: '/pages/me/index' },
] as const;

type Glance = {
  profile?: Profile;
  team?: ContractView;
  next?: TAppointmentView;
  due?: DueItem[];
  unread?: number;
};

/** On H5 the identity is the demo one chosen at login; none chosen = not logged in. */
const loggedOut = () => process.env.TARO_ENV === 'h5' && !Taro.getStorageSync(DEMO_OPENID_KEY);

/**
 * 首页: for a signed resident, at a glance — their family doctor team (initials, names, a phone
 * to tap), the next appointment, what is due, unread messages. Otherwise the next step (log in,
 * verify, sign) as a button. The main entries and the service badge stay below.
 */
export default function Home() {
  const [status, setStatus] = useState<Status>('checking');
  const [glance, setGlance] = useState<Glance | null>(null);
  const [guest, setGuest] = useState(false);
  const { largeFont } = useTheme();

  useEffect(() => {
    let live = true;
    ping()
      .then(() => live && setStatus('ok'))
      .catch(() => live && setStatus('down'));
    return () => {
      live = false;
    };
  }, []);

  useDidShow(() => {
    if (loggedOut()) {
      setGuest(true);
      return;
    }
    setGuest(false);
    void (async () => {
      const profile = await me().catch(() => undefined);
      if (!profile || profile.role !== 'resident' || !profile.verified) return setGlance({ profile });
      const [contracts, bookings, due, unread] = await Promise.allSettled([
        myContracts(),
        myBookings(),
        myDue(),
        unreadCount(),
      ]);
      const now = Date.now();
      const own = (c: ContractView) => c.residentId === profile.residentId;
      setGlance({
        profile,
        ...(contracts.status === 'fulfilled'
          ? { team: contracts.value.contracts.find((c) => own(c) && c.status === 'active') }
          : {}),
        ...(bookings.status === 'fulfilled'
          ? {
              next: bookings.value.appointments
                .filter((a) => a.status === 'booked' && new Date(a.end).getTime() > now)
                .sort((a, b) => a.start.localeCompare(b.start))[0],
            }
          : {}),
        ...(due.status === 'fulfilled' ? { due: due.value } : {}),
        ...(unread.status === 'fulfilled' ? { unread: unread.value } : {}),
      });
    })();
  });

  const profile = glance?.profile;
  const team = glance?.team;
  const call = (phone: string) => Taro.makePhoneCall({ phoneNumber: phone.replace(/[^\d]/g, '') });

  return (
    <Page>
      <View className="jy-card">
        <View className="jy-title">{profile?.name ? t.hello(profile.name) : t.greeting}</View>
        <Text className="jy-muted">{t.intro}</Text>
      </View>
      {guest ? (
        <View className="jy-card" data-testid="home-login">
          <View>{t.loginHint}</View>
          <Button
            type="primary"
            size="large"
            block
            onClick={() => Taro.navigateTo({ url: '/pages/login/index' })}
          >
            {t.login}
          </Button>
        </View>
      ) : null}
      {profile?.role === 'resident' && !profile.verified ? (
        <View className="jy-card">
          <View>{t.verifyHint}</View>
          <Button
            type="primary"
            size="large"
            block
            onClick={() => Taro.navigateTo({ url: '/pages/realname/index' })}
          >
            {zh.me.verifyNow}
          </Button>
        </View>
      ) : null}
      {profile?.role === 'resident' && profile.verified && glance && !team ? (
        <View className="jy-card">
          <View>{t.signHint}</View>
          <Button
            type="primary"
            size="large"
            block
            onClick={() => Taro.switchTab({ url: '/pages/sign/index' })}
          >
            {zh.home.entries.sign}
          </Button>
        </View>
      ) : null}
      {team ? (
        <View className="jy-card" data-testid="home-team">
          <View className="jy-subtitle">{t.myTeam}</View>
          <View>{team.teamName}</View>
          <View className="jy-muted">{team.institutionName}</View>
          <View className="jy-people">
            {(team.contacts ?? []).map((m) => (
              <View key={`${m.name}-${m.position}`} className="jy-person">
                <View className="jy-avatar" aria-hidden>
                  {m.name.slice(0, 1)}
                </View>
                <View>{m.name}</View>
                <View className="jy-muted">{m.position}</View>
              </View>
            ))}
          </View>
          {team.institutionPhone ? (
            <Button size="large" block onClick={() => call(team.institutionPhone ?? '')}>
              {t.call(team.institutionPhone)}
            </Button>
          ) : null}
          {/* Ask the signed team online (sub-package consult, issue 18). */}
          <Button
            type="primary"
            size="large"
            block
            onClick={() => Taro.navigateTo({ url: '/packages/consult/pages/index/index' })}
          >
            咨询家庭医生
          </Button>
        </View>
      ) : null}
      {team ? (
        <View className="jy-card jy-glance">
          <View
            className="jy-glance__row"
            onClick={() => Taro.navigateTo({ url: '/pages/appointments/index' })}
          >
            <View className="jy-subtitle">{t.next}</View>
            <View data-testid="home-next">
              {glance?.next
                ? t.nextShown(glance.next.day, glance.next.time, glance.next.residentName)
                : t.noNext}
            </View>
          </View>
          <View className="jy-glance__row" data-testid="home-due">
            <View className="jy-subtitle">{t.due}</View>
            {glance?.due === undefined ? (
              <View className="jy-muted">{t.dueUnknown}</View>
            ) : glance.due.length === 0 ? (
              <View className="jy-muted">{t.noDue}</View>
            ) : (
              glance.due
                .slice(0, 3)
                .map((d) => (
                  <View key={`${d.kindLabel}-${d.end}`}>
                    {t.dueShown(d.kindLabel, d.end, d.state === 'overdue')}
                  </View>
                ))
            )}
          </View>
          {glance?.unread !== undefined ? (
            <View className="jy-glance__row" data-testid="home-unread">
              <View className="jy-subtitle">{t.messages}</View>
              <View>{glance.unread > 0 ? t.unread(glance.unread) : t.noUnread}</View>
            </View>
          ) : null}
        </View>
      ) : null}
      <View className="jy-grid">
        {ENTRIES.map((e) => (
          <View key={e.key} className="jy-tile" onClick={() => Taro.switchTab({ url: e.url })}>
            {zh.home.entries[e.key]}
          </View>
        ))}
      </View>
      <View className="jy-card" style={{ marginTop: '0.6em' }}>
        <StatusBadge label={STATUS_TEXT[status]} tone={TONE[status]} large={largeFont} />
      </View>
    </Page>
  );
}
