import { Text, View } from '@tarojs/components';
import { zh } from '../../../../i18n/zh';
import { Page } from '../../../../theme/theme';

/** Admin work area (sub-package): shell until its feature issue lands. */
export default function AdminHome() {
  return (
    <Page>
      <View className="jy-title">{zh.admin.title}</View>
      <View className="jy-card">
        <Text className="jy-muted">{zh.admin.intro}</Text>
      </View>
    </Page>
  );
}
