import { Text, View } from '@tarojs/components';
import { zh } from '../../i18n/zh';
import { Page } from '../../theme/theme';
import { CarePlan } from './CarePlan';
import { EducationFeed } from './EducationFeed';

/** health tab: placeholder shell until its feature issue lands. */
export default function Health() {
  return (
    <Page>
      <View className="jy-title">{zh.health.title}</View>
      <CarePlan />
      <View className="jy-card">
        <Text className="jy-muted">{zh.health.empty}</Text>
      </View>
      <EducationFeed />
    </Page>
  );
}
