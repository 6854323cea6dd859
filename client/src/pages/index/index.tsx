import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import { zh } from '../../i18n/zh';
import { ping } from '../../services/system';
import { Page, useTheme } from '../../theme/theme';

type Status = 'checking' | 'ok' | 'down';

const TONE = { checking: 'idle', ok: 'ok', down: 'bad' } as const;
const STATUS_TEXT = { checking: zh.home.serviceChecking, ok: zh.home.serviceOk, down: zh.home.serviceDown };

const ENTRIES = [
  { key: 'sign', url: '/pages/sign/index' },
  { key: 'booking', url: '/pages/booking/index' },
  { key: 'health', url: '/pages/health/index' },
  { key: 'family', url: '/pages/me/index' },
] as const;

/** 首页: greeting, the main entries, and whether the service can be reached. */
export default function Home() {
  const [status, setStatus] = useState<Status>('checking');
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
        <StatusBadge label={STATUS_TEXT[status]} tone={TONE[status]} large={largeFont} />
      </View>
    </Page>
  );
}
