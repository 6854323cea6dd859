import '../../../../pages/forms.scss';
import { Button, Checkbox } from '@nutui/nutui-react-taro';
import type { TReportView } from '@shared/api/grid';
import { TAG_LABELS } from '@shared/constants/messages';
import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS } from '@shared/grid/config';
import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { useInFlight } from '../../../../components/form/useInFlight';
import { gridText } from '../../../../i18n/grid';
import type { ApiError } from '../../../../services/api';
import { acknowledgeReport, getTeamReports, resolveReport } from '../../../../services/grid';
import { Page } from '../../../../theme/theme';

const t = gridText.reports;
type Filter = 'active' | 'overdue' | 'resolved';
const FILTERS: Filter[] = ['active', 'overdue', 'resolved'];

/** Shanghai wall time, `MM-DD HH:mm`. */
const shTime = (iso: string): string => {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
};

/**
 * 网格上报 (家医报到): the team's reports from its grids, overdue first; acknowledge at once,
 * then record the intervention — for a new key-population member, tagging the record in the
 * same step.
 */
export default function GridReports() {
  const [filter, setFilter] = useState<Filter>('active');
  const [reports, setReports] = useState<TReportView[] | null>(null);
  const [overdue, setOverdue] = useState(0);
  const [error, setError] = useState('');
  const [resolving, setResolving] = useState<{ id: string; text: string; adopt: boolean } | null>(null);
  const load = (f: Filter = filter) =>
    getTeamReports({ status: f })
      .then((r) => {
        setReports(r.reports);
        setOverdue(r.overdue);
      })
      .catch((e: ApiError) => setError(e.message));
  useDidShow(() => void load());
  // One action per report at a time: a double tap on 确认收到 / 提交处理 sends one (issue 12).
  const guard = useInFlight();
  const act = (reportId: string, fn: () => Promise<unknown>) =>
    guard.run(reportId, async () => {
      setError('');
      try {
        await fn();
        setResolving(null);
        await load();
      } catch (e) {
        setError((e as ApiError).message);
      }
    });

  return (
    <Page>
      <View className="jy-title">{t.teamTitle}</View>
      {overdue ? <View className="jy-status--bad">{t.overdueCount(overdue)}</View> : null}
      <View className="jy-chips">
        {FILTERS.map((f) => (
          <View
            key={f}
            className={`jy-chip${f === filter ? ' jy-chip--on' : ''}`}
            onClick={() => {
              setFilter(f);
              void load(f);
            }}
          >
            {t.filters[f]}
          </View>
        ))}
      </View>
      {error ? <View className="jy-error">{error}</View> : null}
      {reports && reports.length === 0 ? <View className="jy-muted">{t.empty}</View> : null}
      {(reports ?? []).map((r) => {
        const state = r.overdue ? 'overdue' : r.status;
        return (
          <View key={r.reportId} className="jy-card" data-report={r.reportId}>
            <View>
              <Text className={r.overdue ? 'jy-status--bad' : ''}>[{REPORT_STATUS_LABELS[state]}] </Text>
              <Text style={{ fontWeight: 600 }}>
                {REPORT_KIND_LABELS[r.kind]}
                {r.tag ? `：${TAG_LABELS[r.tag]}` : ''}
              </Text>
            </View>
            <View>
              {r.gridName} · {r.address}
              {r.residentName ? ` · ${r.residentName}` : ''}
            </View>
            {r.note ? <View className="jy-muted">{r.note}</View> : null}
            <View className="jy-muted">
              {t.reporter} {r.reporterName} · {t.reportedAt} {shTime(r.reportedAt)} · {t.dueAt}{' '}
              {shTime(r.ackDueAt)}
            </View>
            {r.acknowledgedAt ? (
              <View className="jy-muted">
                {t.acknowledgedBy} {r.acknowledgedBy} {shTime(r.acknowledgedAt)}
              </View>
            ) : null}
            {r.resolvedAt ? (
              <View className="jy-muted">
                {t.resolvedBy} {r.resolvedBy} {shTime(r.resolvedAt)}：{r.intervention}
              </View>
            ) : null}
            {r.status === 'open' ? (
              <Button
                type="primary"
                block
                disabled={guard.busy(r.reportId)}
                onClick={() => act(r.reportId, () => acknowledgeReport(r.reportId))}
              >
                {t.acknowledge}
              </Button>
            ) : null}
            {r.status !== 'resolved' && resolving?.id !== r.reportId ? (
              <Button
                block
                onClick={() => setResolving({ id: r.reportId, text: '', adopt: r.kind === 'key_population' })}
              >
                {t.resolve}
              </Button>
            ) : null}
            {resolving?.id === r.reportId ? (
              <View className="jy-form">
                <Input
                  className="jy-input"
                  placeholder={t.intervention}
                  value={resolving.text}
                  onInput={(e) => {
                    const text = e.detail.value;
                    setResolving((prev) => prev && { ...prev, text });
                  }}
                />
                {r.kind === 'key_population' ? (
                  <Checkbox
                    checked={resolving.adopt}
                    onChange={(v) => setResolving((prev) => prev && { ...prev, adopt: v })}
                    label={t.adopt}
                  />
                ) : null}
                <Button
                  type="primary"
                  block
                  disabled={guard.busy(r.reportId)}
                  onClick={() =>
                    act(r.reportId, () =>
                      resolveReport({
                        reportId: r.reportId,
                        intervention: resolving.text,
                        adopt: resolving.adopt,
                      }),
                    )
                  }
                >
                  {t.submitResolve}
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}
    </Page>
  );
}
