import '../../../../pages/forms.scss';
import '../../../../pages/health/education.scss';
import { TAG_LABELS } from '@shared/constants/messages';
import { KEY_POPULATION_TAGS, type KeyPopulationTag } from '@shared/constants/tags';
import { EDUCATION_CONFIG } from '@shared/education/config';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { eduZh } from '../../../../i18n/education';
import type { ApiError } from '../../../../services/api';
import { previewArticleAudience, pushArticle } from '../../../../services/education';
import { me } from '../../../../services/user';
import { Page } from '../../../../theme/theme';

const t = eduZh.push;
type Choice<T extends string> = { value: T | ''; label: string };

function Chips<T extends string>({
  value,
  options,
  onPick,
}: {
  value: T | '';
  options: Choice<T>[];
  onPick: (v: T | '') => void;
}) {
  return (
    <View className="jy-chips">
      {options.map((o) => (
        <Text
          key={o.value || 'any'}
          className={value === o.value ? 'jy-chip jy-chip--on' : 'jy-chip'}
          onClick={() => onPick(o.value)}
        >
          {o.label}
        </Text>
      ))}
    </View>
  );
}

const num = (s: string) => (s.trim() === '' || Number.isNaN(Number(s)) ? undefined : Number(s));

/** 定向推送: an audience rule (never a list of names), its count, then the push. */
export default function PushArticle() {
  const [articleId, setArticleId] = useState('');
  const [teamId, setTeamId] = useState<string>();
  const [tags, setTags] = useState<KeyPopulationTag[]>([]);
  const [sex, setSex] = useState<'male' | 'female' | ''>('');
  const [ageMin, setAgeMin] = useState('');
  const [ageMax, setAgeMax] = useState('');
  const [signed, setSigned] = useState<'signed' | 'unsigned' | ''>('');
  const [myTeam, setMyTeam] = useState(false);
  const [sendOn, setSendOn] = useState('');
  const [count, setCount] = useState<number>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  useLoad((q: Record<string, string>) => {
    setArticleId(q.id ?? '');
    me()
      .then((p) => setTeamId(p.role === 'doctor' ? p.teamIds?.[0] : undefined))
      .catch(() => undefined);
  });

  const rule = () => ({
    tags,
    ...(sex ? { sex } : {}),
    ...(num(ageMin) !== undefined ? { ageMin: num(ageMin) } : {}),
    ...(num(ageMax) !== undefined ? { ageMax: num(ageMax) } : {}),
    signed: myTeam ? ('signed' as const) : signed || ('any' as const),
    ...(myTeam && teamId ? { teamId } : {}),
  });
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
    } catch (e) {
      setNote((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  const preview = () =>
    run(async () => {
      const r = await previewArticleAudience({ articleId, rule: rule() });
      setCount(r.count);
      setNote('');
    });
  const send = () =>
    run(async () => {
      const r = await pushArticle({ articleId, rule: rule(), ...(sendOn ? { sendOn } : {}) });
      setNote(
        r.status === 'scheduled'
          ? t.scheduled(r.sendOn)
          : t.result(r.delivered, r.alreadyPushed, r.weeklyCap),
      );
      if (r.status !== 'scheduled')
        setTimeout(() => Taro.redirectTo({ url: `/packages/edu/pages/reach/index?id=${articleId}` }), 1200);
    });
  const toggle = (k: KeyPopulationTag) => {
    setCount(undefined);
    setTags((s) => (s.includes(k) ? s.filter((x) => x !== k) : [...s, k]));
  };

  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      <View className="jy-form">
        <View className="jy-subtitle">{t.tags}</View>
        <View className="jy-chips">
          {KEY_POPULATION_TAGS.map((k) => (
            <Text
              key={k}
              data-tag={k}
              className={tags.includes(k) ? 'jy-chip jy-chip--on' : 'jy-chip'}
              onClick={() => toggle(k)}
            >
              {TAG_LABELS[k]}
            </Text>
          ))}
        </View>
        <View className="jy-subtitle">{t.sex}</View>
        <Chips
          value={sex}
          onPick={setSex}
          options={[
            { value: '', label: t.any },
            { value: 'male', label: t.male },
            { value: 'female', label: t.female },
          ]}
        />
        <View className="edu-row">
          <Input
            className="jy-input"
            type="number"
            placeholder={t.ageMin}
            value={ageMin}
            onInput={(e) => setAgeMin(e.detail.value)}
          />
          <Input
            className="jy-input"
            type="number"
            placeholder={t.ageMax}
            value={ageMax}
            onInput={(e) => setAgeMax(e.detail.value)}
          />
        </View>
        <View className="jy-subtitle">{t.signed}</View>
        <Chips
          value={signed}
          onPick={setSigned}
          options={[
            { value: '', label: t.any },
            { value: 'signed', label: t.signedOnly },
            { value: 'unsigned', label: t.unsignedOnly },
          ]}
        />
        {teamId ? (
          <Text className={myTeam ? 'jy-chip jy-chip--on' : 'jy-chip'} onClick={() => setMyTeam(!myTeam)}>
            {t.myTeam}
          </Text>
        ) : null}
        <Input
          className="jy-input"
          placeholder={`${t.sendOn} YYYY-MM-DD`}
          value={sendOn}
          onInput={(e) => setSendOn(e.detail.value)}
        />
        <Button disabled={busy} onClick={preview} data-testid="preview">
          {t.preview}
        </Button>
        {count !== undefined ? (
          <Text className="jy-ok" data-testid="audience-count">
            {t.count(count)}
          </Text>
        ) : null}
        <Button type="primary" disabled={busy || count === undefined} onClick={send}>
          {t.send}
        </Button>
        <Text className="jy-muted">{t.capNote(EDUCATION_CONFIG.maxPushesPerWeek)}</Text>
        {note ? <Text className="jy-ok">{note}</Text> : null}
      </View>
    </Page>
  );
}
