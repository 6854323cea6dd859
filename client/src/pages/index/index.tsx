import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { zh } from '../../i18n/zh';
import { ping } from '../../services/system';
import { Page } from '../../theme/theme';

type Status = 'checking' | 'ok' | 'down';

const ENTRIES = [
  { key: 'sign', url: '/pages/sign/index', tab: true },
  { key: 'booking', url: '/pages/booking/index', tab: true },
  { key: 'health', url: '/pages/health/index', tab: true },
  { key: 'family', url: '/pages/me/index', tab: true },
] as const;

/** 首页: greeting, the main entries, and whether the service can be reached. */
export default function Home() {
  const [status, setStatus] = useState<Status>('checking');

  useEffect(() => {
    let live = true;
    ping()
      .then(() => live && setStatus('ok'))
      .catch(() => live && setStatus('down'));
    return () => {
      live = false;
    };
  }, []);

  const statusText =
    status === 'ok' ? zh.home.serviceOk : status === 'down' ? zh.home.serviceDown : zh.home.serviceChecking;

  return (
    <Page>
      <View className="jy-card">
        <View className="jy-title">{zh.home.greeting}</View>
        <Text className="jy-muted">{zh.home.intro}</Text>
      </View>
      <View className="jy-grid">
        {ENTRIES.map((e) => (
          <View key={e.key} className="jy-tile" onClick={() => Taro.switchTab({ url: e.url })}>
            {zh.home.entries[e.key]}
          </View>
        ))}
      </View>
      <View className="jy-card" style={{ marginTop: '0.6em' }}>
        <Text className={status === 'down' ? 'jy-status--bad' : 'jy-status--ok'} data-testid="service-status">
          {statusText}
        </Text>
      </View>
    </Page>
  );
}
