import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { gridText } from '../../../i18n/grid';
import { failedWrites, flushQueue, onQueueChange, pendingWrites, watchNetwork } from '../../../services/grid';

const t = gridText.home;

/** How many registrations and reports wait for the network (and those refused on arrival). */
export function QueueBanner() {
  const [waiting, setWaiting] = useState(pendingWrites().length);
  const [failed, setFailed] = useState(failedWrites());
  const [note, setNote] = useState('');
  useEffect(() => {
    watchNetwork();
    return onQueueChange((n) => {
      setWaiting(n);
      setFailed(failedWrites());
    });
  }, []);
  const send = async () => {
    const r = await flushQueue();
    setWaiting(pendingWrites().length);
    setFailed(failedWrites());
    if (r.sent) setNote(t.synced(r.sent));
  };
  useDidShow(() => {
    if (pendingWrites().length) void send();
  });
  if (!waiting && !failed.length && !note) return null;
  return (
    <View className="jy-card jy-queue">
      {waiting ? <View className="jy-queue__count">{t.waiting(waiting)}</View> : null}
      {note ? <View className="jy-ok">{note}</View> : null}
      {failed.map((f) => (
        <View key={f.requestId} className="jy-error">
          {f.label}：{f.message}
        </View>
      ))}
      {waiting ? (
        <Button size="large" type="primary" onClick={send}>
          {t.syncNow}
        </Button>
      ) : null}
    </View>
  );
}
