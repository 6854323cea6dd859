import { Text, View } from '@tarojs/components';
import { zh } from '../../i18n/zh';
import { Page } from '../../theme/theme';

/** booking tab: placeholder shell until its feature issue lands. */
export default function Booking() {
  return (
    <Page>
      <View className="jy-title">{zh.booking.title}</View>
      <View className="jy-card">
        <Text className="jy-muted">{zh.booking.empty}</Text>
      </View>
    </Page>
  );
}
