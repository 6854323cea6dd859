import '../forms.scss';
import { Button, Cell, Checkbox } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@shared/api/define';
import type { FAMILY_RELATIONS, listFamily as listFamilyDef } from '@shared/api/user';
import { Input, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { zh } from '../../i18n/zh';
import type { ApiError } from '../../services/api';
import { addFamilyMember, listFamily } from '../../services/user';
import { Page } from '../../theme/theme';
import { FamilyRequests } from './Requests';

type Members = OutputOf<typeof listFamilyDef>['members'];
type Relation = (typeof FAMILY_RELATIONS)[number];
const t = zh.family;
// The relation choices, in the contract's order (zh lists a label for each, plus 'self').
const RELATIONS = Object.keys(t.relations).filter((r): r is Relation => r !== 'self');

/** 家庭成员: the caller and the people they act for (masked IDs only), and adding one. */
export default function Family() {
  const [members, setMembers] = useState<Members>([]);
  const [form, setForm] = useState({ name: '', idNumber: '' });
  const [relation, setRelation] = useState<Relation>('parent');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState('');
  const reload = () =>
    listFamily()
      .then((r) => setMembers(r.members))
      .catch((e: ApiError) => setError(e.message));
  useDidShow(() => void reload());
  const field = (k: keyof typeof form) => (e: { detail: { value: string } }) =>
    setForm({ ...form, [k]: e.detail.value });

  const add = async () => {
    setError('');
    try {
      if (!consent) throw new Error(t.consent);
      await addFamilyMember({ ...form, relation, consent: true });
      setForm({ name: '', idNumber: '' });
      setConsent(false);
      await reload();
    } catch (e) {
      setError((e as ApiError).message);
    }
  };

  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      <View className="jy-muted">{t.intro}</View>
      <FamilyRequests onAnswered={() => void reload()} />
      <Cell.Group>
        {members.map((m) => (
          <Cell
            key={m.residentId}
            title={`${m.name}（${t.relations[m.relation as keyof typeof t.relations] ?? m.relation}）`}
            description={`${m.maskedIdNumber} · ${t.age(m.age)}`}
          />
        ))}
      </Cell.Group>
      <View className="jy-subtitle">{t.add}</View>
      <View className="jy-form">
        <Input className="jy-input" placeholder={t.name} value={form.name} onInput={field('name')} />
        <Input
          className="jy-input"
          placeholder={t.idNumber}
          maxlength={18}
          value={form.idNumber}
          onInput={field('idNumber')}
        />
        <View className="jy-chips">
          {RELATIONS.map((r) => (
            <View
              key={r}
              className={`jy-chip${r === relation ? ' jy-chip--on' : ''}`}
              onClick={() => setRelation(r)}
            >
              {t.relations[r]}
            </View>
          ))}
        </View>
        <Checkbox className="jy-consent" checked={consent} onChange={setConsent} label={t.consent} />
        {error ? <View className="jy-error">{error}</View> : null}
        <Button type="primary" block onClick={add}>
          {t.submit}
        </Button>
      </View>
    </Page>
  );
}
