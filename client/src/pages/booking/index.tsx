import './booking.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { TSlotView } from '@shared/api/appointment';
import { addDays, shanghaiDay } from '@shared/time';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { apptZh as t } from '../../i18n/appointment';
import type { ApiError } from '../../services/api';
import { askReminderPermission, bookSlot, getAvailability, myActiveTeam } from '../../services/appointment';
import { Page } from '../../theme/theme';

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** 预约: date strip → the day's slots (seats left) → confirm. Signed residents see 21 days ahead. */
export default function Booking() {
  const [team, setTeam] = useState<{ teamId: string; residentId: string }>();
  const [slots, setSlots] = useState<TSlotView[]>([]);
  const [day, setDay] = useState('');
  const [chosen, setChosen] = useState<TSlotView>();
  const [note, setNote] = useState('');
  const load = async () => {
    setNote('');
    try {
      const tm = await myActiveTeam();
      setTeam(tm);
      if (!tm) return;
      const today = shanghaiDay(new Date());
      const r = await getAvailability({
        teamId: tm.teamId,
        residentId: tm.residentId,
        from: today,
        to: addDays(today, 21),
      });
      setSlots(r.slots);
      setDay((d) => d || r.slots.find((s) => s.seatsLeft > 0)?.day || today);
    } catch (e) {
      setNote((e as ApiError).message);
    }
  };
  useDidShow(() => void load());
  const days = [...new Set(slots.map((s) => s.day))];
  const confirm = async () => {
    if (!chosen || !team) return;
    // First thing in the tap handler: WeChat only shows the subscribe dialog for a user gesture.
    const subscribed = await askReminderPermission();
    try {
      await bookSlot({ slotId: chosen.slotId, residentId: team.residentId, subscribed });
      setChosen(undefined);
      const done = process.env.TARO_ENV === 'weapp' && !subscribed ? t.bookedNoReminder : t.booked;
      await load();
      setNote(done);
    } catch (e) {
      setNote((e as ApiError).message);
    }
  };
  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      <View className="jy-actions">
        <Button size="large" onClick={() => Taro.navigateTo({ url: '/pages/appointments/index' })}>
          {t.myAppointments}
        </Button>
        <Button size="large" onClick={() => Taro.navigateTo({ url: '/pages/home-visit/index' })}>
          {t.homeVisitEntry}
        </Button>
      </View>
      {!team ? (
        <View className="jy-card">
          <Text className="jy-muted">{note || t.noTeam}</Text>
        </View>
      ) : (
        <>
          <View className="jy-muted">{t.intro}</View>
          <ScrollView scrollX className="jy-datestrip">
            {days.map((d) => (
              <View
                key={d}
                className={`jy-date ${d === day ? 'jy-date--on' : ''}`}
                data-testid={`day-${d}`}
                onClick={() => setDay(d)}
              >
                <Text>{`周${t.weekdays[weekdayOf(d)]}`}</Text>
                <Text>{d.slice(5)}</Text>
              </View>
            ))}
          </ScrollView>
          {slots
            .filter((s) => s.day === day)
            .map((s) => (
              <View
                key={s.slotId}
                className={`jy-card jy-slot ${chosen?.slotId === s.slotId ? 'jy-slot--on' : ''}`}
                data-testid={`slot-${s.time}`}
                onClick={() => s.seatsLeft > 0 && setChosen(s)}
              >
                <Text>{`${s.time} ${s.doctorName ?? ''}`}</Text>
                <Text className="jy-muted">{`${s.kind === 'outreach' ? `${t.outreach} · ` : ''}${s.location}`}</Text>
                <Text>{t.seatsLeft(s.seatsLeft)}</Text>
                {s.priority ? <Text className="jy-muted">{t.signedBadge}</Text> : null}
              </View>
            ))}
          {slots.some((s) => s.day === day) ? null : <View className="jy-muted">{t.noSlots}</View>}
          {chosen ? (
            <View className="jy-card">
              <View>{`${t.confirmTitle}：${chosen.day} ${chosen.time} ${chosen.location}`}</View>
              <Button type="primary" block size="large" onClick={() => void confirm()}>
                {t.confirm}
              </Button>
            </View>
          ) : null}
          {note ? (
            <View className="jy-muted" data-testid="booking-note">
              {note}
            </View>
          ) : null}
        </>
      )}
    </Page>
  );
}
