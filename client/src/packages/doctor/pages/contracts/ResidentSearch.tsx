import { Button } from '@nutui/nutui-react-taro';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { FieldError } from '../../../../components/form/FieldError';
import { useSubmit } from '../../../../components/form/useSubmit';
import { staffZh } from '../../../../i18n/staff';
import { type ResidentMatch, searchResidents } from '../../../../services/staff';

const t = staffZh.search;

/**
 * 查找居民 for assisted signing (issue 12): name + last 4 of the ID number or mobile, answered
 * with masked matches of the caller's service area only; choosing one fills the form.
 */
export function ResidentSearch({ onChoose }: { onChoose: (r: ResidentMatch) => void }) {
  const [name, setName] = useState('');
  const [tail, setTail] = useState('');
  const [found, setFound] = useState<ResidentMatch[] | null>(null);
  const s = useSubmit(() => searchResidents(name.trim(), tail.trim()), {
    check: () => {
      const m: Record<string, string> = {};
      if (!name.trim()) m.name = t.missing.name;
      if (!tail.trim()) m.tail = t.missing.tail;
      return m;
    },
    onDone: (r) => setFound(r?.residents ?? []),
  });
  const bad = (k: string) => `jy-input${s.fields[k] ? ' jy-input--bad' : ''}`;
  return (
    <View className="jy-form" data-testid="resident-search">
      <View className="jy-muted">{t.intro}</View>
      <Input
        className={bad('name')}
        placeholder={t.name}
        value={name}
        onInput={(e) => {
          setName(e.detail.value);
          s.clearField('name');
        }}
      />
      <FieldError message={s.fields.name} />
      <Input
        className={bad('tail')}
        placeholder={t.tail}
        maxlength={4}
        value={tail}
        onInput={(e) => {
          setTail(e.detail.value);
          s.clearField('tail');
        }}
      />
      <FieldError message={s.fields.tail} />
      {s.error ? <View className="jy-error">{s.error}</View> : null}
      <Button type="primary" block loading={s.busy} disabled={s.busy} onClick={() => void s.submit()}>
        {t.submit}
      </Button>
      {found && found.length === 0 ? <View className="jy-muted">{t.none}</View> : null}
      {(found ?? []).map((r) => (
        <View key={r.residentId} className="jy-card jy-match" data-testid="resident-match">
          <View className="jy-subtitle">{`${r.name}（${t.sex[r.sex] ?? ''}，${t.age(r.age)}）`}</View>
          <View>{`身份证 ${r.maskedIdNumber}`}</View>
          {r.maskedMobile ? <View>{`手机 ${r.maskedMobile}`}</View> : null}
          {r.placeName ? <View className="jy-muted">{r.placeName}</View> : null}
          <Button block onClick={() => onChoose(r)}>
            {t.choose}
          </Button>
        </View>
      ))}
    </View>
  );
}
