import '../../../../pages/forms.scss';
import '../../../../pages/health/education.scss';
import type { TArticleSummary } from '@shared/api/education';
import { ARTICLE_STATUS_LABELS } from '@shared/education/status';
import { TOPIC_LABELS } from '@shared/education/topics';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { eduZh } from '../../../../i18n/education';
import type { ApiError } from '../../../../services/api';
import { approveArticle, listArticles, rejectArticle, submitArticle } from '../../../../services/education';
import { me } from '../../../../services/user';
import { Page } from '../../../../theme/theme';

const t = eduZh.staff;
const go = (url: string) => Taro.navigateTo({ url });

function Row({ a, admin, onDone }: { a: TArticleSummary; admin: boolean; onDone: (msg: string) => void }) {
  const [reason, setReason] = useState('');
  const act = (p: Promise<unknown>, msg: string) =>
    p.then(() => onDone(msg)).catch((e: ApiError) => onDone(e.message));
  const editable = a.status === 'draft' || a.status === 'rejected';
  return (
    <View className="jy-card" data-article={a.articleId}>
      <View className="edu-card__title">{a.title}</View>
      <View className="edu-card__meta">
        <Text className="edu-tag edu-tag--push">{ARTICLE_STATUS_LABELS[a.status]}</Text>
        {a.topics.map((k) => (
          <Text key={k} className="edu-tag">
            {TOPIC_LABELS[k]}
          </Text>
        ))}
        <Text className="edu-state">{a.authorName}</Text>
      </View>
      {a.rejectReason ? <Text className="jy-error">{`${t.rejectReason}：${a.rejectReason}`}</Text> : null}
      <View className="edu-row">
        <Button size="mini" onClick={() => go(`/pages/article/index?id=${a.articleId}`)}>
          {t.view}
        </Button>
        {editable ? (
          <Button size="mini" onClick={() => go(`/packages/edu/pages/editor/index?id=${a.articleId}`)}>
            {t.edit}
          </Button>
        ) : null}
        {editable ? (
          <Button size="mini" onClick={() => act(submitArticle(a.articleId), t.submitted)}>
            {t.submit}
          </Button>
        ) : null}
        {a.status === 'approved' ? (
          <Button
            size="mini"
            type="primary"
            onClick={() => go(`/packages/edu/pages/push/index?id=${a.articleId}`)}
          >
            {t.push}
          </Button>
        ) : null}
        {a.status === 'approved' ? (
          <Button size="mini" onClick={() => go(`/packages/edu/pages/reach/index?id=${a.articleId}`)}>
            {t.reach}
          </Button>
        ) : null}
      </View>
      {admin && a.status === 'in_review' ? (
        <View className="edu-row">
          <Button size="mini" type="primary" onClick={() => act(approveArticle(a.articleId), t.approved)}>
            {t.approve}
          </Button>
          <Input
            className="jy-input"
            placeholder={t.rejectReason}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button
            size="mini"
            disabled={!reason.trim()}
            onClick={() => act(rejectArticle({ articleId: a.articleId, reason }), t.rejected)}
          >
            {t.reject}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** 健康教育 (doctor: my team's articles; institution admin: the review queue and live sessions). */
export default function EducationHome() {
  const [list, setList] = useState<TArticleSummary[] | null>(null);
  const [admin, setAdmin] = useState(false);
  const [note, setNote] = useState('');
  const load = () =>
    listArticles({})
      .then((r) => setList(r.articles))
      .catch((e: ApiError) => setNote(e.message));
  useDidShow(() => {
    me()
      .then((p) => setAdmin(p.role === 'institution_admin'))
      .catch(() => undefined);
    void load();
  });
  const done = (msg: string) => {
    setNote(msg);
    void load();
  };
  return (
    <Page>
      <View className="jy-title">{t.listTitle}</View>
      <View className="edu-row">
        <Button type="primary" size="mini" onClick={() => go('/packages/edu/pages/editor/index')}>
          {t.write}
        </Button>
        {admin ? (
          <Button size="mini" onClick={() => go('/packages/edu/pages/live/index')}>
            {t.live}
          </Button>
        ) : null}
      </View>
      {note ? <Text className="jy-ok">{note}</Text> : null}
      {list && list.length === 0 ? <Text className="jy-muted">{t.none}</Text> : null}
      {(list ?? []).map((a) => (
        <Row key={a.articleId} a={a} admin={admin} onDone={done} />
      ))}
    </Page>
  );
}
