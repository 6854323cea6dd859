import '../../../../pages/forms.scss';
import type { TLiveView } from '@shared/api/education';
import { Button, Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { eduZh } from '../../../../i18n/education';
import type { ApiError } from '../../../../services/api';
import { getLiveQuestions, getLiveSessions, scheduleLiveSession } from '../../../../services/education';
import { Page } from '../../../../theme/theme';

const t = eduZh.liveAdmin;

function Questions({ s }: { s: TLiveView }) {
  const [qs, setQs] = useState<{ questionId: string; askerLabel: string; text: string }[] | null>(null);
  const load = () =>
    getLiveQuestions(s.sessionId)
      .then((r) => setQs(r.questions))
      .catch(() => setQs([]));
  return (
    <View className="jy-card">
      <View className="jy-subtitle">{s.title}</View>
      <Text className="jy-muted">{`${new Date(s.startsAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} · ${s.durationMinutes}分钟 · ${t.registrations(s.registrations)}`}</Text>
      <Button size="mini" onClick={load}>{`${t.questions}（${s.questions}）`}</Button>
      {qs && qs.length === 0 ? <Text className="jy-muted">{t.noQuestions}</Text> : null}
      {(qs ?? []).map((q) => (
        <Text key={q.questionId} className="edu-body__p">{`${q.askerLabel}：${q.text}`}</Text>
      ))}
    </View>
  );
}

/** 健康直播 (institution admin): schedule a session (≥ 30 minutes), see registrations and questions. */
export default function LiveAdmin() {
  const [sessions, setSessions] = useState<TLiveView[]>([]);
  const [f, setF] = useState({ title: '', speaker: '', day: '', time: '19:00', duration: '45', ref: '' });
  const [note, setNote] = useState('');
  const load = () =>
    getLiveSessions()
      .then((r) => setSessions(r.sessions))
      .catch((e: ApiError) => setNote(e.message));
  useDidShow(() => void load());
  const field = (k: keyof typeof f) => (e: { detail: { value: string } }) => {
    const value = e.detail.value;
    setF((prev) => ({ ...prev, [k]: value }));
  };
  const create = () =>
    scheduleLiveSession({
      title: f.title,
      speaker: f.speaker,
      startsAt: `${f.day}T${f.time}:00+08:00`,
      durationMinutes: Number(f.duration),
      channel: f.ref.startsWith('https://') ? 'link' : 'channels',
      channelRef: f.ref,
      topics: [],
    })
      .then(() => {
        setNote(t.created);
        void load();
      })
      .catch((e: ApiError) => setNote(e.message));
  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      <View className="jy-form">
        <Input className="jy-input" placeholder={t.titleField} value={f.title} onInput={field('title')} />
        <Input className="jy-input" placeholder={t.speaker} value={f.speaker} onInput={field('speaker')} />
        <Input
          className="jy-input"
          placeholder={`${t.day} YYYY-MM-DD`}
          value={f.day}
          onInput={field('day')}
        />
        <Input className="jy-input" placeholder={`${t.time} HH:mm`} value={f.time} onInput={field('time')} />
        <Input
          className="jy-input"
          type="number"
          placeholder={t.duration}
          value={f.duration}
          onInput={field('duration')}
        />
        <Input className="jy-input" placeholder={t.channelRef} value={f.ref} onInput={field('ref')} />
        <Button type="primary" onClick={create}>
          {t.schedule}
        </Button>
        {note ? <Text className="jy-ok">{note}</Text> : null}
      </View>
      {sessions.map((s) => (
        <Questions key={s.sessionId} s={s} />
      ))}
    </Page>
  );
}
