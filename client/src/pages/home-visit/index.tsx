import '../forms.scss';
import '../booking/booking.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { THomeVisitView } from '@shared/api/appointment';
import { addDays, shanghaiDay } from '@shared/time';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { apptZh as t } from '../../i18n/appointment';
import type { ApiError } from '../../services/api';
import { askHomeVisit, myAppointments } from '../../services/appointment';
import { listFamily } from '../../services/user';
import { Page } from '../../theme/theme';

const NEEDS = ['elderly', 'disabled', 'bedridden'] as const;
type Need = (typeof NEEDS)[number];

/** Shanghai wall time of an instant, `MM-DD HH:mm` (the zone is fixed at +08:00, no DST). */
const shanghaiTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ');

/** 上门服务: request a home visit (who, need, day, address, reason); see accepted time or decline reason. */
export default function HomeVisit() {
  const [people, setPeople] = useState<{ residentId: string; name: string }[]>([]);
  const [who, setWho] = useState('');
  const [need, setNeed] = useState<Need>('elderly');
  const [day, setDay] = useState(addDays(shanghaiDay(new Date()), 1));
  const [address, setAddress] = useState('');
  const [reason, setReason] = useState('');
  const [visits, setVisits] = useState<THomeVisitView[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const load = async () => {
    try {
      const [f, m] = await Promise.all([listFamily(), myAppointments({})]);
      setPeople(f.members);
      setWho((w) => w || f.members[0]?.residentId || '');
      setVisits(m.homeVisits);
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  useDidShow(() => void load());
  const days = [1, 2, 3, 4, 5, 6, 7].map((n) => addDays(shanghaiDay(new Date()), n));
  const submit = async () => {
    setError('');
    setNote('');
    try {
      await askHomeVisit({ residentId: who, need, preferredDay: day, address, reason });
      setAddress('');
      setReason('');
      await load();
      setNote(t.hvSent);
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  return (
    <Page>
      <View className="jy-title">{t.hvTitle}</View>
      <View className="jy-muted">{t.hvIntro}</View>
      <View className="jy-form">
        <View className="jy-chips">
          {people.map((p) => (
            <View
              key={p.residentId}
              className={`jy-chip${p.residentId === who ? ' jy-chip--on' : ''}`}
              onClick={() => setWho(p.residentId)}
            >
              {p.name}
            </View>
          ))}
        </View>
        <View className="jy-subtitle">{t.hvNeed}</View>
        <View className="jy-chips">
          {NEEDS.map((n) => (
            <View key={n} className={`jy-chip${n === need ? ' jy-chip--on' : ''}`} onClick={() => setNeed(n)}>
              {t.hvNeeds[n]}
            </View>
          ))}
        </View>
        <View className="jy-subtitle">{t.hvDay}</View>
        <View className="jy-chips">
          {days.map((d) => (
            <View key={d} className={`jy-chip${d === day ? ' jy-chip--on' : ''}`} onClick={() => setDay(d)}>
              {`${d.slice(5)} 周${t.weekdays[new Date(`${d}T00:00:00Z`).getUTCDay()]}`}
            </View>
          ))}
        </View>
        <Input
          className="jy-input"
          placeholder={t.hvAddress}
          value={address}
          maxlength={100}
          onInput={(e) => setAddress(e.detail.value)}
        />
        <Textarea
          className="jy-input"
          placeholder={t.hvReason}
          value={reason}
          maxlength={200}
          onInput={(e) => setReason(e.detail.value)}
        />
        <Button type="primary" size="large" block disabled={!who} onClick={() => void submit()}>
          {t.hvSubmit}
        </Button>
        {error ? <View className="jy-error">{error}</View> : null}
        {note ? <View className="jy-ok">{note}</View> : null}
      </View>
      <View className="jy-subtitle">{t.hvMine}</View>
      {visits.length === 0 ? <View className="jy-muted">{t.hvNone}</View> : null}
      {visits.map((v) => (
        <View key={v.homeVisitId} className="jy-card" data-testid={`hv-${v.homeVisitId}`}>
          <Text>{`${v.residentName} · ${v.preferredDay} · ${t.hvStatus[v.status] ?? v.status}`}</Text>
          <Text className="jy-muted">{v.address}</Text>
          <Text className="jy-muted">{v.reason}</Text>
          {v.status === 'accepted' && v.visitAt ? <Text>{t.hvVisitAt(shanghaiTime(v.visitAt))}</Text> : null}
          {v.status === 'declined' && v.declineReason ? (
            <Text className="jy-error">{t.hvDeclined(v.declineReason)}</Text>
          ) : null}
        </View>
      ))}
    </Page>
  );
}
