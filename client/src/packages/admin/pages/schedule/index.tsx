import '../../../../pages/forms.scss';
import '../../../../pages/booking/booking.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { schedules as schedulesDef } from '@shared/api/appointment';
import type { OutputOf } from '@shared/api/define';
import { addDays, shanghaiDay } from '@shared/time';
import { Input, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { apptZh as t } from '../../../../i18n/appointment';
import type { ApiError } from '../../../../services/api';
import { getSchedules, saveSchedule } from '../../../../services/appointment';
import { Page } from '../../../../theme/theme';

type Loaded = OutputOf<typeof schedulesDef>;
type Draft = Omit<Loaded['schedules'][number], 'scheduleId' | 'doctorId' | 'doctorName'>;
type Session = Draft['weekly'][number];
type Outreach = Draft['outreach'][number];
type Exception = Draft['exceptions'][number];

const emptyDraft = (): Draft => {
  const today = shanghaiDay(new Date());
  return { from: today, to: addDays(today, 180), location: '', weekly: [], outreach: [], exceptions: [] };
};

/** A labelled text box (numbers are typed as text and converted on add; the server validates). */
function Field(p: { label: string; value: string; onChange: (v: string) => void; testId?: string }) {
  return (
    <Input
      className="jy-input"
      placeholder={p.label}
      value={p.value}
      data-testid={p.testId}
      onInput={(e) => p.onChange(e.detail.value)}
    />
  );
}

/**
 * 排班管理 (sub-package): a doctor's weekly clinic sessions, leave and closures, and village
 * outreach days; saved as one schedule through `setSchedule` (the server checks overlaps).
 */
export default function ScheduleEditor() {
  const { params } = useRouter();
  const teamId = params.teamId ?? '';
  const [data, setData] = useState<Loaded>();
  const [doctorId, setDoctorId] = useState('');
  const [draft, setDraft] = useState<Draft>(emptyDraft());
  const [session, setSession] = useState({
    weekday: 1,
    start: '08:00',
    end: '11:30',
    capacity: '6',
    minutes: '30',
  });
  const [outreach, setOutreach] = useState({
    day: '',
    start: '09:00',
    end: '11:00',
    capacity: '10',
    location: '',
  });
  const [exception, setException] = useState<{
    from: string;
    to: string;
    kind: 'leave' | 'closure';
    note: string;
  }>({
    from: '',
    to: '',
    kind: 'leave',
    note: '',
  });
  const [note, setNote] = useState('');
  const [error, setError] = useState('');

  const pick = (loaded: Loaded, id: string) => {
    setDoctorId(id);
    const s = loaded.schedules.find((x) => x.doctorId === id);
    setDraft(
      s
        ? {
            from: s.from,
            to: s.to,
            location: s.location,
            weekly: s.weekly,
            outreach: s.outreach,
            exceptions: s.exceptions,
          }
        : emptyDraft(),
    );
  };
  const load = async () => {
    if (!teamId) return setError(t.schNoTeam);
    try {
      const r = await getSchedules({ teamId });
      setData(r);
      const first = doctorId || r.doctors[0]?.staffId || '';
      if (first) pick(r, first);
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  useDidShow(() => void load());

  const edit = (patch: Partial<Draft>) => {
    setNote('');
    setDraft((d) => ({ ...d, ...patch }));
  };
  const addSession = () => {
    const s: Session = {
      weekday: session.weekday,
      start: session.start,
      end: session.end,
      capacity: Number(session.capacity),
      slotMinutes: Number(session.minutes),
    };
    edit({
      weekly: [...draft.weekly, s].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)),
    });
  };
  const addOutreach = () => {
    const o: Outreach = { ...outreach, capacity: Number(outreach.capacity), slotMinutes: 60 };
    edit({ outreach: [...draft.outreach, o].sort((a, b) => a.day.localeCompare(b.day)) });
  };
  const addException = () => {
    const x: Exception = {
      from: exception.from,
      to: exception.to || exception.from,
      kind: exception.kind,
      ...(exception.note.trim() ? { note: exception.note.trim() } : {}),
    };
    edit({ exceptions: [...draft.exceptions, x].sort((a, b) => a.from.localeCompare(b.from)) });
  };
  const save = async () => {
    setError('');
    setNote('');
    try {
      const r = await saveSchedule({ doctorId, teamId, ...draft });
      setNote(t.schSaved(r.slotsCreated));
      await load();
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  const remove = <K extends 'weekly' | 'outreach' | 'exceptions'>(key: K, i: number) =>
    edit({ [key]: draft[key].filter((_, j) => j !== i) } as Partial<Draft>);

  return (
    <Page>
      <View className="jy-title">{t.schTitle}</View>
      <View className="jy-subtitle">{t.schDoctor}</View>
      <View className="jy-chips">
        {(data?.doctors ?? []).map((d) => (
          <View
            key={d.staffId}
            className={`jy-chip${d.staffId === doctorId ? ' jy-chip--on' : ''}`}
            onClick={() => data && pick(data, d.staffId)}
          >
            {d.name}
          </View>
        ))}
      </View>
      {data && !data.schedules.some((s) => s.doctorId === doctorId) ? (
        <View className="jy-muted">{t.schNone}</View>
      ) : null}
      <View className="jy-muted">{t.schValidity(draft.from, draft.to)}</View>
      <Field label={t.schLocation} value={draft.location} onChange={(v) => edit({ location: v })} />

      <View className="jy-subtitle">{t.schWeekly}</View>
      {draft.weekly.map((s, i) => (
        <View key={`${s.weekday}-${s.start}`} className="jy-card" data-testid={`session-${i}`}>
          <Text>{`${t.schWeekday(s.weekday)} ${t.schSession(s.start, s.end, s.capacity, s.slotMinutes)}`}</Text>
          <Button size="small" onClick={() => remove('weekly', i)}>
            {t.schRemove}
          </Button>
        </View>
      ))}
      <View className="jy-card jy-form">
        <View className="jy-chips">
          {[1, 2, 3, 4, 5, 6, 7].map((w) => (
            <View
              key={w}
              className={`jy-chip${w === session.weekday ? ' jy-chip--on' : ''}`}
              onClick={() => setSession((prev) => ({ ...prev, weekday: w }))}
            >
              {t.schWeekday(w)}
            </View>
          ))}
        </View>
        <Field
          label={t.schStart}
          value={session.start}
          onChange={(v) => setSession((prev) => ({ ...prev, start: v }))}
        />
        <Field
          label={t.schEnd}
          value={session.end}
          onChange={(v) => setSession((prev) => ({ ...prev, end: v }))}
        />
        <Field
          label={t.schCapacity}
          value={session.capacity}
          onChange={(v) => setSession((prev) => ({ ...prev, capacity: v }))}
        />
        <Field
          label={t.schMinutes}
          value={session.minutes}
          onChange={(v) => setSession((prev) => ({ ...prev, minutes: v }))}
        />
        <Button size="large" onClick={addSession}>
          {t.schAddSession}
        </Button>
      </View>

      <View className="jy-subtitle">{t.schExceptions}</View>
      {draft.exceptions.map((x, i) => (
        <View key={`${x.from}-${x.kind}`} className="jy-card">
          <Text>{`${t.schKinds[x.kind]} ${x.from}${x.to !== x.from ? ` 至 ${x.to}` : ''} ${x.note ?? ''}`}</Text>
          <Button size="small" onClick={() => remove('exceptions', i)}>
            {t.schRemove}
          </Button>
        </View>
      ))}
      <View className="jy-card jy-form">
        <View className="jy-chips">
          {(['leave', 'closure'] as const).map((k) => (
            <View
              key={k}
              className={`jy-chip${k === exception.kind ? ' jy-chip--on' : ''}`}
              onClick={() => setException((prev) => ({ ...prev, kind: k }))}
            >
              {t.schKinds[k]}
            </View>
          ))}
        </View>
        <Field
          label={t.schDayInput}
          value={exception.from}
          onChange={(v) => setException((prev) => ({ ...prev, from: v }))}
        />
        <Field
          label={t.schToInput}
          value={exception.to}
          onChange={(v) => setException((prev) => ({ ...prev, to: v }))}
        />
        <Field
          label={t.schNote}
          value={exception.note}
          onChange={(v) => setException((prev) => ({ ...prev, note: v }))}
        />
        <Button size="large" onClick={addException}>
          {t.schAddException}
        </Button>
      </View>

      <View className="jy-subtitle">{t.schOutreach}</View>
      {draft.outreach.map((o, i) => (
        <View key={`${o.day}-${o.start}`} className="jy-card">
          <Text>{`${o.day} ${o.start}–${o.end} ${o.location} · ${o.capacity}人`}</Text>
          <Button size="small" onClick={() => remove('outreach', i)}>
            {t.schRemove}
          </Button>
        </View>
      ))}
      <View className="jy-card jy-form">
        <Field
          label={t.schDayInput}
          value={outreach.day}
          onChange={(v) => setOutreach((prev) => ({ ...prev, day: v }))}
        />
        <Field
          label={t.schStart}
          value={outreach.start}
          onChange={(v) => setOutreach((prev) => ({ ...prev, start: v }))}
        />
        <Field
          label={t.schEnd}
          value={outreach.end}
          onChange={(v) => setOutreach((prev) => ({ ...prev, end: v }))}
        />
        <Field
          label={t.schCapacity}
          value={outreach.capacity}
          onChange={(v) => setOutreach((prev) => ({ ...prev, capacity: v }))}
        />
        <Field
          label={t.schPlace}
          value={outreach.location}
          onChange={(v) => setOutreach((prev) => ({ ...prev, location: v }))}
        />
        <Button size="large" onClick={addOutreach}>
          {t.schAddOutreach}
        </Button>
      </View>

      <Button type="primary" size="large" block disabled={!doctorId} onClick={() => void save()}>
        {t.schSave}
      </Button>
      {error ? <View className="jy-error">{error}</View> : null}
      {note ? <View className="jy-ok">{note}</View> : null}
    </Page>
  );
}
