import '../../../../pages/forms.scss';
import '../../../../pages/health/education.scss';
import type { TArticleView } from '@shared/api/education';
import { TOPIC_LABELS, TOPICS, type Topic } from '@shared/education/topics';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { eduZh } from '../../../../i18n/education';
import type { ApiError } from '../../../../services/api';
import { draftArticle, readArticle, submitArticle, updateArticle } from '../../../../services/education';
import { Page } from '../../../../theme/theme';
import { BlockEditor, type DraftBlock, toBody } from './BlockEditor';

const t = eduZh.editor;

const fromView = (a: TArticleView): DraftBlock[] =>
  a.body.map((b) =>
    b.type === 'image'
      ? { type: 'image', fileId: b.fileId, caption: b.caption ?? '', preview: 'url' in b ? b.url : '' }
      : b.type === 'list'
        ? { type: 'list', text: b.items.join('\n') }
        : { type: b.type === 'heading' ? 'heading' : 'paragraph', text: b.text },
  );

/** Write or edit an article: title, summary, topics, body blocks with uploaded images. */
export default function ArticleEditor() {
  const [id, setId] = useState<string>();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [topics, setTopics] = useState<Topic[]>([]);
  const [blocks, setBlocks] = useState<DraftBlock[]>([{ type: 'paragraph', text: '' }]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  useLoad((q: Record<string, string>) => {
    if (!q.id) return;
    readArticle(q.id)
      .then((a) => {
        setId(a.articleId);
        setTitle(a.title);
        setSummary(a.summary);
        setTopics(a.topics);
        setBlocks(fromView(a));
      })
      .catch((e: ApiError) => setNote(e.message));
  });

  const toggle = (k: Topic) => setTopics((s) => (s.includes(k) ? s.filter((x) => x !== k) : [...s, k]));
  const save = async (andSubmit: boolean) => {
    setBusy(true);
    try {
      const input = { title, summary, topics, body: toBody(blocks) };
      const saved = id ? await updateArticle({ ...input, articleId: id }) : await draftArticle(input);
      setId(saved.articleId);
      if (andSubmit) {
        await submitArticle(saved.articleId);
        setNote(eduZh.staff.submitted);
        setTimeout(() => Taro.navigateBack(), 600);
      } else setNote(t.saved);
    } catch (e) {
      setNote((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      <View className="jy-form">
        <Input
          className="jy-input"
          placeholder={t.titleField}
          value={title}
          onInput={(e) => setTitle(e.detail.value)}
        />
        <Textarea
          className="jy-input"
          placeholder={t.summary}
          maxlength={120}
          autoHeight
          value={summary}
          onInput={(e) => setSummary(e.detail.value)}
        />
        <View className="jy-subtitle">{t.topics}</View>
        <View className="jy-chips">
          {TOPICS.map((k) => (
            <Text
              key={k}
              className={topics.includes(k) ? 'jy-chip jy-chip--on' : 'jy-chip'}
              onClick={() => toggle(k)}
              data-topic={k}
            >
              {TOPIC_LABELS[k]}
            </Text>
          ))}
        </View>
        <View className="jy-subtitle">{t.body}</View>
        <BlockEditor blocks={blocks} onChange={setBlocks} />
        <Text className="jy-muted">{t.sanitiseNote}</Text>
        {note ? <Text className="jy-ok">{note}</Text> : null}
        <Button disabled={busy} onClick={() => save(false)}>
          {t.save}
        </Button>
        <Button type="primary" disabled={busy} onClick={() => save(true)}>
          {t.saveAndSubmit}
        </Button>
      </View>
    </Page>
  );
}
