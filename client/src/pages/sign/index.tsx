import { Text, View } from '@tarojs/components';
import { zh } from '../../i18n/zh';
import { Page } from '../../theme/theme';

/** sign tab: placeholder shell until its feature issue lands. */
export default function Sign() {
  return (
    <Page>
      <View className="jy-title">{zh.sign.title}</View>
      <View className="jy-card">
        <Text className="jy-muted">{zh.sign.empty}</Text>
      </View>
    </Page>
  );
}
