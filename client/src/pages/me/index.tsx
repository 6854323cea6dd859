import { Cell, Switch } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { zh } from '../../i18n/zh';
import { Page, useTheme } from '../../theme/theme';

const STAFF_PAGES = [
  { key: 'doctor', url: '/packages/doctor/pages/index/index' },
  { key: 'grid', url: '/packages/grid/pages/index/index' },
  { key: 'admin', url: '/packages/admin/pages/index/index' },
] as const;

/** 我的: settings (large-font mode) and, for staff, the entries into their sub-packages. */
export default function Me() {
  const { largeFont, setLargeFont } = useTheme();
  return (
    <Page>
      <View className="jy-title">{zh.me.title}</View>
      <Cell.Group>
        <Cell
          title={zh.me.largeFont}
          description={zh.me.largeFontHint}
          extra={
            <Switch
              checked={largeFont}
              onChange={(v: boolean) => setLargeFont(v)}
              aria-label={zh.me.largeFont}
            />
          }
        />
      </Cell.Group>
      <Cell.Group title={zh.me.staffEntries}>
        {STAFF_PAGES.map((p) => (
          <Cell key={p.key} title={zh.me[p.key]} clickable onClick={() => Taro.navigateTo({ url: p.url })} />
        ))}
      </Cell.Group>
    </Page>
  );
}
