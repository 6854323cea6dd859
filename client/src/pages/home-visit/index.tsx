import '../forms.scss';
import '../booking/booking.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { THomeVisitView } from '@shared/api/appointment';
import { addDays, shanghaiDay } from '@shared/time';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { FieldError } from '../../components/form/FieldError';
import { useSubmit } from '../../components/form/useSubmit';
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
  // Opened from a consultation (咨询 → 申请上门): the patient and reason come pre-filled.
  const params = useRouter().params;
  const [who, setWho] = useState(params.residentId ?? '');
  const [need, setNeed] = useState<Need>('elderly');
  const [day, setDay] = useState(addDays(shanghaiDay(new Date()), 1));
  const [address, setAddress] = useState('');
  const [reason, setReason] = useState(params.reason ? decodeURIComponent(params.reason) : '');
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
  const send = useSubmit(
    (requestId) => askHomeVisit({ residentId: who, need, preferredDay: day, address, reason, requestId }),
    {
      check: () => ({
        ...(who ? {} : { residentId: t.hvNeedWho }),
        ...(address.trim() ? {} : { address: t.hvNeedAddress }),
        ...(reason.trim() ? {} : { reason: t.hvNeedReason }),
      }),
      onDone: async () => {
        setAddress('');
        setReason('');
        await load();
        setNote(t.hvSent);
      },
    },
  );
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
        <FieldError message={send.fields.residentId} />
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
        <FieldError message={send.fields.preferredDay} />
        <Input
          className={`jy-input${send.fields.address ? ' jy-input--bad' : ''}`}
          placeholder={t.hvAddress}
          value={address}
          maxlength={100}
          onInput={(e) => {
            setAddress(e.detail.value);
            send.clearField('address');
          }}
        />
        <FieldError message={send.fields.address} />
        <Textarea
          className={`jy-input${send.fields.reason ? ' jy-input--bad' : ''}`}
          placeholder={t.hvReason}
          value={reason}
          maxlength={200}
          onInput={(e) => {
            setReason(e.detail.value);
            send.clearField('reason');
          }}
        />
        <FieldError message={send.fields.reason} />
        <Button
          type="primary"
          size="large"
          block
          loading={send.busy}
          disabled={send.busy}
          onClick={() => void send.submit()}
        >
          {t.hvSubmit}
        </Button>
        {error || send.error ? <View className="jy-error">{error || send.error}</View> : null}
        {note ? <View className="jy-ok">{note}</View> : null}
      </View>
      <View className="jy-subtitle">{t.hvMine}</View>
      {visits.length === 0 ? <View className="jy-muted">{t.hvNone}</View> : null}
      {visits.map((v) => (
        <View key={v.homeVisitId} className="jy-card jy-slot" data-testid={`hv-${v.homeVisitId}`}>
          <Text>{`${v.residentName} · ${v.preferredDay} · ${t.hvStatus[v.status] ?? v.status}`}</Text>
          <Text className="jy-muted">{t.hvAddressShown(v.address)}</Text>
          <Text className="jy-muted">{t.hvReasonShown(v.reason)}</Text>
          {v.status === 'accepted' && v.visitAt ? <Text>{t.hvVisitAt(shanghaiTime(v.visitAt))}</Text> : null}
          {v.status === 'declined' && v.declineReason ? (
            <Text className="jy-error">{t.hvDeclined(v.declineReason)}</Text>
          ) : null}
        </View>
      ))}
    </Page>
  );
}
