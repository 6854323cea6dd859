import '../forms.scss';
import type { myPlan } from '@shared/api/care';
import type { OutputOf } from '@shared/api/define';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { careZh as t } from '../../i18n/care';
import { getMyPlan } from '../../services/care';

type Plan = OutputOf<typeof myPlan>;
const badge = (state: string) =>
  state === 'overdue' ? 'jy-badge--bad' : state === 'due' ? 'jy-badge--warn' : 'jy-badge--ok';

/**
 * 健康 tab, top section: the resident's own follow-up plan (what is due and by when), referrals
 * with their status, long prescriptions and contact history. Sized by the page's large-font mode.
 */
export function CarePlan() {
  const [plan, setPlan] = useState<Plan | null>(null);
  useDidShow(() => {
    getMyPlan()
      .then(setPlan)
      .catch(() => setPlan(null)); // signed-out or not verified: the section stays quiet
  });
  if (!plan) return null;
  if (!plan.underCare && plan.plan.length === 0)
    return (
      <View className="jy-card" id="care-plan">
        <View className="jy-subtitle">{t.myPlanTitle}</View>
        <Text className="jy-muted">{t.myPlanEmpty}</Text>
      </View>
    );
  return (
    <View id="care-plan">
      <View className="jy-card">
        <View className="jy-subtitle">{t.myPlanTitle}</View>
        {plan.plan.map((p) => (
          <View key={`${p.kind}-${p.start}`} style={{ margin: '0.4em 0' }}>
            <View>
              {p.reason} <Text className={`jy-badge ${badge(p.state)}`}>{t.states[p.state]}</Text>
            </View>
            <Text className="jy-muted">
              {p.state === 'soon' || p.state === 'upcoming' ? `${p.start} 起，` : ''}
              {t.dueBy(p.end)}
            </Text>
          </View>
        ))}
      </View>
      {plan.referrals.length > 0 ? (
        <View className="jy-card">
          <View className="jy-subtitle">{t.myReferrals}</View>
          {plan.referrals.map((r) => (
            <View key={r.referralId} style={{ margin: '0.4em 0' }}>
              <View>
                {r.direction === 'up' ? t.referUp : t.referDown}：{r.hospital}{' '}
                <Text className="jy-badge jy-badge--idle">{t.referralStatus[r.status]}</Text>
              </View>
              <Text className="jy-muted">
                {r.day} · {t.followupDue(r.followupDue)}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {plan.prescriptions.length > 0 ? (
        <View className="jy-card">
          <View className="jy-subtitle">{t.myPrescriptions}</View>
          {plan.prescriptions.map((p) => (
            <View key={p.prescriptionId} style={{ margin: '0.4em 0' }}>
              <View>{p.drugs.join('、')}</View>
              <Text className="jy-muted">{t.until(p.endDay)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {plan.contacts.length > 0 ? (
        <View className="jy-card">
          <View className="jy-subtitle">{t.myContacts}</View>
          {plan.contacts.map((c, i) => (
            <View key={`${c.day}-${i}`} className="jy-muted">
              {c.day} · {c.channel} · {c.outcome}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
