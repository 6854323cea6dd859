import './messages.scss';
import type { TMessageView } from '@shared/api/scheduler';
import type { SubscribeTemplateKey } from '@shared/wx/subscribe-templates';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { useInFlight } from '../../components/form/useInFlight';
import type { ApiError } from '../../services/api';
import {
  askSubscribe,
  getInbox,
  getSubscriptions,
  markAllRead,
  markMessageRead,
} from '../../services/messages';
import { Page } from '../../theme/theme';

type Sub = {
  template: string;
  title: string;
  reason: string;
  mode: 'once' | 'long';
  credits: number;
  on: boolean;
};

/** Shanghai wall time of an instant, as 11月25日 20:00. */
const when = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
};

/**
 * 消息: every notification the service sent (reminders, contract notices, health pushes, staff
 * digests), newest first; tap to read and open; 全部已读; and what the user is subscribed to.
 */
export default function Messages() {
  const [items, setItems] = useState<TMessageView[]>([]);
  const [unread, setUnread] = useState(0);
  const [subs, setSubs] = useState<Sub[]>([]);
  const [more, setMore] = useState(true);
  const [note, setNote] = useState('');
  const [loaded, setLoaded] = useState(false);
  const load = async () => {
    try {
      const r = await getInbox({ limit: 20 });
      setItems(r.items);
      setUnread(r.unread);
      setMore(r.items.length === 20);
      setSubs((await getSubscriptions()).items);
      setNote('');
    } catch (e) {
      setNote((e as ApiError).message);
    } finally {
      setLoaded(true);
    }
  };
  useDidShow(() => {
    void load();
  });
  useReachBottom(() => {
    const last = items[items.length - 1];
    if (!more || !last) return;
    void getInbox({ before: last.createdAt, limit: 20 }).then((r) => {
      setItems([...items, ...r.items]);
      setMore(r.items.length === 20);
    });
  });
  // A double tap on a message marks it read once and opens its page once; 全部已读 likewise (issue 12).
  const guard = useInFlight();
  const open = (m: TMessageView) => guard.run(m.messageId, () => openOnce(m));
  const openOnce = async (m: TMessageView) => {
    if (!m.read) {
      const r = await markMessageRead(m.messageId).catch(() => null);
      setItems((all) => all.map((x) => (x.messageId === m.messageId ? { ...x, read: true } : x)));
      if (r) setUnread(r.unread);
    }
    if (m.page)
      void Taro.navigateTo({ url: m.page.startsWith('/') ? m.page : `/${m.page}` }).catch(() => undefined);
  };
  return (
    <Page>
      <View className="jy-title">消息</View>
      <View className="jy-msgbar">
        <Text>{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
        {unread > 0 ? (
          <View
            className="jy-msgbtn"
            onClick={() => {
              void guard.run('all', () =>
                markAllRead().then((r) => {
                  setUnread(r.unread);
                  setItems((all) => all.map((x) => ({ ...x, read: true })));
                }),
              );
            }}
          >
            全部已读
          </View>
        ) : null}
      </View>
      {note ? <View className="jy-error">{note}</View> : null}
      {loaded && items.length === 0 && !note ? (
        <View className="jy-empty">预约提醒、签约通知和健康知识都会出现在这里。</View>
      ) : null}
      {items.map((m) => (
        <View
          key={m.messageId}
          className={`jy-msg${m.read ? '' : ' jy-msg--unread'}`}
          onClick={() => {
            void open(m);
          }}
        >
          <View className="jy-msg__head">
            <Text className="jy-msg__label">{m.label}</Text>
            <Text className="jy-msg__time">
              {m.read ? null : <Text className="jy-msg__dot" />}
              {when(m.createdAt)}
            </Text>
          </View>
          <View className="jy-msg__title">{m.title}</View>
          <View className="jy-msg__body">{m.body}</View>
        </View>
      ))}
      {subs.length > 0 ? (
        <View className="jy-subs">
          <View className="jy-subtitle">我订阅的微信提醒</View>
          {subs.map((s) => (
            <View key={s.template} className="jy-subs__row">
              <View>
                <Text>{s.title}</Text>
                <Text className="jy-subs__why">{s.reason}</Text>
              </View>
              {s.on ? (
                <Text className="jy-ok">{s.mode === 'long' ? '已开启' : `还可提醒 ${s.credits} 次`}</Text>
              ) : process.env.TARO_ENV === 'weapp' ? (
                <View
                  className="jy-msgbtn"
                  onClick={() => {
                    void askSubscribe([s.template as SubscribeTemplateKey]).then(
                      (r) => r && setSubs(r.items),
                    );
                  }}
                >
                  开启
                </View>
              ) : (
                <Text className="jy-subs__why">未开启（仅站内消息）</Text>
              )}
            </View>
          ))}
        </View>
      ) : null}
    </Page>
  );
}
