import '../../../../pages/forms.scss';
import './consult.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { TConsultMessageView } from '@shared/api/consult';
import { EMERGENCY_PHONE, emergencyWordsIn } from '@shared/consult/rules';
import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { ApiError } from '../../../../services/api';
import {
  getThread,
  linkConsult,
  openConsult,
  sendConsult,
  uploadConsultPhoto,
} from '../../../../services/consult';
import { Page, useTheme } from '../../../../theme/theme';

type Conv = {
  residentId: string;
  teamName: string;
  promise: string;
  dueText?: string;
  overdue: boolean;
  awaiting: boolean;
};

/** Same as shared/api/consult.ts MAX_PHOTOS (not imported: that module pulls zod). */
const MAX_PHOTOS = 3;
/** Same as the booking page's key: opens 预约 for this patient (a tab cannot take a query). */
const BOOKING_FOR_KEY = 'jy.booking.for';

const shTime = (at: string | Date): string => {
  const d = new Date(new Date(at).getTime() + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
};

const PHOTO_STATE: Record<string, string> = {
  pending: '图片审核中',
  refused: '图片未通过安全审核，医生看不到',
};

/**
 * 咨询家庭医生: the resident (or a family member, `?residentId=`) asks their signed team, with up to
 * three photos; any member answers. Emergency words show the call-120 card at once, before
 * anything is sent. Quick actions turn the conversation into a booking or a home-visit request.
 */
export default function Consult() {
  const residentId = useRouter().params.residentId || undefined;
  const { largeFont } = useTheme();
  const [conv, setConv] = useState<Conv | null>(null);
  const [messages, setMessages] = useState<TConsultMessageView[]>([]);
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [notSigned, setNotSigned] = useState(false);
  const [notice, setNotice] = useState('');
  const [sending, setSending] = useState(false);
  const [sentUrgent, setSentUrgent] = useState(false);
  const poll = useRef<ReturnType<typeof setTimeout> | null>(null);
  const who = residentId ? { residentId } : {};

  const load = async (): Promise<TConsultMessageView[] | undefined> => {
    setError('');
    try {
      const c = await openConsult(who);
      const th = await getThread(who);
      setConv(th.conversation ?? c);
      setMessages(th.messages);
      setNotSigned(false);
      return th.messages;
    } catch (e) {
      const err = e as ApiError;
      setError(err.message);
      setNotSigned(err.code === 'CONSULT_NOT_SIGNED');
      return undefined;
    }
  };
  // Photos wait for WeChat's verdict: look again a few times while any is pending.
  const watchPending = (left: number) => {
    if (poll.current) clearTimeout(poll.current);
    if (left <= 0) return;
    poll.current = setTimeout(async () => {
      const ms = await load();
      if (ms?.some((m) => m.photos?.some((p) => p.status === 'pending'))) watchPending(left - 1);
    }, 2000);
  };
  useDidShow(() => {
    void load().then((ms) => {
      if (ms?.some((m) => m.photos?.some((p) => p.status === 'pending'))) watchPending(10);
    });
  });
  useDidHide(() => {
    if (poll.current) clearTimeout(poll.current);
  });

  const pickPhotos = async () => {
    try {
      const r = await Taro.chooseImage({
        count: MAX_PHOTOS - picked.length,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      setPicked((p) => [...p, ...r.tempFilePaths].slice(0, MAX_PHOTOS));
    } catch {
      // The resident closed the picker.
    }
  };

  const urgent = sentUrgent || emergencyWordsIn(text).length > 0;
  const submit = async () => {
    if (!text.trim() || sending || !conv) return;
    setSending(true);
    setError('');
    try {
      const photos = [];
      for (const path of picked) photos.push(await uploadConsultPhoto(conv.residentId, path));
      const r = await sendConsult({ ...who, text: text.trim(), photos });
      setText('');
      setPicked([]);
      setNotice(r.photosPending ? `${r.dueText}；图片审核通过后医生才能看到` : r.dueText);
      setSentUrgent(r.emergency);
      await load();
      if (r.photosPending) watchPending(10);
    } catch (e) {
      setError((e as ApiError).message || '发送失败，请稍后再试');
    } finally {
      setSending(false);
    }
  };

  const toBooking = async () => {
    if (!conv) return;
    try {
      await linkConsult({ ...who, kind: 'booking' });
    } catch {
      // The booking itself matters more than the note on the conversation.
    }
    Taro.setStorageSync(BOOKING_FOR_KEY, conv.residentId);
    await Taro.switchTab({ url: '/pages/booking/index' });
  };
  const toHomeVisit = async () => {
    if (!conv) return;
    try {
      await linkConsult({ ...who, kind: 'homeVisit' });
    } catch {
      // As above.
    }
    const reason = encodeURIComponent('咨询后申请上门');
    await Taro.navigateTo({ url: `/pages/home-visit/index?residentId=${conv.residentId}&reason=${reason}` });
  };

  return (
    <Page>
      <View className="jy-title">{conv ? conv.teamName : '咨询家庭医生'}</View>
      {conv ? <View className="jy-muted">{conv.promise}</View> : null}
      {conv?.awaiting && conv.dueText ? (
        <View className={conv.overdue ? 'jy-status--bad' : 'jy-ok'} data-testid="consult-due">
          {conv.overdue ? '已超过承诺回复时间，团队会尽快回复' : conv.dueText}
        </View>
      ) : null}
      {error ? <View className="jy-error">{error}</View> : null}
      {notSigned ? (
        <Button type="primary" block onClick={() => Taro.switchTab({ url: '/pages/sign/index' })}>
          去签约
        </Button>
      ) : null}
      {messages.map((m) => (
        <View
          key={m.messageId}
          className={`jy-card jy-consult__msg jy-consult__msg--${m.link ? 'link' : m.from}`}
          data-from={m.from}
        >
          <View className="jy-muted">
            {m.link
              ? '快捷操作'
              : m.from === 'team'
                ? `${m.staffName ?? '家庭医生'}${m.positionLabel ? `（${m.positionLabel}）` : ''}`
                : `${m.writerName ?? '我'}${m.proxy ? '（家属代问）' : ''}`}{' '}
            {shTime(m.at)}
          </View>
          <Text>{m.text}</Text>
          {m.photos?.length ? (
            <View className="jy-consult__photos">
              {m.photos.map((p, i) =>
                p.status === 'visible' && p.thumbUrl ? (
                  <Image
                    key={i}
                    className="jy-consult__thumb"
                    src={p.thumbUrl}
                    mode="aspectFill"
                    data-testid="consult-thumb"
                    onClick={() =>
                      void Taro.previewImage({
                        current: p.url ?? p.thumbUrl ?? '',
                        urls: (m.photos ?? []).map((x) => x.url ?? '').filter(Boolean),
                      })
                    }
                  />
                ) : (
                  <View key={i} className="jy-consult__thumb jy-consult__thumb--state" data-state={p.status}>
                    {PHOTO_STATE[p.status] ?? ''}
                  </View>
                ),
              )}
            </View>
          ) : null}
        </View>
      ))}
      {conv && messages.some((m) => m.from === 'team') ? (
        <View className="jy-card" data-testid="consult-quick">
          <View className="jy-subtitle">需要面诊？</View>
          <Button type="primary" block onClick={() => void toBooking()}>
            预约就诊
          </Button>
          <Button block onClick={() => void toHomeVisit()}>
            申请上门服务
          </Button>
        </View>
      ) : null}
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
            placeholder="请描述您的问题"
            onInput={(e) => setText(e.detail.value)}
          />
          <View className={largeFont ? 'jy-ok' : 'jy-muted'} data-testid="voice-hint">
            打字不方便？点输入法键盘上的“话筒”按钮，说话就能输入文字
          </View>
          {picked.length ? (
            <View className="jy-consult__photos">
              {picked.map((p) => (
                <Image key={p} className="jy-consult__thumb" src={p} mode="aspectFill" />
              ))}
            </View>
          ) : null}
          {picked.length < MAX_PHOTOS ? (
            <Button block onClick={() => void pickPhotos()}>
              添加图片（药盒、皮疹、化验单，最多 {MAX_PHOTOS} 张）
            </Button>
          ) : null}
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
