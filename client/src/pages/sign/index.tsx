import '../forms.scss';
import './sign.scss';
import { Button } from '@nutui/nutui-react-taro';
import { Input, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { zhContract } from '../../i18n/contract';
import { zh } from '../../i18n/zh';
import type { ApiError } from '../../services/api';
import { listTeams, type TeamSummary } from '../../services/contract';
import { Page } from '../../theme/theme';
import { CHANGE_KEY, type ChangeOf } from './change';
import { TeamCard } from './TeamCard';

const t = zhContract.tab;

/**
 * 签约 tab: teams serving my grid / community first (ranked by the server), a search over the
 * list, and a team card to open. Choosing a team starts the signing flow (sub-package).
 */
export default function Sign() {
  const [change, setChange] = useState<ChangeOf | null>(null);
  const [teams, setTeams] = useState<TeamSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [error, setError] = useState('');
  useDidShow(() => {
    const pending = Taro.getStorageSync(CHANGE_KEY) as ChangeOf | '';
    if (pending) {
      setChange(pending);
      Taro.removeStorageSync(CHANGE_KEY);
    }
    listTeams()
      .then((r) => setTeams(r.teams))
      .catch((e: ApiError) => setError(e.message));
  });
  // Passed through when the flow is a change of team.
  const extra = change ? `&contractId=${change.contractId}&residentId=${change.residentId}` : '';
  const choose = (teamId: string) =>
    Taro.navigateTo({ url: `/packages/sign/pages/flow/index?teamId=${encodeURIComponent(teamId)}${extra}` });
  const q = query.trim();
  const shown = (teams ?? []).filter(
    (x) => !q || x.name.includes(q) || x.institutionName.includes(q) || x.leaderName.includes(q),
  );
  return (
    <Page>
      <View className="jy-title">{zh.sign.title}</View>
      <Button size="large" block onClick={() => Taro.navigateTo({ url: '/pages/contract/index' })}>
        {t.mine}
      </Button>
      {change ? (
        <View className="jy-card jy-row">
          <View>{t.changing}</View>
          <Button onClick={() => setChange(null)}>{zhContract.mine.cancel}</Button>
        </View>
      ) : null}
      <View className="jy-subtitle">{t.title}</View>
      <View className="jy-muted">{t.hint}</View>
      <Input
        className="jy-input"
        placeholder={t.search}
        value={query}
        onInput={(e) => setQuery(e.detail.value)}
      />
      {error ? <View className="jy-error">{error}</View> : null}
      {teams === null && !error ? <View className="jy-muted">{t.loading}</View> : null}
      {teams !== null && shown.length === 0 ? <View className="jy-muted">{t.none}</View> : null}
      {shown.map((team) => (
        <TeamCard key={team.teamId} team={team} onChoose={choose} />
      ))}
    </Page>
  );
}
