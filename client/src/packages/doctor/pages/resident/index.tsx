import '../../../../pages/forms.scss';
import '../worklist/care.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { timeline } from '@shared/api/care';
import type { OutputOf } from '@shared/api/define';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { type ReactNode, useRef, useState } from 'react';
import { careZh as t } from '../../../../i18n/care';
import type { ApiError } from '../../../../services/api';
import {
  getPhone,
  getTimeline,
  openReferral,
  prescribe,
  saveContact,
  saveFollowup,
} from '../../../../services/care';
import { Page } from '../../../../theme/theme';

type Timeline = OutputOf<typeof timeline>;
type Panel = 'contact' | 'followup' | 'refer' | 'prescribe' | null;

function Chips<T extends string>(p: {
  options: Record<string, string>;
  value: T | undefined;
  onChange: (v: T) => void;
  keys?: readonly T[];
}) {
  return (
    <View className="jy-chips">
      {((p.keys ?? Object.keys(p.options)) as T[]).map((k) => (
        <View
          key={k}
          className={`jy-chip ${p.value === k ? 'jy-chip--on' : ''}`}
          onClick={() => p.onChange(k)}
          data-chip={k}
        >
          {p.options[k]}
        </View>
      ))}
    </View>
  );
}
const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <View>
    <View className="jy-subtitle">{label}</View>
    {children}
  </View>
);
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** A resident's page for the team: plan, tap-to-call, record contact / follow-up, refer, prescribe, timeline. */
export default function ResidentCare() {
  const { params } = useRouter();
  const residentId = params.residentId ?? '';
  const [data, setData] = useState<Timeline | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [msg, setMsg] = useState('');
  const [error, setError] = useState('');
  const [f, setF] = useState<Record<string, string>>({
    channel: 'phone',
    outcome: 'reached',
    mode: 'face_to_face',
    direction: 'up',
    urgency: 'routine',
    callBackDays: '3',
  });
  const set = (k: string) => (v: string) => setF((x) => ({ ...x, [k]: v }));

  const load = () =>
    getTimeline(residentId)
      .then(setData)
      .catch((e: ApiError) => setError(e.message || t.loadFailed));
  useDidShow(() => void load());

  // One record per tap of 保存: a second tap while the first is in flight does nothing (issue 12).
  const inFlight = useRef(false);
  const [saving, setSaving] = useState(false);
  const run = async (work: () => Promise<string | undefined>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    setError('');
    setMsg('');
    try {
      const note = await work();
      setMsg(note ?? t.saved);
      setPanel(null);
      await load();
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  };
  const call = () =>
    getPhone(residentId)
      .then(({ phone }) => Taro.makePhoneCall({ phoneNumber: phone }))
      .catch((e: ApiError) => setError(e.message));

  const submitContact = () =>
    run(async () => {
      await saveContact({
        residentId,
        channel: f.channel as 'phone',
        outcome: f.outcome as 'reached',
        ...(f.outcome === 'call_later' ? { callBackDays: Number(f.callBackDays) } : {}),
        ...(f.outcome === 'removed' && f.removalReason
          ? { removalReason: f.removalReason as 'moved_away' }
          : {}),
      });
      return undefined;
    });
  const submitFollowup = () =>
    run(async () => {
      const r = await saveFollowup({
        residentId,
        kind: (f.kind ?? 'hypertension') as 'hypertension',
        mode: f.mode as 'phone',
        measurements: {
          ...(num(f.systolic ?? '') !== undefined ? { systolic: num(f.systolic ?? '') } : {}),
          ...(num(f.diastolic ?? '') !== undefined ? { diastolic: num(f.diastolic ?? '') } : {}),
          ...(num(f.glucose ?? '') !== undefined ? { glucose: num(f.glucose ?? '') } : {}),
          ...(num(f.heartRate ?? '') !== undefined ? { heartRate: num(f.heartRate ?? '') } : {}),
        },
        ...(num(f.riskLevel ?? '') !== undefined ? { riskLevel: num(f.riskLevel ?? '') } : {}),
      });
      return r.suggestion ? `${t.suggestion}：${r.suggestion.reason}` : undefined;
    });
  const submitRefer = () =>
    run(async () => {
      const r = await openReferral({
        residentId,
        direction: f.direction as 'up',
        hospital: f.hospital ?? '',
        reason: f.reason ?? '',
        urgency: f.urgency as 'routine',
      });
      return t.followupDue(r.followupDue);
    });
  const submitPrescribe = () =>
    run(async () => {
      await prescribe({
        residentId,
        condition: (f.condition ?? 'hypertension') as 'hypertension',
        drugs: (f.drugs ?? '').split(/[、,，\s]+/).filter(Boolean),
        endDay: f.endDay ?? '',
      });
      return undefined;
    });

  const toggle = (p: Panel) => () => setPanel((x) => (x === p ? null : p));
  return (
    <Page>
      {data ? (
        <>
          <View className="jy-title">
            {data.name}
            {data.age !== undefined ? <Text className="jy-muted"> {data.age}岁</Text> : null}
          </View>
          <View className="jy-chips">
            {data.tags.map((tag) => (
              <View key={tag} className="jy-badge jy-badge--idle">
                {tag}
              </View>
            ))}
          </View>
          {data.suggestion ? (
            <View className="jy-card jy-badge--bad" id="care-suggestion">
              {t.suggestion}：{data.suggestion}
            </View>
          ) : null}
          {data.mobileMasked ? <Text className="jy-muted">{data.mobileMasked}</Text> : null}
          <View className="jy-big-actions">
            <Button type="primary" size="large" onClick={() => void call()} disabled={!data.mobileMasked}>
              {t.call}
            </Button>
            <Button size="large" onClick={toggle('contact')} id="care-record-contact">
              {t.record}
            </Button>
            <Button size="large" onClick={toggle('followup')}>
              {t.followup}
            </Button>
            <Button size="large" onClick={toggle('refer')}>
              {t.refer}
            </Button>
            <Button size="large" onClick={toggle('prescribe')}>
              {t.prescribe}
            </Button>
          </View>
        </>
      ) : null}
      {msg ? <View className="jy-ok">{msg}</View> : null}
      {error ? <View className="jy-error">{error}</View> : null}

      {panel === 'contact' ? (
        <View className="jy-card jy-form" id="care-contact-form">
          <Field label={t.channel}>
            <Chips options={t.channels} value={f.channel} onChange={set('channel')} />
          </Field>
          <Field label={t.outcome}>
            <Chips options={t.outcomes} value={f.outcome} onChange={set('outcome')} />
          </Field>
          {f.outcome === 'call_later' ? (
            <Field label={t.callBackIn}>
              <Chips
                options={{ '1': '1天', '3': '3天', '7': '7天', '14': '14天' }}
                value={f.callBackDays}
                onChange={set('callBackDays')}
              />
            </Field>
          ) : null}
          {f.outcome === 'removed' ? (
            <Field label={t.removalReason}>
              <Chips options={t.removalReasons} value={f.removalReason} onChange={set('removalReason')} />
            </Field>
          ) : null}
          <Button
            type="primary"
            size="large"
            block
            loading={saving}
            disabled={saving}
            onClick={() => void submitContact()}
            id="care-save-contact"
          >
            {t.save}
          </Button>
        </View>
      ) : null}

      {panel === 'followup' ? (
        <View className="jy-card jy-form">
          <Field label={t.followup}>
            <Chips options={t.followupKinds} value={f.kind} onChange={set('kind')} />
          </Field>
          <Chips options={t.modes} value={f.mode} onChange={set('mode')} />
          {(['systolic', 'diastolic', 'glucose', 'heartRate', 'riskLevel'] as const).map((k) => (
            <Input
              key={k}
              className="jy-input"
              type="digit"
              placeholder={t[k]}
              value={f[k] ?? ''}
              onInput={(e) => set(k)(e.detail.value)}
            />
          ))}
          <Button
            type="primary"
            size="large"
            block
            loading={saving}
            disabled={saving}
            onClick={() => void submitFollowup()}
          >
            {t.save}
          </Button>
        </View>
      ) : null}

      {panel === 'refer' ? (
        <View className="jy-card jy-form">
          <Chips
            options={{ up: t.referUp, down: t.referDown }}
            value={f.direction}
            onChange={set('direction')}
          />
          <Input
            className="jy-input"
            placeholder={t.hospital}
            value={f.hospital ?? ''}
            onInput={(e) => set('hospital')(e.detail.value)}
          />
          <Input
            className="jy-input"
            placeholder={t.reason}
            value={f.reason ?? ''}
            onInput={(e) => set('reason')(e.detail.value)}
          />
          <Chips options={t.urgency} value={f.urgency} onChange={set('urgency')} />
          <Button
            type="primary"
            size="large"
            block
            loading={saving}
            disabled={saving}
            onClick={() => void submitRefer()}
          >
            {t.save}
          </Button>
        </View>
      ) : null}

      {panel === 'prescribe' ? (
        <View className="jy-card jy-form">
          <Text className="jy-muted">{t.prescribeHint}</Text>
          <Chips
            options={{
              hypertension: '高血压',
              diabetes: '糖尿病',
              other_chronic: '其他慢病',
              severe_mental: '严重精神障碍',
            }}
            value={f.condition}
            onChange={set('condition')}
          />
          <Input
            className="jy-input"
            placeholder={t.drugs}
            value={f.drugs ?? ''}
            onInput={(e) => set('drugs')(e.detail.value)}
          />
          <Input
            className="jy-input"
            placeholder={`${t.endDay}（YYYY-MM-DD）`}
            value={f.endDay ?? ''}
            onInput={(e) => set('endDay')(e.detail.value)}
          />
          <Button
            type="primary"
            size="large"
            block
            loading={saving}
            disabled={saving}
            onClick={() => void submitPrescribe()}
          >
            {t.save}
          </Button>
        </View>
      ) : null}

      {data ? (
        <>
          <View className="jy-subtitle">{t.plan}</View>
          {data.plan.map((p) => (
            <View key={`${p.kind}-${p.start}`} className={`jy-work jy-work--${p.state}`}>
              <View className="jy-work__main">
                <View>{p.reason}</View>
                <Text className="jy-muted">
                  {p.start} ~ {p.end}
                </Text>
              </View>
              <View className="jy-work__side">
                <View>{t.states[p.state]}</View>
                <View className="jy-muted">{t.daysLeft(p.daysLeft)}</View>
              </View>
            </View>
          ))}
          <View className="jy-subtitle">{t.timeline}</View>
          <View id="care-timeline">
            {data.entries.map((e) => (
              <View key={e.id} className="jy-entry">
                <View className="jy-entry__day">{e.day}</View>
                <View className="jy-work__name">{e.title}</View>
                <View>{e.detail}</View>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </Page>
  );
}
