import '../forms.scss';
import '../booking/booking.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { TAppointmentView, TSlotView } from '@shared/api/appointment';
import { addDays, shanghaiDay } from '@shared/time';
import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { useInFlight } from '../../components/form/useInFlight';
import { apptZh as t } from '../../i18n/appointment';
import type { ApiError } from '../../services/api';
import {
  cancelAppointment,
  getAvailability,
  myAppointments,
  rescheduleAppointment,
} from '../../services/appointment';
import { Page } from '../../theme/theme';

type Mode = { kind: 'cancel' | 'reschedule'; appointment: TAppointmentView } | undefined;

/** Upcoming bookings first: only a booked visit that has not ended yet can still be changed. */
const isUpcoming = (a: TAppointmentView, now: Date) =>
  a.status === 'booked' && new Date(a.end).getTime() > now.getTime();

/** 我的预约: upcoming and past bookings of me and my family; cancel with a reason, or reschedule. */
export default function MyAppointments() {
  const [items, setItems] = useState<TAppointmentView[]>([]);
  const [mode, setMode] = useState<Mode>();
  const [reason, setReason] = useState('');
  const [slots, setSlots] = useState<TSlotView[]>([]);
  const [chosen, setChosen] = useState<TSlotView>();
  const [note, setNote] = useState('');
  const [loaded, setLoaded] = useState(false);
  // A double tap on 确认取消 / 确认改约 sends one request (issue 12).
  const guard = useInFlight();
  const sending = mode ? guard.busy(mode.appointment.appointmentId) : false;
  const load = async () => {
    try {
      const r = await myAppointments({});
      setItems(r.appointments);
    } catch (e) {
      setNote((e as ApiError).message);
    } finally {
      setLoaded(true);
    }
  };
  useDidShow(() => void load());

  const now = new Date();
  const upcoming = items.filter((a) => isUpcoming(a, now));
  // Most recent first in the history.
  const past = items.filter((a) => !isUpcoming(a, now)).reverse();

  const openCancel = (a: TAppointmentView) => {
    setNote('');
    setReason('');
    setMode({ kind: 'cancel', appointment: a });
  };
  const openReschedule = async (a: TAppointmentView) => {
    setNote('');
    setChosen(undefined);
    setMode({ kind: 'reschedule', appointment: a });
    try {
      const today = shanghaiDay(new Date());
      const r = await getAvailability({
        teamId: a.teamId,
        residentId: a.residentId,
        from: today,
        to: addDays(today, 21),
      });
      setSlots(r.slots.filter((s) => s.seatsLeft > 0 && s.slotId !== a.slotId));
    } catch (e) {
      setNote((e as ApiError).message);
    }
  };
  const submitCancel = async () => {
    if (mode?.kind !== 'cancel') return;
    if (!reason.trim()) {
      setNote(t.reasonRequired);
      return;
    }
    await guard.run(mode.appointment.appointmentId, async () => {
      try {
        await cancelAppointment({ appointmentId: mode.appointment.appointmentId, reason: reason.trim() });
        setMode(undefined);
        await load();
        setNote(t.cancelled);
      } catch (e) {
        setNote((e as ApiError).message);
      }
    });
  };
  const submitReschedule = async () => {
    if (mode?.kind !== 'reschedule' || !chosen) return;
    await guard.run(mode.appointment.appointmentId, async () => {
      try {
        await rescheduleAppointment({ appointmentId: mode.appointment.appointmentId, slotId: chosen.slotId });
        setMode(undefined);
        await load();
        setNote(t.rescheduled);
      } catch (e) {
        setNote((e as ApiError).message);
      }
    });
  };

  const card = (a: TAppointmentView, actions: boolean) => (
    <View key={a.appointmentId} className="jy-card jy-slot" data-testid={`appt-${a.appointmentId}`}>
      <Text>{`${a.day} ${a.time} · ${t.status[a.status] ?? a.status}`}</Text>
      <Text className="jy-muted">{`${a.doctorName ?? ''} · ${a.kind === 'outreach' ? `${t.outreach} · ` : ''}${a.location}`}</Text>
      <Text className="jy-muted">{t.forWhom(a.residentName)}</Text>
      {a.cancelReason ? <Text className="jy-muted">{t.cancelReasonShown(a.cancelReason)}</Text> : null}
      {actions ? (
        <View className="jy-actions">
          <Button size="large" type="primary" onClick={() => void openReschedule(a)}>
            {t.reschedule}
          </Button>
          <Button size="large" onClick={() => openCancel(a)}>
            {t.cancel}
          </Button>
        </View>
      ) : null}
    </View>
  );

  return (
    <Page>
      <View className="jy-title">{t.mineTitle}</View>
      {mode?.kind === 'cancel' ? (
        <View className="jy-card" data-testid="cancel-form">
          <View>{`${t.cancel}：${mode.appointment.day} ${mode.appointment.time}`}</View>
          <View className="jy-subtitle">{t.cancelReasonTitle}</View>
          <View className="jy-chips">
            {t.cancelReasons.map((r) => (
              <View
                key={r}
                className={`jy-chip${r === reason ? ' jy-chip--on' : ''}`}
                onClick={() => setReason(r)}
              >
                {r}
              </View>
            ))}
          </View>
          <Input
            className="jy-input"
            placeholder={t.cancelReasonPlaceholder}
            value={reason}
            maxlength={100}
            onInput={(e) => setReason(e.detail.value)}
          />
          <View className="jy-actions">
            <Button
              size="large"
              type="danger"
              loading={sending}
              disabled={sending}
              onClick={() => void submitCancel()}
            >
              {t.confirmCancel}
            </Button>
            <Button size="large" onClick={() => setMode(undefined)}>
              {t.back}
            </Button>
          </View>
        </View>
      ) : null}
      {mode?.kind === 'reschedule' ? (
        <View className="jy-card" data-testid="reschedule-form">
          <View className="jy-subtitle">{t.rescheduleTitle}</View>
          {slots.length === 0 ? <Text className="jy-muted">{t.noSlots}</Text> : null}
          {slots.slice(0, 30).map((s) => (
            <View
              key={s.slotId}
              className={`jy-card jy-slot ${chosen?.slotId === s.slotId ? 'jy-slot--on' : ''}`}
              data-testid={`new-slot-${s.slotId}`}
              onClick={() => setChosen(s)}
            >
              <Text>{`${s.day} 周${t.weekdays[new Date(`${s.day}T00:00:00Z`).getUTCDay()]} ${s.time}`}</Text>
              <Text className="jy-muted">{`${s.location} · ${t.seatsLeft(s.seatsLeft)}`}</Text>
            </View>
          ))}
          <View className="jy-actions">
            <Button
              size="large"
              type="primary"
              loading={sending}
              disabled={!chosen || sending}
              onClick={() => void submitReschedule()}
            >
              {t.confirmReschedule}
            </Button>
            <Button size="large" onClick={() => setMode(undefined)}>
              {t.back}
            </Button>
          </View>
        </View>
      ) : null}
      {note ? (
        <View className="jy-muted" data-testid="appointments-note">
          {note}
        </View>
      ) : null}
      <View className="jy-subtitle">{t.upcoming}</View>
      {loaded && upcoming.length === 0 ? <View className="jy-muted">{t.noUpcoming}</View> : null}
      {upcoming.map((a) => card(a, !mode))}
      <View className="jy-subtitle">{t.past}</View>
      {loaded && past.length === 0 ? <View className="jy-muted">{t.noPast}</View> : null}
      {past.map((a) => card(a, false))}
    </Page>
  );
}
