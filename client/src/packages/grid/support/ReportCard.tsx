import type { TReportView } from '@shared/api/grid';
import { TAG_LABELS } from '@shared/constants/messages';
import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS } from '@shared/grid/config';
import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { gridText } from '../../../i18n/grid';

const t = gridText.reports;
/** Shanghai wall time, `MM-DD HH:mm` (staff read dates in local time). */
export const shTime = (iso: string): string => {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
};

/** One report with its state: overdue in red, who acknowledged and resolved, and when. */
export function ReportCard({ r, children }: PropsWithChildren<{ r: TReportView }>) {
  const state = r.overdue ? 'overdue' : r.status;
  const badge = r.overdue
    ? 'jy-badge--bad'
    : r.status === 'resolved'
      ? 'jy-badge--ok'
      : r.status === 'acknowledged'
        ? 'jy-badge--idle'
        : 'jy-badge--warn';
  return (
    <View className={`jy-card jy-report${r.overdue ? ' jy-report--overdue' : ''}`} data-report={r.reportId}>
      <View className="jy-member__head">
        <Text className="jy-member__name">
          {REPORT_KIND_LABELS[r.kind]}
          {r.tag ? `：${TAG_LABELS[r.tag]}` : ''}
        </Text>
        <Text className={`jy-badge ${badge}`}>{REPORT_STATUS_LABELS[state]}</Text>
      </View>
      <View>
        {r.address}
        {r.residentName ? ` · ${r.residentName}` : ''}
      </View>
      {r.note ? <View className="jy-muted">{r.note}</View> : null}
      <View className="jy-muted">
        {t.reporter} {r.reporterName} · {t.reportedAt} {shTime(r.reportedAt)} · {t.dueAt} {shTime(r.ackDueAt)}
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
      {children}
    </View>
  );
}
