import '../../../../pages/forms.scss';
import '../../../../pages/booking/booking.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { TAppointmentView, THomeVisitView } from '@shared/api/appointment';
import { shanghaiDay } from '@shared/time';
import { Input, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { FieldError } from '../../../../components/form/FieldError';
import { apptZh as t } from '../../../../i18n/appointment';
import { type ApiError, fieldErrors } from '../../../../services/api';
import {
  acceptVisit,
  declineVisit,
  getAgenda,
  setAttended,
  setNoShow,
} from '../../../../services/appointment';
import { Page } from '../../../../theme/theme';

/** 预约日程: a team's bookings for a day or a week; mark each attended or no-show. */
export default function Agenda() {
  const { params } = useRouter();
  const teamId = params.teamId ?? '';
  const [span, setSpan] = useState<'day' | 'week'>('day');
  const [items, setItems] = useState<TAppointmentView[]>([]);
  const [visits, setVisits] = useState<THomeVisitView[]>([]);
  // Per request: the time typed for accepting, or the reason typed for declining.
  const [answers, setAnswers] = useState<Record<string, { time: string; reason: string }>>({});
  const [note, setNote] = useState('');
  // Field messages per home-visit request (time / reason), and the ids with a request in flight.
  const [fields, setFields] = useState<Record<string, Record<string, string>>>({});
  const inFlight = useRef(new Set<string>());
  const [busy, setBusy] = useState<string[]>([]);
  const guard = async (id: string, run: () => Promise<void>) => {
    if (inFlight.current.has(id)) return;
    inFlight.current.add(id);
    setBusy([...inFlight.current]);
    try {
      await run();
    } finally {
      inFlight.current.delete(id);
      setBusy([...inFlight.current]);
    }
  };
  const day = params.day ?? shanghaiDay(new Date());
  const load = (s = span) =>
    getAgenda({ teamId, day, span: s })
      .then((r) => {
        setItems(r.appointments);
        setVisits(r.homeVisits);
      })
      .catch((e: ApiError) => setNote(e.message));
  useDidShow(() => void load());
  const act = (fn: typeof setAttended | typeof setNoShow, appointmentId: string) =>
    guard(appointmentId, async () => {
      try {
        await fn({ appointmentId });
        await load();
      } catch (e) {
        setNote((e as ApiError).message);
      }
    });
  const answer = (id: string) => answers[id] ?? { time: '', reason: '' };
  const setAnswer = (id: string, patch: Partial<{ time: string; reason: string }>) =>
    setAnswers((a) => ({ ...a, [id]: { ...answer(id), ...patch } }));
  const respond = (v: THomeVisitView, accept: boolean) =>
    guard(v.homeVisitId, async () => {
      setNote('');
      const a = answer(v.homeVisitId);
      // Say what is missing next to the field before asking the server.
      const missing: Record<string, string> | null = accept
        ? a.time.trim()
          ? null
          : { time: t.time }
        : a.reason.trim()
          ? null
          : { reason: t.reasonMissing };
      if (missing) return setFields((f) => ({ ...f, [v.homeVisitId]: missing }));
      setFields((f) => ({ ...f, [v.homeVisitId]: {} }));
      try {
        if (accept)
          await acceptVisit({ homeVisitId: v.homeVisitId, visitDay: v.preferredDay, time: a.time.trim() });
        else await declineVisit({ homeVisitId: v.homeVisitId, reason: a.reason.trim() });
        await load();
      } catch (e) {
        const { fields: byField, general } = fieldErrors(e);
        setFields((f) => ({ ...f, [v.homeVisitId]: byField }));
        if (general) setNote(general);
      }
    });
  return (
    <Page>
      <View className="jy-title">{t.agendaTitle}</View>
      <View className="jy-tabs">
        {(['day', 'week'] as const).map((s) => (
          <Button
            key={s}
            type={s === span ? 'primary' : 'default'}
            onClick={() => {
              setSpan(s);
              void load(s);
            }}
          >
            {t[s]}
          </Button>
        ))}
      </View>
      {items.length === 0 ? <View className="jy-muted">{t.empty}</View> : null}
      {items.map((a) => (
        <View key={a.appointmentId} className="jy-card jy-slot" data-testid={`agenda-${a.appointmentId}`}>
          <Text>{`${a.day} ${a.time} ${a.residentName}`}</Text>
          <Text className="jy-muted">{`${a.doctorName ?? ''} · ${t.status[a.status] ?? a.status}`}</Text>
          {a.status === 'booked' ? (
            <View className="jy-actions">
              <Button
                type="primary"
                size="large"
                disabled={busy.includes(a.appointmentId)}
                onClick={() => void act(setAttended, a.appointmentId)}
              >
                {t.attended}
              </Button>
              <Button
                size="large"
                disabled={busy.includes(a.appointmentId)}
                onClick={() => void act(setNoShow, a.appointmentId)}
              >
                {t.noShow}
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      {visits.length ? <View className="jy-subtitle">{t.homeVisits}</View> : null}
      {visits.map((v) => (
        <View key={v.homeVisitId} className="jy-card jy-slot" data-testid={`hv-${v.homeVisitId}`}>
          <Text>{`${v.preferredDay} ${v.residentName} · ${t.hvNeeds[v.need] ?? ''} · ${t.hvStatus[v.status] ?? v.status}`}</Text>
          <Text className="jy-muted">{t.hvAddressShown(v.address)}</Text>
          <Text className="jy-muted">{t.hvReasonShown(v.reason)}</Text>
          {v.status === 'requested' ? (
            <View className="jy-form">
              <Input
                className="jy-input"
                placeholder={t.hvTime}
                value={answer(v.homeVisitId).time}
                onInput={(e) => setAnswer(v.homeVisitId, { time: e.detail.value })}
              />
              <FieldError message={fields[v.homeVisitId]?.time} />
              <Button
                type="primary"
                size="large"
                disabled={busy.includes(v.homeVisitId)}
                onClick={() => void respond(v, true)}
              >
                {t.hvAccept}
              </Button>
              <Input
                className="jy-input"
                placeholder={t.hvDeclineReason}
                value={answer(v.homeVisitId).reason}
                onInput={(e) => setAnswer(v.homeVisitId, { reason: e.detail.value })}
              />
              <FieldError message={fields[v.homeVisitId]?.reason} />
              <Button
                size="large"
                disabled={busy.includes(v.homeVisitId)}
                onClick={() => void respond(v, false)}
              >
                {t.hvDecline}
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      {note ? <View className="jy-muted">{note}</View> : null}
    </Page>
  );
}
