import '../../../../pages/forms.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { TConsultMessageView } from '@shared/api/consult';
import { Text, Textarea, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { useInFlight } from '../../../../components/form/useInFlight';
import type { ApiError } from '../../../../services/api';
import { closeConsult, getConsultInbox, getThread, replyConsult } from '../../../../services/consult';
import { Page } from '../../../../theme/theme';

type Filter = 'awaiting' | 'overdue';
type Item = { consultId: string; nameMasked: string; overdue: boolean; minutesLeft: number };

const left = (m: number): string =>
  m < 0 ? `已超时 ${Math.ceil(-m / 60)} 小时` : m < 60 ? `剩 ${m} 分钟` : `剩 ${Math.floor(m / 60)} 小时`;

/** 居民咨询: the team's unanswered conversations, least time left first; open one to answer. */
export default function ConsultInbox() {
  const [filter, setFilter] = useState<Filter>('awaiting');
  const [items, setItems] = useState<Item[] | null>(null);
  const [counts, setCounts] = useState({ awaiting: 0, overdue: 0 });
  const [openId, setOpenId] = useState<string | null>(null);
  const [messages, setMessages] = useState<TConsultMessageView[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState('');

  const load = (f: Filter = filter) =>
    getConsultInbox({ filter: f })
      .then((r) => {
        setItems(r.items);
        setCounts(r.counts);
      })
      .catch((e: ApiError) => setError(e.message));
  useDidShow(() => void load());

  const show = async (consultId: string) => {
    setError('');
    try {
      const th = await getThread({ consultId });
      setOpenId(consultId);
      setMessages(th.messages);
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  // One reply / close per tap: a double tap on 回复 sends the reply once (issue 12).
  const guard = useInFlight();
  const act = (consultId: string, fn: () => Promise<unknown>) =>
    guard.run(consultId, async () => {
      setError('');
      try {
        await fn();
        setText('');
        setOpenId(null);
        await load();
      } catch (e) {
        setError((e as ApiError).message);
      }
    });

  return (
    <Page>
      <View className="jy-title">居民咨询</View>
      <View className={counts.overdue ? 'jy-status--bad' : 'jy-muted'}>
        待回复 {counts.awaiting} 条，其中超时 {counts.overdue} 条
      </View>
      <View className="jy-chips">
        {(['awaiting', 'overdue'] as Filter[]).map((f) => (
          <View
            key={f}
            className={`jy-chip${f === filter ? ' jy-chip--on' : ''}`}
            onClick={() => {
              setFilter(f);
              void load(f);
            }}
          >
            {f === 'awaiting' ? '待回复' : '已超时'}
          </View>
        ))}
      </View>
      {error ? <View className="jy-error">{error}</View> : null}
      {items && items.length === 0 ? <View className="jy-muted">暂无待回复的咨询</View> : null}
      {(items ?? []).map((i) => (
        <View key={i.consultId} className="jy-card" data-consult={i.consultId}>
          <View onClick={() => void show(i.consultId)}>
            <Text>{i.nameMasked} </Text>
            <Text className={i.overdue ? 'jy-status--bad' : 'jy-muted'}>{left(i.minutesLeft)}</Text>
          </View>
          {openId === i.consultId ? (
            <View>
              {messages.map((m) => (
                <View key={m.messageId} className={m.emergency ? 'jy-status--bad' : ''}>
                  <Text className="jy-muted">
                    {m.from === 'team'
                      ? `${m.staffName ?? ''}${m.positionLabel ? `（${m.positionLabel}）` : ''}`
                      : `${m.writerName ?? '居民'}${m.proxy ? '（家属代问）' : ''}`}
                    {m.emergency ? ' [疑似急症]' : ''}：
                  </Text>
                  <Text>{m.text}</Text>
                </View>
              ))}
              <Textarea
                value={text}
                maxlength={500}
                placeholder="回复内容"
                onInput={(e) => setText(e.detail.value)}
              />
              <Button
                type="primary"
                block
                disabled={!text.trim() || guard.busy(i.consultId)}
                onClick={() =>
                  void act(i.consultId, () => replyConsult({ consultId: i.consultId, text: text.trim() }))
                }
              >
                回复
              </Button>
              <Button
                block
                disabled={guard.busy(i.consultId)}
                onClick={() => void act(i.consultId, () => closeConsult({ consultId: i.consultId }))}
              >
                结束咨询
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </Page>
  );
}
