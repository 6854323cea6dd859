import { Button } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@shared/constants/messages';
import type { TeamPosition } from '@shared/constants/roles';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { FieldError } from '../../../../components/form/FieldError';
import { useSubmit } from '../../../../components/form/useSubmit';
import { staffZh } from '../../../../i18n/staff';
import { ApiError } from '../../../../services/api';
import { createStaff, type IssuedCode, type StaffList } from '../../../../services/staff';
import { Chips } from './Chips';

const t = staffZh;
type Kind = 'team' | 'grid_worker' | 'institution_admin';
// The leader (团队长) is named on the team, not chosen here.
const POSITIONS: TeamPosition[] = [
  'gp',
  'nurse',
  'public_health_doctor',
  'health_manager',
  'nutritionist',
  'psychologist',
  'rehab_therapist',
  'county_doctor',
];
const EMPTY = {
  name: '',
  mobile: '',
  kind: 'team' as Kind,
  teamId: '',
  position: '' as TeamPosition | '',
  gridId: '',
};

/**
 * 新增人员: name, mobile, what they do (team member with a position / grid worker / — district
 * admin only — institution admin), where. Missing fields are said next to each field before
 * sending; the server's field messages land in the same places. One request per tap.
 */
export function StaffForm({
  list,
  district,
  onCreated,
}: {
  list: StaffList;
  district: boolean;
  onCreated: (who: { name: string; mobile: string }, code: IssuedCode) => void | Promise<void>;
}) {
  const [f, setF] = useState(EMPTY);
  const kinds = (Object.keys(t.kinds) as Kind[])
    .filter((k) => k !== 'institution_admin' || district)
    .map((k) => ({ id: k, name: t.kinds[k] }));
  const s = useSubmit(
    async () => {
      try {
        return await createStaff({
          name: f.name.trim(),
          mobile: f.mobile.trim(),
          role: f.kind === 'team' ? 'doctor' : f.kind,
          ...(f.kind === 'team' ? { teamId: f.teamId, position: f.position as TeamPosition } : {}),
          ...(f.kind === 'grid_worker' ? { gridId: f.gridId } : {}),
          ...(f.kind === 'institution_admin' && list.institutionId
            ? { institutionId: list.institutionId }
            : {}),
        });
      } catch (e) {
        // An account with this mobile exists: that is the mobile field's problem.
        if (e instanceof ApiError && e.code === 'STAFF_EXISTS')
          throw new ApiError(e.code, e.message, [{ path: 'mobile', message: e.message }]);
        throw e;
      }
    },
    {
      check: () => {
        const m: Record<string, string> = {};
        if (!f.name.trim()) m.name = t.missing.name;
        if (!f.mobile.trim()) m.mobile = t.missing.mobile;
        if (f.kind === 'team' && !f.teamId) m.teamId = t.missing.teamId;
        if (f.kind === 'team' && !f.position) m.position = t.missing.position;
        if (f.kind === 'grid_worker' && !f.gridId) m.gridId = t.missing.gridId;
        return m;
      },
      onDone: async (r) => {
        if (!r) return;
        const who = { name: f.name.trim(), mobile: f.mobile.trim() };
        setF({ ...EMPTY, kind: f.kind, teamId: f.teamId });
        await onCreated(who, r);
      },
    },
  );
  const set = (k: keyof typeof f) => (v: string) => {
    setF({ ...f, [k]: v });
    s.clearField(k);
  };
  const bad = (k: string) => `jy-input${s.fields[k] ? ' jy-input--bad' : ''}`;
  return (
    <View className="jy-card jy-form" data-testid="staff-form">
      <View className="jy-subtitle">{t.create}</View>
      <Input
        className={bad('name')}
        placeholder={t.name}
        value={f.name}
        onInput={(e) => set('name')(e.detail.value)}
      />
      <FieldError message={s.fields.name} />
      <Input
        className={bad('mobile')}
        placeholder={t.mobile}
        type="number"
        maxlength={11}
        value={f.mobile}
        onInput={(e) => set('mobile')(e.detail.value)}
      />
      <FieldError message={s.fields.mobile} />
      <View className="jy-field-label">{t.kind}</View>
      <Chips options={kinds} value={f.kind} onChange={(k) => setF({ ...f, kind: k })} testId="staff-kind" />
      <FieldError message={s.fields.role} />
      {f.kind === 'team' ? (
        <>
          <View className="jy-field-label">{t.team}</View>
          {list.teams.length === 0 ? <View className="jy-muted">{t.noTeams}</View> : null}
          <Chips options={list.teams} value={f.teamId} onChange={set('teamId')} testId="staff-team" />
          <FieldError message={s.fields.teamId} />
          <View className="jy-field-label">{t.position}</View>
          <Chips
            options={POSITIONS.map((p) => ({ id: p, name: ROLE_LABELS[p] }))}
            value={f.position}
            onChange={set('position')}
            testId="staff-position"
          />
          <FieldError message={s.fields.position} />
        </>
      ) : null}
      {f.kind === 'grid_worker' ? (
        <>
          <View className="jy-field-label">{t.grid}</View>
          {list.grids.length === 0 ? <View className="jy-muted">{t.noGrids}</View> : null}
          <Chips options={list.grids} value={f.gridId} onChange={set('gridId')} testId="staff-grid" />
          <FieldError message={s.fields.gridId} />
        </>
      ) : null}
      {s.error ? <View className="jy-error">{s.error}</View> : null}
      <Button type="primary" block loading={s.busy} disabled={s.busy} onClick={() => void s.submit()}>
        {t.submit}
      </Button>
    </View>
  );
}
