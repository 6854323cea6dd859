import '../forms.scss';
import './booking.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { TSlotView } from '@shared/api/appointment';
import { addDays, shanghaiDay } from '@shared/time';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { useSubmit } from '../../components/form/useSubmit';
import { apptZh as t } from '../../i18n/appointment';
import { relationLabel } from '../../i18n/zh';
import type { ApiError } from '../../services/api';
import { askReminderPermission, bookSlot, getAvailability, mySignedPeople } from '../../services/appointment';
import { listFamily } from '../../services/user';
import { Page } from '../../theme/theme';

/** Storage key another page sets to open 预约 for a given patient (residentId). */
const BOOKING_FOR_KEY = 'jy.booking.for';
const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
type Patient = { teamId: string; residentId: string; residentName: string; relation?: string };
const whenOf = (s: TSlotView) => `${s.day.slice(5)} ${s.time} ${s.location}`;

/**
 * 预约: who the visit is for (me or a signed family member) → date strip → the day's slots
 * (seats left) → confirm, naming the patient. Signed residents see 21 days ahead.
 */
export default function Booking() {
  // undefined = still loading (never "not signed" while we do not know yet).
  const [people, setPeople] = useState<Patient[]>();
  const [who, setWho] = useState<Patient>();
  const [slots, setSlots] = useState<TSlotView[]>();
  const [day, setDay] = useState('');
  const [chosen, setChosen] = useState<TSlotView>();
  const [note, setNote] = useState('');
  const [loadError, setLoadError] = useState('');

  const loadSlots = async (p: Patient) => {
    setSlots(undefined);
    const today = shanghaiDay(new Date());
    const r = await getAvailability({
      teamId: p.teamId,
      residentId: p.residentId,
      from: today,
      to: addDays(today, 21),
    });
    setSlots(r.slots);
    setDay((d) =>
      d && r.slots.some((s) => s.day === d) ? d : r.slots.find((s) => s.seatsLeft > 0)?.day || today,
    );
  };
  const load = async () => {
    setLoadError('');
    try {
      const [signed, family] = await Promise.all([
        mySignedPeople(),
        listFamily().catch(() => ({ members: [] as { residentId: string; relation: string }[] })),
      ]);
      // Me first, then family in the order of 家庭成员.
      const order = family.members.map((m) => m.residentId);
      const rel = new Map(family.members.map((m) => [m.residentId, m.relation]));
      const list = signed
        .map((p) => ({ ...p, relation: rel.get(p.residentId) }))
        .sort((a, b) => (order.indexOf(a.residentId) + 1 || 99) - (order.indexOf(b.residentId) + 1 || 99));
      setPeople(list);
      // A quick action elsewhere (咨询 → 预约就诊) may name the patient: the tab cannot take a query.
      const asked = String(Taro.getStorageSync(BOOKING_FOR_KEY) || '');
      if (asked) Taro.removeStorageSync(BOOKING_FOR_KEY);
      const keep = list.find((p) => p.residentId === (asked || who?.residentId)) ?? list[0];
      setWho(keep);
      if (keep) await loadSlots(keep);
    } catch (e) {
      setLoadError((e as ApiError).message);
      setPeople((p) => p ?? []);
    }
  };
  useDidShow(() => void load());

  const pick = (p: Patient) => {
    setWho(p);
    setChosen(undefined);
    setNote('');
    loadSlots(p).catch((e: ApiError) => setLoadError(e.message));
  };
  const book = useSubmit(
    async () => {
      if (!chosen || !who) return undefined;
      // First thing in the tap handler: WeChat only shows the subscribe dialog for a user gesture.
      const subscribed = await askReminderPermission();
      await bookSlot({ slotId: chosen.slotId, residentId: who.residentId, subscribed });
      return { subscribed, slot: chosen, name: who.residentName };
    },
    {
      // A retried tap that the server already booked is the same success.
      idempotent: ['ALREADY_BOOKED'],
      onDone: async (r) => {
        const slot = r?.slot ?? chosen;
        const name = r?.name ?? who?.residentName ?? '';
        setChosen(undefined);
        if (who) await loadSlots(who).catch(() => undefined);
        if (slot)
          setNote(
            process.env.TARO_ENV === 'weapp' && r && !r.subscribed
              ? t.bookedForNoReminder(name, whenOf(slot))
              : t.bookedFor(name, whenOf(slot)),
          );
      },
    },
  );
  const days = [...new Set((slots ?? []).map((s) => s.day))];
  const loading = people === undefined;

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
      {loadError ? <View className="jy-error">{loadError}</View> : null}
      {loading ? (
        <View className="jy-card" data-testid="booking-loading">
          <Text className="jy-muted">{t.loading}</Text>
        </View>
      ) : null}
      {!loading && people.length === 0 && !loadError ? (
        <View className="jy-card">
          <Text className="jy-muted">{t.noTeam}</Text>
        </View>
      ) : null}
      {!loading && people.length > 0 ? (
        <>
          <View className="jy-subtitle">{t.whoFor}</View>
          <View className="jy-chips" data-testid="booking-who">
            {people.map((p) => (
              <View
                key={p.residentId}
                data-testid={`patient-${p.residentId}`}
                className={`jy-chip${p.residentId === who?.residentId ? ' jy-chip--on' : ''}`}
                onClick={() => pick(p)}
              >
                {p.relation ? `${p.residentName}（${relationLabel(p.relation)}）` : p.residentName}
              </View>
            ))}
          </View>
          <View className="jy-muted">{t.intro}</View>
          {slots === undefined ? <View className="jy-muted">{t.loading}</View> : null}
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
          {(slots ?? [])
            .filter((s) => s.day === day)
            .map((s) => (
              <View
                key={s.slotId}
                className={`jy-card jy-slot ${chosen?.slotId === s.slotId ? 'jy-slot--on' : ''}`}
                data-testid={`slot-${s.time}`}
                onClick={() => {
                  if (s.seatsLeft > 0) {
                    setChosen(s);
                    setNote('');
                  }
                }}
              >
                <Text>{`${s.time} ${s.doctorName ?? ''}`}</Text>
                <Text className="jy-muted">{`${s.kind === 'outreach' ? `${t.outreach} · ` : ''}${s.location}`}</Text>
                <Text>{t.seatsLeft(s.seatsLeft)}</Text>
                {s.priority ? <Text className="jy-muted">{t.signedBadge}</Text> : null}
              </View>
            ))}
          {slots !== undefined && !slots.some((s) => s.day === day) ? (
            <View className="jy-muted">{t.noSlots}</View>
          ) : null}
          {note ? (
            <View className="jy-ok" data-testid="booking-note">
              {note}
            </View>
          ) : null}
          {book.error ? <View className="jy-error">{book.error}</View> : null}
          {chosen && who ? (
            // Sticky at the bottom: 确认预约 is always in view once a slot is chosen.
            <View className="jy-sticky" data-testid="booking-confirm">
              <View>{t.confirmFor(who.residentName, whenOf(chosen))}</View>
              <Button
                type="primary"
                block
                size="large"
                loading={book.busy}
                disabled={book.busy}
                onClick={() => void book.submit()}
              >
                {t.confirm}
              </Button>
            </View>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
