import type {
  ExportView,
  IndicatorsView,
  IndicatorView,
  StatsLevel,
  TeamPerformanceView,
  TrendView,
} from '@shared/api/stats';
import type { IndicatorId } from '@shared/indicators/common';
import type { PerformanceMetric } from '@shared/indicators/performance';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { statsZh as t } from '../../../../i18n/stats';
import type { ApiError } from '../../../../services/api';
import {
  exportIndicatorsFile,
  exportRosterFile,
  getIndicators,
  getTeamPerformance,
  getTrend,
} from '../../../../services/stats';
import { Page } from '../../../../theme/theme';

// Charts are drawn with plain Views and CSS (bars, target lines, columns): they render the same in
// the mini-program and H5, need no canvas library, and add nothing to the main package.

type Where = { level: StatsLevel; id?: string };
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const OK = '#0f7b6c';
const BAD = '#b42318';
const METRICS: PerformanceMetric[] = [
  'signed',
  'renewed',
  'contacts',
  'followupsOnTime',
  'referralsFollowedUp',
  'reportsOnTime',
  'educationReach',
  'consultsOnTime',
];
// "12-02 02:05" in Shanghai time (weapp's Intl has no time zones).
const shanghaiTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ');
const unmetOf = (list: readonly IndicatorView[]) => list.filter((i) => !i.met && i.denominator > 0).length;

/** One indicator as a bar against its target line: green when met, red when not. */
function Bar({ i }: { i: IndicatorView }) {
  const width = `${Math.min(100, Math.round((i.rate ?? 0) * 100))}%`;
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
        <View style={{ width, height: '14px', background: i.met ? OK : BAD, borderRadius: '7px' }} />
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

/** A column chart of one indicator over the trend's points, with the target as a dashed line. */
function TrendChart({ trend, id }: { trend: TrendView; id: IndicatorId }) {
  const H = 120;
  const series = trend.points.map((p) => ({ label: p.label, i: p.indicators.find((x) => x.id === id) }));
  const target = series[0]?.i?.target ?? 0;
  return (
    <View data-trend={id} style={{ position: 'relative', height: `${H + 36}px`, marginTop: '8px' }}>
      <View
        style={{
          display: 'flex',
          alignItems: 'flex-end',
          height: `${H}px`,
          gap: '2px',
          position: 'absolute',
          left: 0,
          right: 0,
          bottom: '24px',
        }}
      >
        {series.map((s) => (
          <View
            key={s.label}
            data-point={s.label}
            style={{
              flex: 1,
              height: `${Math.max(1, Math.round((s.i?.rate ?? 0) * H))}px`,
              background: s.i?.denominator ? (s.i.met ? OK : BAD) : '#d0d5dd',
              borderRadius: '2px 2px 0 0',
            }}
          />
        ))}
      </View>
      <View
        style={{
          position: 'absolute',
          left: 0,
          right: 0,
          bottom: `${24 + Math.round(target * H)}px`,
          borderTop: '2px dashed #1f2933',
          zIndex: 1,
        }}
      />
      <View style={{ display: 'flex', position: 'absolute', left: 0, right: 0, bottom: 0, gap: '2px' }}>
        {series.map((s) => (
          <Text key={s.label} className="jy-muted" style={{ flex: 1, fontSize: '10px', textAlign: 'center' }}>
            {s.label.slice(5)}
          </Text>
        ))}
      </View>
    </View>
  );
}

type SortKey = PerformanceMetric | 'points' | 'name';

/** A performance table sortable by each column (tap a header; tap again to reverse). */
function PerfTable({
  rows,
  nameHeader,
  kind,
}: {
  rows: { key: string; name: string; counts: Record<PerformanceMetric, number>; points: number }[];
  nameHeader: string;
  kind: string;
}) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'points', desc: true });
  const value = (r: (typeof rows)[number], k: SortKey) =>
    k === 'name' ? r.name : k === 'points' ? r.points : r.counts[k];
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [value(a, sort.key), value(b, sort.key)];
    const c = typeof x === 'string' ? x.localeCompare(String(y), 'zh') : x - (y as number);
    return sort.desc ? -c : c;
  });
  const head = (k: SortKey, label: string) => (
    <View
      key={k}
      data-sort={k}
      className="jy-perf-head"
      style={{ flex: k === 'name' ? 3 : 1, fontWeight: 'bold', padding: '4px 2px' }}
      onClick={() => setSort({ key: k, desc: sort.key === k ? !sort.desc : k !== 'name' })}
    >
      {label}
      {sort.key === k ? (sort.desc ? '↓' : '↑') : ''}
    </View>
  );
  return (
    <View className="jy-card" data-perf={kind} style={{ overflowX: 'auto' }}>
      <View style={{ display: 'flex', fontSize: '12px', borderBottom: '1px solid #d0d5dd' }}>
        {head('name', nameHeader)}
        {METRICS.map((m) => head(m, t.perfMetrics[m]))}
        {head('points', t.points)}
      </View>
      {sorted.map((r) => (
        <View key={r.key} data-row={r.key} style={{ display: 'flex', fontSize: '12px', padding: '4px 0' }}>
          <Text style={{ flex: 3 }}>{r.name}</Text>
          {METRICS.map((m) => (
            <Text key={m} style={{ flex: 1, textAlign: 'center' }}>
              {r.counts[m]}
            </Text>
          ))}
          <Text style={{ flex: 1, textAlign: 'center', fontWeight: 'bold' }}>{r.points}</Text>
        </View>
      ))}
    </View>
  );
}

