import '../forms.scss';
import '../health/education.scss';
import type { TArticleView } from '@shared/api/education';
import { TOPIC_LABELS } from '@shared/education/topics';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useLoad, useReachBottom } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { eduZh as t } from '../../i18n/education';
import type { ApiError } from '../../services/api';
import { markArticleRead, readArticle } from '../../services/education';
import { Page } from '../../theme/theme';
import { ReadAloud } from './ReadAloud';

type Block = TArticleView['body'][number];

/** The body as plain text for read-aloud (kept here: the shared helper's module imports zod). */
const plainText = (a: TArticleView) =>
  [
    a.title,
    a.summary,
    ...a.body.map((b) =>
      b.type === 'list' ? b.items.join('。') : b.type === 'image' ? (b.caption ?? '') : b.text,
    ),
  ]
    .filter(Boolean)
    .join('。');

function BlockView({ b }: { b: Block }) {
  switch (b.type) {
    case 'heading':
      return <View className="edu-body__h">{b.text}</View>;
    case 'paragraph':
      return <Text className="edu-body__p">{b.text}</Text>;
    case 'list':
      return (
        <View>
          {b.items.map((it, i) => (
            <Text key={`${i}-${it}`} className="edu-body__li">
              {b.ordered ? `${i + 1}. ${it}` : `• ${it}`}
            </Text>
          ))}
        </View>
      );
    case 'image':
      return (
        <View>
          {'url' in b && b.url ? <Image className="edu-body__img" src={b.url} mode="widthFix" /> : null}
          {b.caption ? <Text className="edu-body__caption">{b.caption}</Text> : null}
        </View>
      );
    case 'link':
      return (
        <Text className="edu-body__p jy-link" onClick={() => Taro.navigateTo({ url: b.href })}>
          {b.text}
        </Text>
      );
    default:
      return null;
  }
}

/** The article reader (main package, light): opened on load, read to the end at the bottom. */
export default function ArticleReader() {
  const [a, setA] = useState<TArticleView>();
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const sent = useRef({ opened: false, end: false });
  const isResident = useRef(true);

  useLoad((q: Record<string, string>) => {
    const id = q.id ?? '';
    readArticle(id)
      .then((art) => {
        setA(art);
        if (!sent.current.opened) {
          sent.current.opened = true;
          markArticleRead({ articleId: id, progress: 'opened' }).catch(() => {
            isResident.current = false;
          });
        }
      })
      .catch((e: ApiError) => setError(e.message));
  });

  const finish = useCallback(() => {
    if (!a || sent.current.end) return;
    sent.current.end = true;
    setDone(true);
    if (isResident.current)
      markArticleRead({ articleId: a.articleId, progress: 'read_to_end' }).catch(() => undefined);
  }, [a]);
  useReachBottom(finish);

  return (
    <Page>
      {error ? <Text className="jy-error">{error}</Text> : null}
      {a ? (
        <View className="edu-article">
          <View className="jy-title">{a.title}</View>
          <View className="edu-card__meta">
            {a.topics.map((k) => (
              <Text key={k} className="edu-tag">
                {TOPIC_LABELS[k]}
              </Text>
            ))}
            <Text className="edu-state">{a.authorName}</Text>
          </View>
          <View className="edu-row">
            <ReadAloud text={plainText(a)} />
          </View>
          <View className="edu-body">
            <Text className="edu-body__p jy-muted">{a.summary}</Text>
            {a.body.map((b, i) => (
              <BlockView key={`${b.type}-${i}`} b={b} />
            ))}
          </View>
          <View className="edu-row" id="article-end">
            {done ? (
              <Text className="jy-ok">{t.reader.thanks}</Text>
            ) : (
              <Button className="edu-finish" onClick={finish}>
                {t.reader.finished}
              </Button>
            )}
          </View>
        </View>
      ) : null}
    </Page>
  );
}
