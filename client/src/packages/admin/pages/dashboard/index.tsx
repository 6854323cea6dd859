import type { IndicatorsView, IndicatorView, StatsLevel } from '@shared/api/stats';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { statsZh as t } from '../../../../i18n/stats';
import type { ApiError } from '../../../../services/api';
import { getIndicators } from '../../../../services/stats';
import { Page } from '../../../../theme/theme';

type Where = { level: StatsLevel; id?: string };
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** One indicator as a bar against its target line: green when met, red when not. */
function Bar({ i }: { i: IndicatorView }) {
  const width = `${Math.min(100, Math.round((i.rate ?? 0) * 100))}%`;
  const color = i.met ? '#0f7b6c' : '#b42318';
  return (
    <View className="jy-card" data-indicator={i.id} data-met={i.met ? 'yes' : 'no'}>
      <View style={{ display: 'flex', justifyContent: 'space-between' }}>
        <Text>{t.indicators[i.id]}</Text>
        <Text className={i.met ? 'jy-status--ok' : 'jy-status--bad'}>{pct(i.rate)}</Text>
      </View>
      <View
        style={{
          position: 'relative',
          height: '14px',
          background: '#eef1f3',
          borderRadius: '7px',
          margin: '8px 0',
        }}
      >
        <View style={{ width, height: '14px', background: color, borderRadius: '7px' }} />
        <View
          style={{
            position: 'absolute',
            top: '-3px',
            left: `${Math.round(i.target * 100)}%`,
            width: '2px',
            height: '20px',
            background: '#1f2933',
          }}
        />
      </View>
      <Text className="jy-muted">
        {i.denominator === 0
          ? t.noData
          : `${i.numerator} / ${i.denominator} · ${t.target} ${pct(i.target)} · ${i.met ? t.met : t.unmet}`}
      </Text>
    </View>
  );
}

/** 签约指标看板: the scope's indicators against targets, then its children to drill into. */
export default function Dashboard() {
  const [stack, setStack] = useState<Where[]>([]);
  const [view, setView] = useState<IndicatorsView | null>(null);
  const [error, setError] = useState('');
  const load = (where: Where[]) => {
    const here = where[where.length - 1];
    setError('');
    getIndicators(here ? { level: here.level, ...(here.id ? { id: here.id } : {}) } : { level: 'district' })
      .then(setView)
      .catch((e: ApiError) => {
        // An institution admin has no district view: fall back to their own institution.
        if (where.length === 0 && e.code === 'OUT_OF_SCOPE') {
          const own: Where[] = [{ level: 'institution' }];
          setStack(own);
          load(own);
        } else setError(e.message || t.loadFailed);
      });
  };
  useDidShow(() => load(stack));
  const go = (next: Where[]) => {
    setStack(next);
    load(next);
  };
  return (
    <Page>
      <View className="jy-title">{view ? `${view.name} · ${t.title}` : t.title}</View>
      {view ? (
        <Text className="jy-muted">
          {t.levels[view.level]} · {t.asOf} {view.day}
        </Text>
      ) : null}
      {error ? <Text className="jy-status--bad">{error}</Text> : null}
      {stack.length > 1 ? (
        <View className="jy-tile" onClick={() => go(stack.slice(0, -1))}>
          {t.back}
        </View>
      ) : null}
      {(view?.indicators ?? []).map((i) => (
        <Bar key={i.id} i={i} />
      ))}
      {view && view.children.length > 0 ? <View className="jy-title">{t.drill}</View> : null}
      {(view?.children ?? []).map((c) => {
        const unmet = c.indicators.filter((i) => !i.met && i.denominator > 0).length;
        return (
          <View
            key={c.id}
            className="jy-card"
            data-child={c.id}
            onClick={() =>
              go([
                ...(stack.length ? stack : [{ level: view?.level ?? 'district' }]),
                { level: c.level, id: c.id },
              ])
            }
          >
            <Text>
              {t.levels[c.level]} · {c.name}
            </Text>
            <View>
              <Text className={unmet ? 'jy-status--bad' : 'jy-status--ok'}>
                {unmet ? `${unmet} ${t.unmet}` : t.met}
              </Text>
              <Text className="jy-muted">
                {' '}
                · {t.indicators.overallCoverage}{' '}
                {pct(c.indicators.find((i) => i.id === 'overallCoverage')?.rate ?? null)}
              </Text>
            </View>
          </View>
        );
      })}
    </Page>
  );
}
