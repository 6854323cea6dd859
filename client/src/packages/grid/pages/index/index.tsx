import '../../support/grid.scss';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { gridText } from '../../../../i18n/grid';
import { Page } from '../../../../theme/theme';
import { QueueBanner } from '../../support/QueueBanner';

const t = gridText.home;
const go = (url: string) => () => Taro.navigateTo({ url });

/** 网格员工作台: three large entries, reachable with one thumb; what waits for the network on top. */
export default function GridHome() {
  return (
    <Page className="jy-gridpage">
      <View className="jy-title">{t.title}</View>
      <QueueBanner />
      <View className="jy-tiles">
        <View className="jy-bigtile" onClick={go('/packages/grid/pages/scan/index')}>
          <View className="jy-bigtile__title">{t.scan}</View>
          <Text>{t.scanHint}</Text>
        </View>
        <View className="jy-bigtile jy-bigtile--light" onClick={go('/packages/grid/pages/mine/index')}>
          <View className="jy-bigtile__title">{t.mine}</View>
          <Text>{t.mineHint}</Text>
        </View>
        <View className="jy-bigtile jy-bigtile--light" onClick={go('/packages/grid/pages/reports/index')}>
          <View className="jy-bigtile__title">{t.reports}</View>
          <Text>{t.reportsHint}</Text>
        </View>
      </View>
    </Page>
  );
}
