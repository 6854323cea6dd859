import '../forms.scss';
import '../sign/sign.scss';
import { Button } from '@nutui/nutui-react-taro';
import { shanghaiDay } from '@shared/time';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { useInFlight } from '../../components/form/useInFlight';
import { zhContract } from '../../i18n/contract';
import type { ApiError } from '../../services/api';
import * as api from '../../services/contract';
import { Page } from '../../theme/theme';
import { CHANGE_KEY } from '../sign/change';
import { type CardActions, ContractCard } from './ContractCard';

const t = zhContract.mine;
// Days are Shanghai calendar days whatever the phone's zone (shared/time).
const today = () => shanghaiDay(new Date());

/** 我的签约: my and my family's contracts, newest first, with what can be done on each. */
export default function MyContracts() {
  const [list, setList] = useState<api.ContractView[] | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const load = () =>
    api
      .mine()
      .then((r) => setList([...r.contracts].sort((a, b) => b.signedAt.localeCompare(a.signedAt))))
      .catch((e: ApiError) => setError(e.message));
  // Reload whenever the page is shown: after signing, or after a decision made elsewhere.
  useDidShow(() => {
    load();
  });
  // One action per card at a time: a double tap on 撤回 / 确认解约 sends one request (issue 12).
  const guard = useInFlight();
  const run = (c: api.ContractView, p: () => Promise<unknown>, ok = t.done) =>
    guard.run(c.contractId, () =>
      p()
        .then(() => {
          setError('');
          setNotice(ok);
          return load();
        })
        .catch((e: ApiError) => setError(e.message)),
    );
  const act: CardActions = {
    withdraw: (c) => run(c, () => api.withdraw(c.contractId)),
    terminate: (c, reason, note) =>
      run(c, () => api.terminate({ contractId: c.contractId, reason, ...(note ? { note } : {}) })),
    pdf: (c) => run(c, () => api.openPdf(c.contractId), t.pdfDone),
    renew: (c) =>
      Taro.navigateTo({
        url: `/packages/sign/pages/flow/index?mode=renewal&teamId=${c.teamId}&contractId=${c.contractId}&residentId=${c.residentId}`,
      }),
    change: (c) => {
      // Tab pages take no query: the change travels in storage for the 签约 tab to pick up.
      Taro.setStorageSync(CHANGE_KEY, { contractId: c.contractId, residentId: c.residentId });
      Taro.switchTab({ url: '/pages/sign/index' });
    },
  };
  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      {error ? <View className="jy-error">{error}</View> : null}
      {notice && !error ? <View className="jy-ok">{notice}</View> : null}
      {list === null && !error ? (
        <View className="jy-card" data-testid="contracts-loading">
          <View className="jy-muted">{t.loading}</View>
        </View>
      ) : null}
      {list !== null && list.length === 0 ? (
        <View className="jy-card">
          <View className="jy-muted">{t.none}</View>
          <Button
            size="large"
            type="primary"
            block
            onClick={() => Taro.switchTab({ url: '/pages/sign/index' })}
          >
            {t.goSign}
          </Button>
        </View>
      ) : null}
      {(list ?? []).map((c) => (
        <ContractCard key={c.contractId} c={c} today={today()} act={act} busy={guard.busy(c.contractId)} />
      ))}
      {list && list.length > 0 ? (
        <Button block onClick={() => Taro.navigateTo({ url: '/packages/consult/pages/index/index' })}>
          咨询我的家庭医生团队
        </Button>
      ) : null}
    </Page>
  );
}
