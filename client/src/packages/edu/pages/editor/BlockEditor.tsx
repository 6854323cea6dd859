import type { TArticleInput } from '@shared/api/education';
import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { eduZh } from '../../../../i18n/education';
import { pickAndUploadImage } from '../../../../services/education';

const t = eduZh.editor;

/** A block while editing: lists are one item per line; images keep a preview URL. */
export type DraftBlock =
  | { type: 'heading' | 'paragraph'; text: string }
  | { type: 'list'; text: string }
  | { type: 'image'; fileId: string; caption: string; preview: string };

/** The editing shape → the wire's block body (empty blocks dropped; the server cleans the rest). */
export const toBody = (blocks: DraftBlock[]): TArticleInput['body'] =>
  blocks.flatMap((b): TArticleInput['body'] => {
    if (b.type === 'image')
      return [{ type: 'image' as const, fileId: b.fileId, ...(b.caption ? { caption: b.caption } : {}) }];
    if (b.type === 'list') {
      const items = b.text
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
      return items.length ? [{ type: 'list' as const, ordered: false, items }] : [];
    }
    return b.text.trim() ? [{ type: b.type, text: b.text.trim() }] : [];
  });

const LABEL = { heading: t.heading, paragraph: t.paragraph, list: t.list, image: t.image } as const;

/** Headings, paragraphs, lists and uploaded images, in order; each removable. */
export function BlockEditor({
  blocks,
  onChange,
}: {
  blocks: DraftBlock[];
  onChange: (b: DraftBlock[]) => void;
}) {
  const [note, setNote] = useState('');
  const set = (i: number, b: DraftBlock) => onChange(blocks.map((x, j) => (j === i ? b : x)));
  const add = (b: DraftBlock) => onChange([...blocks, b]);
  const addImage = async () => {
    setNote(t.uploading);
    try {
      const up = await pickAndUploadImage();
      if (up) add({ type: 'image', fileId: up.fileId, caption: '', preview: up.preview });
      setNote('');
    } catch {
      setNote(t.uploadFailed);
    }
  };
  return (
    <View className="edu-blocks">
      {blocks.map((b, i) => (
        <View key={i} className="jy-card" data-block={b.type}>
          <View className="edu-row">
            <Text className="edu-tag">{LABEL[b.type]}</Text>
            <Button size="mini" onClick={() => onChange(blocks.filter((_, j) => j !== i))}>
              {t.remove}
            </Button>
          </View>
          {b.type === 'image' ? (
            <View>
              <Image className="edu-body__img" src={b.preview} mode="widthFix" />
              <Input
                className="jy-input"
                placeholder={t.caption}
                value={b.caption}
                onInput={(e) => set(i, { ...b, caption: e.detail.value })}
              />
            </View>
          ) : b.type === 'heading' ? (
            <Input
              className="jy-input"
              placeholder={t.heading}
              value={b.text}
              onInput={(e) => set(i, { ...b, text: e.detail.value })}
            />
          ) : (
            <Textarea
              className="jy-input"
              placeholder={t.paragraph}
              maxlength={2000}
              autoHeight
              value={b.text}
              onInput={(e) => set(i, { ...b, text: e.detail.value })}
            />
          )}
        </View>
      ))}
      <View className="edu-row">
        <Button size="mini" onClick={() => add({ type: 'heading', text: '' })}>
          {t.addHeading}
        </Button>
        <Button size="mini" onClick={() => add({ type: 'paragraph', text: '' })}>
          {t.addParagraph}
        </Button>
        <Button size="mini" onClick={() => add({ type: 'list', text: '' })}>
          {t.addList}
        </Button>
        <Button size="mini" onClick={addImage}>
          {t.addImage}
        </Button>
      </View>
      {note ? <Text className="jy-muted">{note}</Text> : null}
    </View>
  );
}
