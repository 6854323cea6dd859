import '../../../../pages/forms.scss';
import './consult.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { TTimelineEntry } from '@shared/api/care';
import type { TConsultMessageView, TTemplateView } from '@shared/api/consult';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { useInFlight } from '../../../../components/form/useInFlight';
import type { ApiError } from '../../../../services/api';
import { getTimeline } from '../../../../services/care';
import {
  closeConsult,
  deleteConsultTemplate,
  getConsultInbox,
  getTemplates,
  getThread,
  replyConsult,
  saveConsultTemplate,
} from '../../../../services/consult';
import { Page } from '../../../../theme/theme';

type Filter = 'awaiting' | 'mine' | 'overdue';
type Item = {
  consultId: string;
  residentId: string;
  nameMasked: string;
  overdue: boolean;
  minutesLeft: number;
  lastStaffName?: string;
};
type Outcome = 'answered' | 'booked' | 'home_visit' | 'referred' | 'no_reply';

const FILTERS: { key: Filter; label: string }[] = [
  { key: 'awaiting', label: '待回复' },
  { key: 'mine', label: '我回复过的' },
  { key: 'overdue', label: '已超时' },
];
const OUTCOMES: { key: Outcome; label: string }[] = [
  { key: 'answered', label: '已解答' },
  { key: 'booked', label: '已预约就诊' },
  { key: 'home_visit', label: '已安排上门' },
  { key: 'referred', label: '已转诊' },
  { key: 'no_reply', label: '居民未回应' },
];

const left = (m: number): string =>
  m < 0 ? `已超时 ${Math.ceil(-m / 60)} 小时` : m < 60 ? `剩 ${m} 分钟` : `剩 ${Math.floor(m / 60)} 小时`;

/**
 * 居民咨询: the team's unanswered conversations, least time left first, filtered (all / mine /
 * overdue) with counts; open one to see the messages and photos, the resident's care timeline
 * beside them, answer (or start from a team template), and close with an outcome.
 */
