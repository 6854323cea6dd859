import { Button } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@shared/constants/messages';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { yuanOf, zhContract } from '../../i18n/contract';
import type { ApiError } from '../../services/api';
import { type TeamDetail, type TeamSummary, teamDetail } from '../../services/contract';

const t = zhContract.team;

/** One team: summary always; members, service area and packages once opened. */
export function TeamCard({ team, onChoose }: { team: TeamSummary; onChoose: (teamId: string) => void }) {
  const [detail, setDetail] = useState<TeamDetail | null>(null);
  const [error, setError] = useState('');
  const left = Math.max(0, team.capacity - team.signedCount);
  const open = () => {
    if (detail) return setDetail(null);
    teamDetail(team.teamId)
      .then(setDetail)
      .catch((e: ApiError) => setError(e.message));
  };
  return (
    <View className="jy-card jy-team" data-testid={`team-${team.teamId}`}>
      <View className="jy-team__name" onClick={open}>
        {team.name}
      </View>
      <View className="jy-muted">{team.institutionName}</View>
      {team.servesYou ? <View className="jy-ok">{zhContract.tab.servesYou}</View> : null}
      {team.whyNot ? (
        <View className="jy-hint" data-testid={`why-${team.teamId}`}>
          {team.whyNot}
        </View>
      ) : null}
      <View className="jy-row">
        <View>
          {t.leader}：{team.leaderName}
        </View>
        <View className={left > 0 ? 'jy-ok' : 'jy-error'}>{left > 0 ? t.placesLeft(left) : t.full}</View>
      </View>
      {error ? <View className="jy-error">{error}</View> : null}
      {detail ? (
        <View>
          <View className="jy-subtitle">{t.members}</View>
          {detail.members.map((m) => (
            <View key={m.staffId} className="jy-row">
              <View>{m.name}</View>
              <View className="jy-muted">{ROLE_LABELS[m.position]}</View>
            </View>
          ))}
          <View className="jy-subtitle">{t.packages}</View>
          {detail.packages.map((p) => (
            <View key={p.packageId} className="jy-row">
              <View>{p.name}</View>
              <View className="jy-muted">{t.fee(yuanOf(p.feeFen))}</View>
            </View>
          ))}
          <View className="jy-muted">{t.signed(detail.signedCount, detail.capacity)}</View>
        </View>
      ) : null}
      <View className="jy-actions">
        <Button size="large" onClick={open}>
          {detail ? t.collapse : t.details}
        </Button>
        {team.whyNot ? null : (
          <Button size="large" type="primary" disabled={left === 0} onClick={() => onChoose(team.teamId)}>
            {t.choose}
          </Button>
        )}
      </View>
    </View>
  );
}
