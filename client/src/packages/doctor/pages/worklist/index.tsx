import '../../../../pages/forms.scss';
import './care.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { TCoverageView, TWorkItemView } from '@shared/api/care';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { careZh as t } from '../../../../i18n/care';
import type { ApiError } from '../../../../services/api';
import { getCoverage, getWorklist } from '../../../../services/care';
import { Page } from '../../../../theme/theme';

type Count = { kind: string; label: string; overdue: number; due: number; soon: number };
const STATES = ['overdue', 'due', 'soon'] as const;
const PAGE = 20;

/** 今日工作: the team's quarter progress, counts per kind, and the overdue-first worklist. */
export default function Worklist() {
  const [kind, setKind] = useState<string | undefined>();
  const [state, setState] = useState<(typeof STATES)[number] | undefined>();
  const [items, setItems] = useState<TWorkItemView[] | null>(null);
  const [counts, setCounts] = useState<Count[]>([]);
  const [more, setMore] = useState(false);
  const [cov, setCov] = useState<TCoverageView | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(
    async (k = kind, s = state, offset = 0) => {
      setError('');
      try {
        const [w, c] = await Promise.all([
          getWorklist({ ...(k ? { kind: k } : {}), ...(s ? { state: s } : {}), offset, limit: PAGE }),
          offset === 0 ? getCoverage({}) : Promise.resolve(null),
        ]);
        setItems((prev) => (offset === 0 ? w.items : [...(prev ?? []), ...w.items]));
        setCounts(w.counts);
        setMore(w.hasMore);
        if (c) setCov(c);
      } catch (e) {
        setError((e as ApiError).message || t.loadFailed);
      }
    },
    [kind, state],
  );
  useDidShow(() => void load());

  const pick = (k?: string, s?: (typeof STATES)[number]) => {
    setKind(k);
    setState(s);
    void load(k, s);
  };
  const total = (s: (typeof STATES)[number]) => counts.reduce((n, c) => n + c[s], 0);
  const pct = cov && cov.signed > 0 ? Math.round((cov.contacted / cov.signed) * 100) : 0;

  return (
    <Page>
      <View className="jy-title">{t.worklistTitle}</View>
      {cov ? (
        <View className="jy-progress" id="care-progress">
          <Text className="jy-progress__line">{cov.line}</Text>
          <View className="jy-progress__bar">
            <View className="jy-progress__fill" style={{ width: `${pct}%` }} />
          </View>
        </View>
      ) : null}
      <View className="jy-chips">
        {STATES.map((s) => (
          <View
            key={s}
            className={`jy-chip ${state === s ? 'jy-chip--on' : ''}`}
            onClick={() => pick(kind, state === s ? undefined : s)}
          >
            {t.states[s]} {total(s)}
          </View>
        ))}
      </View>
      <View className="jy-chips" style={{ marginTop: '0.4em', marginBottom: '0.6em' }}>
        <View className={`jy-chip ${kind ? '' : 'jy-chip--on'}`} onClick={() => pick(undefined, state)}>
          {t.all}
        </View>
        {counts.map((c) => (
          <View
            key={c.kind}
            className={`jy-chip ${kind === c.kind ? 'jy-chip--on' : ''}`}
            onClick={() => pick(kind === c.kind ? undefined : c.kind, state)}
          >
            {c.label} {c.overdue + c.due + c.soon}
          </View>
        ))}
      </View>
      {error ? <Text className="jy-error">{error}</Text> : null}
      {items && items.length === 0 ? <Text className="jy-muted">{t.empty}</Text> : null}
      {(items ?? []).map((i) => (
        <View
          key={i.taskId}
          className={`jy-work jy-work--${i.state}`}
          onClick={() =>
            Taro.navigateTo({ url: `/packages/doctor/pages/resident/index?residentId=${i.residentId}` })
          }
        >
          <View className="jy-work__main">
            <View className="jy-work__name">{i.nameMasked}</View>
            <View>{i.reason}</View>
            {i.attempts > 0 ? <Text className="jy-muted">{t.attempts(i.attempts)}</Text> : null}
          </View>
          <View className="jy-work__side">
            <View
              className={`jy-badge jy-badge--${i.state === 'overdue' ? 'bad' : i.state === 'due' ? 'warn' : 'ok'}`}
            >
              {t.states[i.state]}
            </View>
            <View className="jy-muted">{t.daysLeft(i.daysLeft)}</View>
          </View>
        </View>
      ))}
      {more ? (
        <Button block size="large" onClick={() => void load(kind, state, items?.length ?? 0)}>
          {t.more}
        </Button>
      ) : null}
    </Page>
  );
}