/** Opens an exported file: a new tab on H5, the document viewer in the mini-program. */
async function openFile(url: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  const f = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: f.tempFilePath, fileType: 'xlsx', showMenu: true });
}

/**
 * 签约指标看板: the scope's indicators against targets, its trend, its children to drill into
 * (district → township → institution → team), the team performance table and the exports.
 */
export default function Dashboard() {
  const [stack, setStack] = useState<Where[]>([]);
  const [view, setView] = useState<IndicatorsView | null>(null);
  const [trend, setTrend] = useState<TrendView | null>(null);
  const [by, setBy] = useState<'month' | 'quarter'>('month');
  const [chart, setChart] = useState<IndicatorId>('overallCoverage');
  const [perf, setPerf] = useState<TeamPerformanceView | null>(null);
  const [period, setPeriod] = useState<'quarter' | 'year'>('quarter');
  const [file, setFile] = useState<ExportView | null>(null);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const whereOf = (where: Where[]) => {
    const here = where[where.length - 1];
    return here ? { level: here.level, ...(here.id ? { id: here.id } : {}) } : { level: 'district' as const };
  };
  const loadSide = (where: Where[], b = by, p = period) => {
    getTrend({ ...whereOf(where), by: b })
      .then(setTrend)
      .catch(() => setTrend(null));
    getTeamPerformance({ ...whereOf(where), period: p })
      .then(setPerf)
      .catch(() => setPerf(null));
  };
  const load = (where: Where[]) => {
    setError('');
    setFile(null);
    getIndicators(whereOf(where))
      .then((v) => {
        setView(v);
        loadSide(where);
      })
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
  const doExport = async (kind: 'roster' | 'indicators') => {
    setBusy(kind);
    setFile(null);
    setError('');
    try {
      setFile(await (kind === 'roster' ? exportRosterFile : exportIndicatorsFile)(whereOf(stack)));
    } catch (e) {
      setError((e as ApiError).message || t.exportFailed);
    } finally {
      setBusy('');
    }
  };
  const tab = (on: boolean) => ({
    padding: '4px 10px',
    borderRadius: '12px',
    marginRight: '6px',
    background: on ? '#0f7b6c' : '#eef1f3',
    color: on ? '#fff' : '#1f2933',
    fontSize: '13px',
  });
  return (
    <Page>
      <View className="jy-title">{view ? `${view.name} · ${t.title}` : t.title}</View>
      {view ? (
        <Text className="jy-muted">
          {t.levels[view.level]} · {t.asOf} {view.day}
          {view.source === 'rollup' && view.computedAt
            ? ` · ${t.rollupAt(shanghaiTime(view.computedAt))}`
            : ''}
        </Text>
      ) : null}
      {error ? <Text className="jy-status--bad">{error}</Text> : null}
      {stack.length > 1 ? (
        <View className="jy-tile" data-back="1" onClick={() => go(stack.slice(0, -1))}>
          {t.back}
        </View>
      ) : null}
      <View style={{ display: 'flex', gap: '8px', margin: '8px 0' }}>
        <View className="jy-tile" data-export="roster" style={{ flex: 1 }} onClick={() => doExport('roster')}>
          {busy === 'roster' ? t.exporting : t.exportRoster}
        </View>
        <View
          className="jy-tile"
          data-export="indicators"
          style={{ flex: 1 }}
          onClick={() => doExport('indicators')}
        >
          {busy === 'indicators' ? t.exporting : t.exportIndicators}
        </View>
      </View>
      {file ? (
        <View className="jy-card" data-file={file.downloadUrl} data-file-name={file.fileName}>
          <Text className="jy-status--ok">{t.exported(file.fileName, file.rows)}</Text>
          <View className="jy-tile" onClick={() => openFile(file.downloadUrl)}>
            {t.openFile}
          </View>
        </View>
      ) : null}
      {(view?.indicators ?? []).map((i) => (
        <Bar key={i.id} i={i} />
      ))}
      {trend ? (
        <View className="jy-card" data-trend-card="1">
          <View className="jy-title">{t.trendTitle}</View>
          <View style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 0' }}>
            {(['month', 'quarter'] as const).map((b) => (
              <Text
                key={b}
                style={tab(by === b)}
                onClick={() => {
                  setBy(b);
                  loadSide(stack, b, period);
                }}
              >
                {b === 'month' ? t.byMonth : t.byQuarter}
              </Text>
            ))}
          </View>
          <View style={{ display: 'flex', flexWrap: 'wrap', gap: '6px 0', marginTop: '6px' }}>
            {(Object.keys(t.short) as IndicatorId[]).map((id) => (
              <Text key={id} data-chart={id} style={tab(chart === id)} onClick={() => setChart(id)}>
                {t.short[id]}
              </Text>
            ))}
          </View>
          <TrendChart trend={trend} id={chart} />
          <Text className="jy-muted">
            {t.indicators[chart]} · {t.targetLine} ---
          </Text>
        </View>
      ) : null}
      {view && view.children.length > 0 ? <View className="jy-title">{t.drill}</View> : null}
      {(view?.children ?? []).map((c) => {
        const unmet = unmetOf(c.indicators);
        return (
          <View
            key={c.id}
            className="jy-card"
            data-child={c.id}
            data-unmet={unmet}
            style={unmet ? { borderLeft: `4px solid ${BAD}` } : { borderLeft: `4px solid ${OK}` }}
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
                {unmet ? t.unmetCount(unmet) : t.met}
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
      {perf ? (
        <View>
          <View className="jy-title">{t.perfTitle}</View>
          <View style={{ display: 'flex' }}>
            {(['quarter', 'year'] as const).map((p) => (
              <Text
                key={p}
                style={tab(period === p)}
                onClick={() => {
                  setPeriod(p);
                  loadSide(stack, by, p);
                }}
              >
                {t.perfPeriod[p]}
              </Text>
            ))}
          </View>
          <Text className="jy-muted">
            {perf.period.start} ~ {perf.period.end} · {t.perfHint} ·{' '}
            {METRICS.map((m) => `${t.perfMetrics[m]}×${perf.weights[m]}`).join(' ')}
          </Text>
          <PerfTable
            kind="teams"
            nameHeader={t.team}
            rows={perf.teams.map((x) => ({
              key: x.teamId,
              name: x.name,
              counts: x.counts,
              points: x.points,
            }))}
          />
          <View className="jy-title">{t.perfMembers}</View>
          <PerfTable
            kind="members"
            nameHeader={t.member}
            rows={perf.members.map((x) => ({
              key: `${x.teamId}|${x.staffId}`,
              name: `${x.name}（${x.teamName}）`,
              counts: x.counts,
              points: x.points,
            }))}
          />
        </View>
      ) : null}
    </Page>
  );
}
