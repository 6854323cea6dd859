import './education.scss';
import type { TFeedItem } from '@shared/api/education';
import { TOPIC_LABELS } from '@shared/education/topics';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { eduZh as t } from '../../i18n/education';
import type { ApiError } from '../../services/api';
import { eduFeed } from '../../services/education';
import { LiveList } from './LiveList';

function Card({ item }: { item: TFeedItem }) {
  const open = () => Taro.navigateTo({ url: `/pages/article/index?id=${item.articleId}` });
  const state = item.readToEnd ? t.readToEnd : item.opened ? t.read : t.unread;
  return (
    <View className="jy-card edu-card" onClick={open} data-article={item.articleId}>
      {item.coverUrl ? <Image className="edu-card__cover" src={item.coverUrl} mode="aspectFill" /> : null}
      <View className="edu-card__text">
        <View className="edu-card__title">{item.title}</View>
        <Text className="jy-muted">{item.summary}</Text>
        <View className="edu-card__meta">
          {item.pushed ? <Text className="edu-tag edu-tag--push">{t.pushed}</Text> : null}
          {item.topics.map((k) => (
            <Text key={k} className="edu-tag">
              {TOPIC_LABELS[k]}
            </Text>
          ))}
          <Text className={item.opened ? 'edu-state' : 'edu-state edu-state--unread'}>{state}</Text>
        </View>
      </View>
    </View>
  );
}

/**
 * The 健康 tab's education part: articles for me (pushed to me, or for my or my family's key
 * populations) first, then the rest, each with its read state; upcoming live sessions below.
 */
export function EducationFeed() {
  const [items, setItems] = useState<TFeedItem[] | null>(null);
  const [note, setNote] = useState('');
  useDidShow(() => {
    eduFeed()
      .then((r) => {
        setItems(r.items);
        setNote('');
      })
      .catch((e: ApiError) =>
        setNote(e.code === 'FORBIDDEN' || e.code === 'NOT_VERIFIED' ? t.notResident : e.message),
      );
  });
  const mine = (items ?? []).filter((i) => i.forMe);
  const rest = (items ?? []).filter((i) => !i.forMe);
  return (
    <View className="edu-feed">
      <View className="jy-title">{t.feedTitle}</View>
      {note ? <Text className="jy-muted">{note}</Text> : null}
      {items === null && !note ? <Text className="jy-muted">{t.loading}</Text> : null}
      {items && items.length === 0 ? <Text className="jy-muted">{t.empty}</Text> : null}
      {mine.length ? <View className="jy-subtitle">{t.forMe}</View> : null}
      {mine.map((i) => (
        <Card key={i.articleId} item={i} />
      ))}
      {rest.length ? <View className="jy-subtitle">{t.more}</View> : null}
      {rest.map((i) => (
        <Card key={i.articleId} item={i} />
      ))}
      {items ? <LiveList /> : null}
    </View>
  );
}
