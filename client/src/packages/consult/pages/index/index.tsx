import '../../../../pages/forms.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { TConsultMessageView } from '@shared/api/consult';
import { EMERGENCY_PHONE, emergencyWordsIn } from '@shared/consult/rules';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ApiError } from '../../../../services/api';
import { getThread, openConsult, sendConsult } from '../../../../services/consult';
import { Page } from '../../../../theme/theme';

type Conv = { teamName: string; promise: string; dueText?: string; overdue: boolean; awaiting: boolean };

const shTime = (at: string | Date): string => {
  const d = new Date(new Date(at).getTime() + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
};

/**
 * 咨询家庭医生: the resident (or a family member, `?residentId=`) asks their signed team; any
 * member answers. Emergency words show the call-120 card at once, before anything is sent.
 */
export default function Consult() {
  const residentId = useRouter().params.residentId || undefined;
  const [conv, setConv] = useState<Conv | null>(null);
  const [messages, setMessages] = useState<TConsultMessageView[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [sending, setSending] = useState(false);
  const [sentUrgent, setSentUrgent] = useState(false);
  const who = residentId ? { residentId } : {};

  const load = async () => {
    setError('');
    try {
      const c = await openConsult(who);
      const th = await getThread(who);
      setConv(th.conversation ?? c);
      setMessages(th.messages);
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  useDidShow(() => void load());

  const urgent = sentUrgent || emergencyWordsIn(text).length > 0;
  const submit = async () => {
    if (!text.trim() || sending) return;
    setSending(true);
    setError('');
    try {
      const r = await sendConsult({ ...who, text: text.trim() });
      setText('');
      setNotice(r.dueText);
      setSentUrgent(r.emergency);
      await load();
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <Page>
      <View className="jy-title">{conv ? conv.teamName : '咨询家庭医生'}</View>
      {conv ? <View className="jy-muted">{conv.promise}</View> : null}
      {conv?.awaiting && conv.dueText ? (
        <View className={conv.overdue ? 'jy-status--bad' : 'jy-ok'}>
          {conv.overdue ? '已超过承诺回复时间，团队会尽快回复' : conv.dueText}
        </View>
      ) : null}
      {error ? <View className="jy-error">{error}</View> : null}
      {error && !conv ? (
        <Button type="primary" block onClick={() => Taro.switchTab({ url: '/pages/sign/index' })}>
          去签约
        </Button>
      ) : null}
      {messages.map((m) => (
        <View key={m.messageId} className="jy-card" data-from={m.from}>
          <View className="jy-muted">
            {m.from === 'team'
              ? `${m.staffName ?? '家庭医生'}${m.positionLabel ? `（${m.positionLabel}）` : ''}`
              : `${m.writerName ?? '我'}${m.proxy ? '（家属代问）' : ''}`}{' '}
            {shTime(m.at)}
          </View>
          <Text>{m.text}</Text>
        </View>
      ))}
      {conv ? (
        <View className="jy-card">
          {urgent ? (
            <View className="jy-card" data-testid="emergency-card">
              <View className="jy-status--bad">情况紧急请立即拨打 {EMERGENCY_PHONE}，不要等待在线回复</View>
              <Button
                type="danger"
                block
                onClick={() => void Taro.makePhoneCall({ phoneNumber: EMERGENCY_PHONE })}
              >
                拨打 {EMERGENCY_PHONE}
              </Button>
            </View>
          ) : null}
          <Textarea
            value={text}
            maxlength={500}
            placeholder="请描述您的问题（可使用输入法的语音输入）"
            onInput={(e) => setText(e.detail.value)}
          />
          <Button
            type="primary"
            block
            loading={sending}
            disabled={!text.trim()}
            onClick={() => void submit()}
          >
            发送
          </Button>
          {notice ? <View className="jy-ok">{notice}</View> : null}
        </View>
      ) : null}
    </Page>
  );
}
