import '../../support/grid.scss';
import type { TReportView } from '@shared/api/grid';
import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { gridText } from '../../../../i18n/grid';
import type { ApiError } from '../../../../services/api';
import { getMyReports } from '../../../../services/grid';
import { Page } from '../../../../theme/theme';
import { QueueBanner } from '../../support/QueueBanner';
import { ReportCard } from '../../support/ReportCard';

const t = gridText.reports;

/** 我的上报: what I reported and how far the team got (报到, 处置), overdue first. */
export default function MyReports() {
  const [reports, setReports] = useState<TReportView[] | null>(null);
  const [overdue, setOverdue] = useState(0);
  const [error, setError] = useState('');
  useDidShow(() => {
    getMyReports()
      .then((r) => {
        setReports(r.reports);
        setOverdue(r.overdue);
      })
      .catch((e: ApiError) => setError(e.message));
  });
  return (
    <Page className="jy-gridpage">
      <QueueBanner />
      <View className="jy-title">{t.title}</View>
      {overdue ? <View className="jy-status--bad">{t.overdueCount(overdue)}</View> : null}
      {error ? <View className="jy-error">{error}</View> : null}
      {reports && reports.length === 0 ? <View className="jy-muted">{t.empty}</View> : null}
      {(reports ?? []).map((r) => (
        <ReportCard key={r.reportId} r={r} />
      ))}
    </Page>
  );
}
