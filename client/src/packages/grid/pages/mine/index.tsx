import '../../../../pages/forms.scss';
import '../../support/grid.scss';
import { Cell } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@shared/api/define';
import type { gridOverview } from '@shared/api/grid';
import { TAG_LABELS } from '@shared/constants/messages';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { gridText } from '../../../../i18n/grid';
import type { ApiError } from '../../../../services/api';
import { getGridOverview } from '../../../../services/grid';
import { Page } from '../../../../theme/theme';
import { QueueBanner } from '../../support/QueueBanner';

type Overview = OutputOf<typeof gridOverview>;
const t = gridText.mine;
const openHousehold = (id: string) => () =>
  Taro.navigateTo({ url: `/packages/grid/pages/scan/index?householdId=${id}` });

/** 我的网格: totals, the key populations not yet signed (the worker's to-do), every household. */
export default function MyGrid() {
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState('');
  useDidShow(() => {
    getGridOverview()
      .then(setData)
      .catch((e: ApiError) => setError(e.message));
  });
  return (
    <Page className="jy-gridpage">
      <QueueBanner />
      <View className="jy-title">{data?.gridName ?? t.title}</View>
      {error ? <View className="jy-error">{error}</View> : null}
      {data ? (
        <>
          <View className="jy-stats">
            <View className="jy-stat">
              <View className="jy-stat__n">{data.totals.households}</View>
              <Text>{t.households}</Text>
            </View>
            <View className="jy-stat">
              <View className="jy-stat__n">{data.totals.residents}</View>
              <Text>{t.residents}</Text>
            </View>
            <View className="jy-stat">
              <View className="jy-stat__n">{data.totals.signed}</View>
              <Text>{t.signed}</Text>
            </View>
            <View className="jy-stat">
              <View className="jy-stat__n jy-status--bad">{data.totals.keyUnsigned}</View>
              <Text>{t.keyUnsigned}</Text>
            </View>
          </View>
          <View className="jy-subtitle">{t.todo}</View>
          {data.todo.length === 0 ? <View className="jy-muted">{t.todoEmpty}</View> : null}
          <Cell.Group>
            {data.todo.map((m) => (
              <Cell
                key={m.residentId}
                title={`${m.name} · ${m.address}`}
                description={m.tags.map((x) => TAG_LABELS[x]).join('、')}
                clickable
                onClick={openHousehold(m.householdId)}
              />
            ))}
          </Cell.Group>
          <View className="jy-subtitle">{t.all}</View>
          <Cell.Group>
            {data.households.map((h) => (
              <Cell
                key={h.householdId}
                title={h.address}
                description={h.members ? t.memberLine(h.members, h.signed) : t.vacant}
                extra={h.todo ? `${h.todo}` : ''}
                clickable
                onClick={openHousehold(h.householdId)}
              />
            ))}
          </Cell.Group>
        </>
      ) : null}
    </Page>
  );
}
