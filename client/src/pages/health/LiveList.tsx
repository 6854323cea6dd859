import type { TLiveView } from '@shared/api/education';
import { Button, Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { useInFlight } from '../../components/form/useInFlight';
import { eduZh as t } from '../../i18n/education';
import type { ApiError } from '../../services/api';
import { askLiveQuestion, getLiveSessions, registerForLive } from '../../services/education';

const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

function Session({ s, onChange }: { s: TLiveView; onChange: (s: TLiveView) => void }) {
  const [q, setQ] = useState('');
  const [note, setNote] = useState('');
  // A double tap registers once and sends the question once (issue 12).
  const guard = useInFlight();
  const register = () =>
    guard.run('register', () =>
      registerForLive(s.sessionId)
        .then(onChange)
        .catch((e: ApiError) => setNote(e.message)),
    );
  const ask = () =>
    guard.run('ask', () =>
      askLiveQuestion({ sessionId: s.sessionId, text: q })
        .then(() => {
          setQ('');
          setNote(t.live.asked);
        })
        .catch((e: ApiError) => setNote(e.message)),
    );
  return (
    <View className="jy-card">
      <View className="edu-card__title">{s.title}</View>
      <Text className="jy-muted">
        {`${when(s.startsAt)} · ${t.live.minutes(s.durationMinutes)} · ${s.speaker} · ${s.channel === 'channels' ? t.live.channels : t.live.link}`}
      </Text>
      <View className="edu-row">
        <Button size="mini" disabled={s.registered || guard.busy('register')} onClick={register}>
          {s.registered ? t.live.registered : t.live.register}
        </Button>
      </View>
      <Input
        className="jy-input"
        placeholder={t.live.askPlaceholder}
        value={q}
        onInput={(e) => setQ(e.detail.value)}
      />
      <Button size="mini" disabled={q.trim().length < 2 || guard.busy('ask')} onClick={ask}>
        {t.live.ask}
      </Button>
      {note ? <Text className="jy-muted">{note}</Text> : null}
    </View>
  );
}

/** Upcoming health live sessions of my district: register (a reminder follows) and ask beforehand. */
export function LiveList() {
  const [sessions, setSessions] = useState<TLiveView[]>([]);
  useEffect(() => {
    getLiveSessions()
      .then((r) => setSessions(r.sessions))
      .catch(() => setSessions([]));
  }, []);
  if (sessions.length === 0) return null;
  return (
    <View>
      <View className="jy-subtitle">{t.live.title}</View>
      {sessions.map((s) => (
        <Session
          key={s.sessionId}
          s={s}
          onChange={(n) => setSessions((all) => all.map((x) => (x.sessionId === n.sessionId ? n : x)))}
        />
      ))}
    </View>
  );
}
