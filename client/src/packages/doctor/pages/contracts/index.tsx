import '../../../../pages/forms.scss';
import '../../../../pages/sign/sign.scss';
import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { zhContract } from '../../../../i18n/contract';
import type { ApiError } from '../../../../services/api';
import {
  type ContractView,
  confirmContract,
  pendingList,
  rejectContract,
} from '../../../../services/contract';
import { Page } from '../../../../theme/theme';
import { AssistForm } from './AssistForm';
import { ReviewCard } from './ReviewCard';

const t = zhContract.review;

/** Team leader / institution admin: requests waiting for a decision; confirm or reject with a reason. */
export default function ContractReview() {
  const [list, setList] = useState<ContractView[] | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const load = () =>
    pendingList()
      .then((r) => setList(r.contracts))
      .catch((e: ApiError) => setError(e.message));
  useDidShow(() => {
    load();
  });
  // One decision per card at a time: a second tap while the first is in flight is ignored, and
  // the server answers a repeated confirmation with the confirmed contract (shown as success).
  const inFlight = useRef(new Set<string>());
  const [busy, setBusy] = useState<string[]>([]);
  const decide = async (id: string, run: () => Promise<unknown>, ok: string) => {
    if (inFlight.current.has(id)) return;
    inFlight.current.add(id);
    setBusy([...inFlight.current]);
    try {
      await run();
      setError('');
      setNotice(ok);
      await load();
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      inFlight.current.delete(id);
      setBusy([...inFlight.current]);
    }
  };
  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      {error ? <View className="jy-error">{error}</View> : null}
      {notice && !error ? <View className="jy-ok">{notice}</View> : null}
      <View className="jy-subtitle">{t.pending}</View>
      {list !== null && list.length === 0 ? <View className="jy-muted">{t.none}</View> : null}
      {(list ?? []).map((c) => (
        <ReviewCard
          key={c.contractId}
          c={c}
          busy={busy.includes(c.contractId)}
          onConfirm={() => void decide(c.contractId, () => confirmContract(c.contractId), t.confirmed)}
          onReject={(reason) =>
            void decide(c.contractId, () => rejectContract(c.contractId, reason), t.rejected)
          }
        />
      ))}
      <AssistForm />
    </Page>
  );
}
