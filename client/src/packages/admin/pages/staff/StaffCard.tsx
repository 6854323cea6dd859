import { Button } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@shared/constants/messages';
import { View } from '@tarojs/components';
import { useSubmit } from '../../../../components/form/useSubmit';
import { beijingTime, staffZh } from '../../../../i18n/staff';
import { type IssuedCode, reissueBindCode, type StaffRow } from '../../../../services/staff';

const t = staffZh;

/** One colleague: name, role/position, team or grids, masked mobile, bound or not; re-issue a code. */
export function StaffCard({
  s,
  onIssued,
}: {
  s: StaffRow;
  onIssued: (s: StaffRow, code: IssuedCode) => void;
}) {
  const reissue = useSubmit(() => reissueBindCode(s.staffId), {
    onDone: (r) => {
      if (r) onIssued(s, r);
    },
  });
  const role = s.position ? ROLE_LABELS[s.position] : ROLE_LABELS[s.role];
  const where = [...s.teamNames, ...s.gridNames].join('、');
  const status = s.bound
    ? t.bound
    : s.bindCodeExpiresAt
      ? t.pending(beijingTime(s.bindCodeExpiresAt))
      : t.unbound;
  return (
    <View className="jy-card" data-testid="staff-card">
      <View className="jy-subtitle">{`${s.name} · ${role}`}</View>
      {where ? <View>{where}</View> : null}
      {s.maskedMobile ? <View className="jy-muted">{s.maskedMobile}</View> : null}
      <View className={s.bound ? 'jy-status--ok' : 'jy-muted'}>{status}</View>
      {reissue.error ? <View className="jy-error">{reissue.error}</View> : null}
      {s.bound ? null : (
        <Button
          size="small"
          loading={reissue.busy}
          disabled={reissue.busy}
          onClick={() => void reissue.submit()}
        >
          {t.reissue}
        </Button>
      )}
    </View>
  );
}
