import { View } from '@tarojs/components';
import { zhContract } from '../../i18n/contract';
import type { ContractView } from '../../services/contract';

const STEPS = [
  'signedAt',
  'confirmedAt',
  'rejectedAt',
  'withdrawnAt',
  'terminatedAt',
  'supersededAt',
] as const;

/** Local date and time of an ISO instant, e.g. 2026-11-25 20:30. */
const when = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
};

/** What happened to a contract, in order. */
export function Timeline({ c }: { c: ContractView }) {
  const events = STEPS.filter((k) => c[k]).map((k) => ({ k, at: c[k] as string }));
  events.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <View className="jy-timeline">
      {events.map((e) => (
        <View key={e.k} className="jy-row">
          <View>{zhContract.timeline[e.k]}</View>
          <View className="jy-muted">{when(e.at)}</View>
        </View>
      ))}
    </View>
  );
}
