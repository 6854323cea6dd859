import '../../../../pages/forms.scss';
import type { TReach } from '@shared/api/education';
import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { eduZh } from '../../../../i18n/education';
import type { ApiError } from '../../../../services/api';
import { getReach, readArticle } from '../../../../services/education';
import { Page } from '../../../../theme/theme';

const t = eduZh.reach;

/** 阅读情况 of one article: pushed, delivered per channel, opened, read to the end (counts only). */
export default function Reach() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [r, setR] = useState<TReach>();
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  useDidShow(() => {
    getReach({ articleId: id })
      .then(setR)
      .catch((e: ApiError) => setNote(e.message));
    readArticle(id)
      .then((a) => setTitle(a.title))
      .catch(() => undefined);
  });
  const rows: [string, number | undefined][] = [
    [t.pushed, r?.pushed],
    [t.inApp, r?.delivered.inApp],
    [t.wechat, r?.delivered.wechat],
    [t.opened, r?.opened],
    [t.readToEnd, r?.readToEnd],
  ];
  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      <Text className="jy-muted">{title}</Text>
      {note ? <Text className="jy-error">{note}</Text> : null}
      <View className="jy-card">
        {rows.map(([label, n]) => (
          <View key={label} className="edu-row" data-reach={label}>
            <Text>{label}</Text>
            <Text className="edu-card__title">{n ?? '—'}</Text>
          </View>
        ))}
      </View>
    </Page>
  );
}
