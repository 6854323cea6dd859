import '../../../../pages/forms.scss';
import '../../../../pages/sign/sign.scss';
import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
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
  const decide = (p: Promise<unknown>, ok: string) =>
    p
      .then(() => {
        setError('');
        setNotice(ok);
        return load();
      })
      .catch((e: ApiError) => setError(e.message));
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
          onConfirm={() => decide(confirmContract(c.contractId), t.confirmed)}
          onReject={(reason) => decide(rejectContract(c.contractId, reason), t.rejected)}
        />
      ))}
      <AssistForm />
    </Page>
  );
}
