import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import { STATUS_TONE, zhContract } from '../../i18n/contract';
import type { ContractView, TerminationReason } from '../../services/contract';
import { TerminateForm } from './TerminateForm';
import { Timeline } from './Timeline';

const t = zhContract.mine;
export type CardActions = {
  withdraw: (c: ContractView) => void;
  renew: (c: ContractView) => void;
  change: (c: ContractView) => void;
  terminate: (c: ContractView, reason: TerminationReason, note: string) => void;
  pdf: (c: ContractView) => void;
};

const Line = ({ label, value }: { label: string; value?: string }) =>
  value ? (
    <View className="jy-row">
      <View className="jy-muted">{label}</View>
      <View>{value}</View>
    </View>
  ) : null;

/** One contract: status, dates, team contacts, timeline and what the resident may do now. */
export function ContractCard({
  c,
  today,
  act,
  busy = false,
}: {
  c: ContractView;
  today: string;
  act: CardActions;
  /** An action on this card is in flight: its submitting buttons ignore further taps. */
  busy?: boolean;
}) {
  const [ending, setEnding] = useState(false);
  const live = c.status === 'active' || c.status === 'upcoming';
  const inWindow =
    live && !!c.renewableFrom && !!c.renewableUntil && c.renewableFrom <= today && today <= c.renewableUntil;
  return (
    <View className="jy-card jy-team" data-testid={`contract-${c.contractId}`}>
      <View className="jy-row">
        <View className="jy-team__name">{c.residentName}</View>
        <StatusBadge label={zhContract.status[c.status]} tone={STATUS_TONE[c.status]} large />
      </View>
      <View>
        {c.teamName}
        {c.institutionName ? ` · ${c.institutionName}` : ''}
      </View>
      <Line label={zhContract.team.leader} value={c.leaderName} />
      <Line label={t.effective} value={c.startDate} />
      <Line label={t.expiry} value={c.endDate} />
      <Line label={t.requestedStart} value={c.status === 'pending' ? c.requestedStart : undefined} />
      <Line label={t.code} value={c.verificationCode} />
      {c.verificationCode ? <View className="jy-muted">{t.codeHint}</View> : null}
      <Line label={t.rejectReason} value={c.rejectReason} />
      {c.renewableFrom && c.renewableUntil && live ? (
        <View className="jy-muted">{t.renewWindow(c.renewableFrom, c.renewableUntil)}</View>
      ) : null}
      {c.contacts && c.contacts.length > 0 && live ? (
        <View>
          <View className="jy-subtitle">{t.contacts}</View>
          {c.contacts.map((m) => (
            <Line key={`${m.name}-${m.position}`} label={m.position} value={m.name} />
          ))}
        </View>
      ) : null}
      <View className="jy-subtitle">{t.timeline}</View>
      <Timeline c={c} />
      {ending && c.status === 'active' ? (
        <TerminateForm
          busy={busy}
          onCancel={() => setEnding(false)}
          onSubmit={(r, n) => act.terminate(c, r, n)}
        />
      ) : (
        <View className="jy-actions">
          {c.status === 'pending' ? (
            <Button size="large" block loading={busy} disabled={busy} onClick={() => act.withdraw(c)}>
              {t.withdraw}
            </Button>
          ) : null}
          {live || c.status === 'expired' ? (
            <Button size="large" type="primary" block onClick={() => act.pdf(c)}>
              {t.pdf}
            </Button>
          ) : null}
          {inWindow ? (
            <Button size="large" type="primary" block onClick={() => act.renew(c)}>
              {t.renew}
            </Button>
          ) : null}
          {live ? (
            <Button size="large" block onClick={() => act.change(c)}>
              {t.change}
            </Button>
          ) : null}
          {c.status === 'active' ? (
            <Button size="large" block onClick={() => setEnding(true)}>
              {t.terminate}
            </Button>
          ) : null}
        </View>
      )}
    </View>
  );
}
