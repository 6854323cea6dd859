import { Text, View } from '@tarojs/components';
import { zh } from '../../../../i18n/zh';
import { Page } from '../../../../theme/theme';

/** Grid work area (sub-package): shell until its feature issue lands. */
export default function GridHome() {
  return (
    <Page>
      <View className="jy-title">{zh.grid.title}</View>
      <View className="jy-card">
        <Text className="jy-muted">{zh.grid.intro}</Text>
      </View>
    </Page>
  );
}
