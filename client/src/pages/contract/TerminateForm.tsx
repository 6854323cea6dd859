import { Button } from '@nutui/nutui-react-taro';
import { TERMINATION_REASONS } from '@shared/contract/reasons';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { zhContract } from '../../i18n/contract';
import type { TerminationReason } from '../../services/contract';

const t = zhContract.mine;

/** Terminating needs a reason (and a note for 其他原因). */
export function TerminateForm({
  onSubmit,
  onCancel,
  busy = false,
}: {
  onSubmit: (reason: TerminationReason, note: string) => void;
  onCancel: () => void;
  /** The termination is in flight: a second tap does nothing. */
  busy?: boolean;
}) {
  const [reason, setReason] = useState<TerminationReason | null>(null);
  const [note, setNote] = useState('');
  const ok = reason !== null && (reason !== 'other' || note.trim() !== '');
  return (
    <View>
      <View className="jy-subtitle">{t.terminateReason}</View>
      {TERMINATION_REASONS.filter((r) => r !== 'deceased' && r !== 'team_dissolved').map((r) => (
        <View key={r} className={`jy-pick${reason === r ? ' jy-pick--on' : ''}`} onClick={() => setReason(r)}>
          {zhContract.reasons[r]}
        </View>
      ))}
      <Input
        className="jy-input"
        placeholder={t.note}
        value={note}
        onInput={(e) => setNote(e.detail.value)}
      />
      <View className="jy-actions">
        <Button
          size="large"
          type="danger"
          block
          loading={busy}
          disabled={!ok || busy}
          onClick={() => reason && onSubmit(reason, note.trim())}
        >
          {t.confirmTerminate}
        </Button>
        <Button size="large" block onClick={onCancel}>
          {t.cancel}
        </Button>
      </View>
    </View>
  );
}
