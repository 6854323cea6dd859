import { Button } from '@nutui/nutui-react-taro';
import { Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { zhContract } from '../../../../i18n/contract';
import type { ApiError } from '../../../../services/api';
import { listTeams, type TeamSummary } from '../../../../services/contract';

/**
 * Assisted signing for a resident without a smartphone: the doctor or grid worker opens the flow
 * on their own phone for that resident; the server records the channel from the caller's role.
 */
export function AssistForm() {
  const [residentId, setResidentId] = useState('');
  const [teams, setTeams] = useState<TeamSummary[]>([]);
  const [error, setError] = useState('');
  const pickTeam = () =>
    listTeams()
      .then((r) => setTeams(r.teams))
      .catch((e: ApiError) => setError(e.message));
  const start = (teamId: string) =>
    Taro.navigateTo({
      url: `/packages/sign/pages/flow/index?teamId=${teamId}&residentId=${encodeURIComponent(residentId.trim())}`,
    });
  return (
    <View className="jy-card">
      <View className="jy-subtitle">{zhContract.review.assist}</View>
      <Input
        className="jy-input"
        placeholder="居民编号"
        value={residentId}
        onInput={(e) => setResidentId(e.detail.value)}
      />
      {error ? <View className="jy-error">{error}</View> : null}
      <View className="jy-actions">
        {teams.length === 0 ? (
          <Button size="large" block disabled={!residentId.trim()} onClick={pickTeam}>
            选择签约团队
          </Button>
        ) : (
          teams.map((tm) => (
            <Button key={tm.teamId} size="large" block onClick={() => start(tm.teamId)}>
              {tm.name}
            </Button>
          ))
        )}
      </View>
    </View>
  );
}