export default function ConsultInbox() {
  const [filter, setFilter] = useState<Filter>('awaiting');
  const [items, setItems] = useState<Item[] | null>(null);
  const [counts, setCounts] = useState({ awaiting: 0, overdue: 0, mine: 0 });
  const [openItem, setOpenItem] = useState<Item | null>(null);
  const [messages, setMessages] = useState<TConsultMessageView[]>([]);
  const [timeline, setTimeline] = useState<TTimelineEntry[] | null>(null);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('answered');
  const [templates, setTemplates] = useState<TTemplateView[]>([]);
  const [editing, setEditing] = useState<{ templateId?: string; title: string; text: string } | null>(null);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');

  const load = (f: Filter = filter) =>
    getConsultInbox({ filter: f })
      .then((r) => {
        setItems(r.items);
        setCounts(r.counts);
      })
      .catch((e: ApiError) => setError(e.message));
  const loadTemplates = () =>
    getTemplates({})
      .then((r) => setTemplates(r.items))
      .catch(() => undefined);
  useDidShow(() => {
    void load();
    void loadTemplates();
  });

  const show = async (i: Item) => {
    setError('');
    setNote('');
    setTimeline(null);
    try {
      const th = await getThread({ consultId: i.consultId });
      setOpenItem(i);
      setMessages(th.messages);
      setText('');
      // The resident's care timeline beside the conversation (absent when not under care).
      getTimeline(i.residentId)
        .then((t) => setTimeline(t.entries.slice(0, 8)))
        .catch(() => setTimeline([]));
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  // One reply / close per tap: a double tap on 回复 sends the reply once (issue 12).
  const guard = useInFlight();
  const act = (consultId: string, fn: () => Promise<unknown>, done: string) =>
    guard.run(consultId, async () => {
      setError('');
      try {
        await fn();
        setText('');
        setOpenItem(null);
        setNote(done);
        await load();
      } catch (e) {
        setError((e as ApiError).message);
      }
    });
  const saveTemplate = async () => {
    if (!editing) return;
    setError('');
    try {
      await saveConsultTemplate({
        ...(editing.templateId ? { templateId: editing.templateId } : {}),
        title: editing.title.trim(),
        text: editing.text.trim(),
      });
      setEditing(null);
      await loadTemplates();
    } catch (e) {
      setError((e as ApiError).message);
    }
  };

  return (
    <Page>
      <View className="jy-title">居民咨询</View>
      <View className={counts.overdue ? 'jy-status--bad' : 'jy-muted'} data-testid="consult-counts">
        待回复 {counts.awaiting} 条，其中超时 {counts.overdue} 条
      </View>
      <View className="jy-chips">
        {FILTERS.map((f) => (
          <View
            key={f.key}
            className={`jy-chip${f.key === filter ? ' jy-chip--on' : ''}`}
            onClick={() => {
              setFilter(f.key);
              setOpenItem(null);
              void load(f.key);
            }}
          >
            {f.label}（
            {f.key === 'awaiting' ? counts.awaiting : f.key === 'mine' ? counts.mine : counts.overdue}）
          </View>
        ))}
      </View>
      {error ? <View className="jy-error">{error}</View> : null}
      {note ? <View className="jy-ok">{note}</View> : null}
      {items && items.length === 0 ? <View className="jy-muted">暂无待回复的咨询</View> : null}
      {(items ?? []).map((i) => (
        <View key={i.consultId} className="jy-card" data-consult={i.consultId}>
          <View onClick={() => void show(i)}>
            <Text>{i.nameMasked} </Text>
            <Text className={i.overdue ? 'jy-status--bad' : 'jy-muted'}>{left(i.minutesLeft)}</Text>
            {i.lastStaffName ? <Text className="jy-muted"> · 上次由{i.lastStaffName}回复</Text> : null}
          </View>
          {openItem?.consultId === i.consultId ? (
            <View>
              {messages.map((m) => (
                <View key={m.messageId} className={m.emergency ? 'jy-status--bad' : ''}>
                  <Text className="jy-muted">
                    {m.link
                      ? '快捷操作'
                      : m.from === 'team'
                        ? `${m.staffName ?? ''}${m.positionLabel ? `（${m.positionLabel}）` : ''}`
                        : `${m.writerName ?? '居民'}${m.proxy ? '（家属代问）' : ''}`}
                    {m.emergency ? ' [疑似急症]' : ''}：
                  </Text>
                  <Text>{m.text}</Text>
                  {m.photos?.length ? (
                    <View>
                      {(m.photos ?? []).map((p) =>
                        p.thumbUrl ? (
                          <Image
                            key={p.thumbUrl}
                            src={p.thumbUrl}
                            mode="aspectFill"
                            className="jy-consult-thumb"
                            data-testid="consult-thumb"
                            onClick={() =>
                              void Taro.previewImage({
                                current: p.url ?? p.thumbUrl ?? '',
                                urls: [p.url ?? ''],
                              })
                            }
                          />
                        ) : null,
                      )}
                    </View>
                  ) : null}
                </View>
              ))}
              {timeline ? (
                <View className="jy-card" data-testid="consult-timeline">
                  <View className="jy-subtitle">健康档案时间线</View>
                  {timeline.length === 0 ? <View className="jy-muted">暂无记录</View> : null}
                  {timeline.map((t) => (
                    <View key={t.id} className="jy-muted">
                      {t.day} {t.title}
                      {t.detail ? ` · ${t.detail}` : ''}
                    </View>
                  ))}
                </View>
              ) : null}
              {templates.length ? (
                <View className="jy-chips" data-testid="consult-templates">
                  {templates.map((t) => (
                    <View key={t.templateId} className="jy-chip" onClick={() => setText(t.text)}>
                      {t.title}
                    </View>
                  ))}
                </View>
              ) : null}
              <Textarea
                value={text}
                maxlength={500}
                placeholder="回复内容（可点上方模板）"
                onInput={(e) => setText(e.detail.value)}
              />
              <Button
                type="primary"
                block
                disabled={!text.trim() || guard.busy(i.consultId)}
                onClick={() =>
                  void act(
                    i.consultId,
                    () => replyConsult({ consultId: i.consultId, text: text.trim() }),
                    '已回复',
                  )
                }
              >
                回复
              </Button>
              <View className="jy-subtitle">结束咨询</View>
              <View className="jy-chips">
                {OUTCOMES.map((o) => (
                  <View
                    key={o.key}
                    className={`jy-chip${o.key === outcome ? ' jy-chip--on' : ''}`}
                    onClick={() => setOutcome(o.key)}
                  >
                    {o.label}
                  </View>
                ))}
              </View>
              <Button
                block
                disabled={guard.busy(i.consultId)}
                onClick={() =>
                  void act(i.consultId, () => closeConsult({ consultId: i.consultId, outcome }), '已结束咨询')
                }
              >
                结束咨询
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      <View className="jy-card" data-testid="template-admin">
        <View className="jy-subtitle">团队回复模板</View>
        {templates.map((t) => (
          <View key={t.templateId} className="jy-muted">
            <Text>
              {t.title}：{t.text}
              {t.byName ? `（${t.byName}）` : ''}{' '}
            </Text>
            <Text
              className="jy-link"
              onClick={() => setEditing({ templateId: t.templateId, title: t.title, text: t.text })}
            >
              编辑
            </Text>{' '}
            <Text
              className="jy-link"
              onClick={() =>
                void deleteConsultTemplate({ templateId: t.templateId })
                  .then(loadTemplates)
                  .catch((e: ApiError) => setError(e.message))
              }
            >
              删除
            </Text>
          </View>
        ))}
        {editing ? (
          <View className="jy-form">
            <Input
              className="jy-input"
              value={editing.title}
              maxlength={20}
              placeholder="模板标题"
              onInput={(e) => {
                const v = e.detail.value;
                setEditing((x) => (x ? { ...x, title: v } : x));
              }}
            />
            <Textarea
              value={editing.text}
              maxlength={500}
              placeholder="模板内容"
              onInput={(e) => {
                const v = e.detail.value;
                setEditing((x) => (x ? { ...x, text: v } : x));
              }}
            />
            <Button
              type="primary"
              block
              disabled={!editing.title.trim() || !editing.text.trim()}
              onClick={() => void saveTemplate()}
            >
              保存模板
            </Button>
            <Button block onClick={() => setEditing(null)}>
              取消
            </Button>
          </View>
        ) : (
          <Button block onClick={() => setEditing({ title: '', text: '' })}>
            新增模板
          </Button>
        )}
      </View>
    </Page>
  );
}
