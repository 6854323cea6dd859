import { Text, View } from '@tarojs/components';
import { zh } from '../../../../i18n/zh';
import { Page } from '../../../../theme/theme';

/** Doctor work area (sub-package): shell until its feature issue lands. */
export default function DoctorHome() {
  return (
    <Page>
      <View className="jy-title">{zh.doctor.title}</View>
      <View className="jy-card">
        <Text className="jy-muted">{zh.doctor.intro}</Text>
      </View>
    </Page>
  );
}
