import { Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { eduZh } from '../../../../i18n/education';
import { gridText } from '../../../../i18n/grid';
import { staffZh } from '../../../../i18n/staff';
import { statsZh } from '../../../../i18n/stats';
import { zh } from '../../../../i18n/zh';
import type { ApiError } from '../../../../services/api';
import { listTeams } from '../../../../services/contract';
import { me } from '../../../../services/user';
import { Page } from '../../../../theme/theme';

type Team = { teamId: string; name: string };
const t = zh.admin;
const go = (url: string) => () => Taro.navigateTo({ url });

/** 管理后台 (家医管家): the institution's teams, each with its schedule editor; contract review. */
export default function AdminHome() {
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [error, setError] = useState('');
  const [district, setDistrict] = useState(false);
  useDidShow(() => {
    me()
      .then((p) => {
        // A district admin has no institution of their own: the dashboard is their entry.
        setDistrict(p.role === 'district_admin');
        return p;
      })
      .then((p) =>
        p.institutionId ? listTeams({ institutionId: p.institutionId }) : { teams: [], total: 0 },
      )
      .then((r) => setTeams(r.teams.map((x) => ({ teamId: x.teamId, name: x.name }))))
      .catch((e: ApiError) => setError(e.message || zh.staffHome.loadFailed));
  });
  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      {error ? <Text className="jy-status--bad">{error}</Text> : null}
      <Cell.Group>
        <Cell
          title={statsZh.entry}
          description={statsZh.entryHint}
          clickable
          onClick={go('/packages/admin/pages/dashboard/index')}
        />
        <Cell
          title={staffZh.entry}
          description={staffZh.entryHint}
          clickable
          onClick={go('/packages/admin/pages/staff/index')}
        />
        <Cell title={t.review} clickable onClick={go('/packages/doctor/pages/contracts/index')} />
        <Cell
          title={eduZh.staff.entry}
          description={eduZh.staff.entryHint}
          clickable
          onClick={go('/packages/edu/pages/list/index')}
        />
        <Cell
          title={gridText.plates.title}
          description={gridText.plates.intro}
          clickable
          onClick={go('/packages/admin/pages/plates/index')}
        />
      </Cell.Group>
      {teams && teams.length === 0 && !district ? <Text className="jy-muted">{t.noTeams}</Text> : null}
      {(teams ?? []).map((team) => (
        <Cell.Group key={team.teamId} title={team.name}>
          <Cell
            title={t.schedule}
            description={t.scheduleHint}
            clickable
            onClick={go(`/packages/admin/pages/schedule/index?teamId=${team.teamId}`)}
          />
        </Cell.Group>
      ))}
    </Page>
  );
}
