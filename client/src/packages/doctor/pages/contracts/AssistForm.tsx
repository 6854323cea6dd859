import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { zhContract } from '../../../../i18n/contract';
import { staffZh } from '../../../../i18n/staff';
import type { ApiError } from '../../../../services/api';
import { listTeams, type TeamSummary } from '../../../../services/contract';
import type { ResidentMatch } from '../../../../services/staff';
import { me } from '../../../../services/user';
import { ResidentSearch } from './ResidentSearch';

/**
 * Assisted signing for a resident without a smartphone: the doctor or grid worker finds the
 * resident (name + last 4 of ID or phone, own service area only), then opens the flow on their own
 * phone for that resident; the server records the channel from the caller's role.
 */
export function AssistForm() {
  const [chosen, setChosen] = useState<ResidentMatch | null>(null);
  const [teams, setTeams] = useState<TeamSummary[]>([]);
  const [error, setError] = useState('');
  const choose = (r: ResidentMatch) => {
    setChosen(r);
    setError('');
    // A team member signs residents up with their own team(s); others (an admin) see every team.
    Promise.all([listTeams(), me()])
      .then(([x, p]) => {
        const own = x.teams.filter((tm) => (p.teamIds ?? []).includes(tm.teamId));
        setTeams(own.length ? own : x.teams);
      })
      .catch((e: ApiError) => setError(e.message));
  };
  const start = (teamId: string) =>
    chosen &&
    Taro.navigateTo({
      url: `/packages/sign/pages/flow/index?teamId=${teamId}&residentId=${encodeURIComponent(chosen.residentId)}&name=${encodeURIComponent(chosen.name)}`,
    });
  return (
    <View className="jy-card" data-testid="assist-form">
      <View className="jy-subtitle">{zhContract.review.assist}</View>
      {chosen ? (
        <View className="jy-form">
          <View className="jy-ok">{staffZh.search.chosen(`${chosen.name}（${chosen.maskedIdNumber}）`)}</View>
          {error ? <View className="jy-error">{error}</View> : null}
          {teams.map((tm) => (
            <Button key={tm.teamId} size="large" block onClick={() => start(tm.teamId)}>
              {tm.name}
            </Button>
          ))}
          <Button
            block
            onClick={() => {
              setChosen(null);
              setTeams([]);
            }}
          >
            {staffZh.search.change}
          </Button>
        </View>
      ) : (
        <ResidentSearch onChoose={choose} />
      )}
    </View>
  );
}
