import { Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { careZh } from '../../../../i18n/care';
import { eduZh } from '../../../../i18n/education';
import { gridText } from '../../../../i18n/grid';
import { zh } from '../../../../i18n/zh';
import type { ApiError } from '../../../../services/api';
import { teamDetail } from '../../../../services/contract';
import { me } from '../../../../services/user';
import { Page } from '../../../../theme/theme';

type Team = { teamId: string; name: string };
const t = zh.doctor;
const go = (url: string) => () => Taro.navigateTo({ url });

/** 医生工作台: the doctor's teams, each with its contract review and day agenda. */
export default function DoctorHome() {
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [error, setError] = useState('');
  useDidShow(() => {
    me()
      .then((p) => Promise.all((p.teamIds ?? []).map((id) => teamDetail(id))))
      .then((details) => setTeams(details.map((d) => ({ teamId: d.teamId, name: d.name }))))
      .catch((e: ApiError) => setError(e.message || zh.staffHome.loadFailed));
  });
  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      {error ? <Text className="jy-status--bad">{error}</Text> : null}
      <Cell.Group>
        <Cell
          title={eduZh.staff.entry}
          description={eduZh.staff.entryHint}
          clickable
          onClick={go('/packages/edu/pages/list/index')}
        />
      </Cell.Group>
      {teams && teams.length === 0 ? <Text className="jy-muted">{t.noTeam}</Text> : null}
      {(teams ?? []).map((team) => (
        <Cell.Group key={team.teamId} title={team.name}>
          <Cell
            title={careZh.worklistTitle}
            description={careZh.worklistHint}
            clickable
            onClick={go('/packages/doctor/pages/worklist/index')}
          />
          <Cell
            title={t.review}
            description={t.reviewHint}
            clickable
            onClick={go('/packages/doctor/pages/contracts/index')}
          />
          <Cell
            title={t.agenda}
            description={t.agendaHint}
            clickable
            onClick={go(`/packages/doctor/pages/agenda/index?teamId=${team.teamId}`)}
          />
          <Cell
            title={gridText.reports.teamTitle}
            description={gridText.home.reportsHint}
            clickable
            onClick={go('/packages/doctor/pages/grid-reports/index')}
          />
          <Cell
            title="居民咨询"
            description="待回复的在线咨询，超时优先"
            clickable
            onClick={go('/packages/doctor/pages/consult/index')}
          />
        </Cell.Group>
      ))}
    </Page>
  );
}
