import { Button } from '@nutui/nutui-react-taro';
import { TAG_LABELS } from '@shared/constants/messages';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { yuanOf, zhContract } from '../../../../i18n/contract';
import type { ContractView } from '../../../../services/contract';

const t = zhContract.review;

/** One pending request as the leader sees it (the server's view carries no full ID or phone). */
export function ReviewCard({
  c,
  onConfirm,
  onReject,
  busy = false,
}: {
  c: ContractView;
  onConfirm: () => void;
  onReject: (reason: string) => void;
  /** A decision on this card is in flight: its buttons ignore further taps. */
  busy?: boolean;
}) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <View className="jy-card jy-team" data-testid={`review-${c.contractId}`}>
      <View className="jy-team__name">
        {c.residentName}
        {c.residentAge !== undefined ? (
          <Text className="jy-muted">{` · ${t.age(c.residentAge)}`}</Text>
        ) : null}
      </View>
      {c.residentTags?.length ? (
        <View className="jy-chips" data-testid={`tags-${c.contractId}`}>
          {c.residentTags.map((tag) => (
            <View key={tag} className="jy-tag">
              {TAG_LABELS[tag as keyof typeof TAG_LABELS] ?? tag}
            </View>
          ))}
        </View>
      ) : null}
      <View>{c.teamName}</View>
      <View className="jy-muted">
        {zhContract.kind[c.kind]} · {c.channel ? zhContract.channel[c.channel] : ''}
      </View>
      {c.fee ? (
        <View className="jy-row">
          <View>{c.fee.lines.map((l) => l.name).join('、')}</View>
          <View>{yuanOf(c.fee.total.feeFen)} 元</View>
        </View>
      ) : null}
      {c.verificationCode ? <View className="jy-muted">{t.codeShown(c.verificationCode)}</View> : null}
      {rejecting ? (
        <View className="jy-actions">
          <Input
            className="jy-input"
            placeholder={t.reason}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button
            size="large"
            type="danger"
            block
            disabled={!reason.trim() || busy}
            onClick={() => onReject(reason.trim())}
          >
            {t.reject}
          </Button>
          <Button size="large" block onClick={() => setRejecting(false)}>
            {zhContract.mine.cancel}
          </Button>
        </View>
      ) : (
        <View className="jy-actions">
          <Button size="large" type="primary" block loading={busy} disabled={busy} onClick={onConfirm}>
            {t.confirm}
          </Button>
          <Button size="large" block onClick={() => setRejecting(true)}>
            {t.reject}
          </Button>
        </View>
      )}
    </View>
  );
}
