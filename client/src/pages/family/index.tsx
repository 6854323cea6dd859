import '../forms.scss';
import { Button, Cell } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@shared/api/define';
import type { FAMILY_RELATIONS, listFamily as listFamilyDef, me as meDef } from '@shared/api/user';
import { Input, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { Check } from '../../components/Check';
import { FieldError } from '../../components/form/FieldError';
import { missingForIdentity } from '../../components/form/identity';
import { RegionPicker, type ResidenceValue } from '../../components/form/RegionPicker';
import { useSubmit } from '../../components/form/useSubmit';
import { relationLabel, zh } from '../../i18n/zh';
import type { ApiError } from '../../services/api';
import { addFamilyMember, listFamily, me } from '../../services/user';
import { Page } from '../../theme/theme';
import { FamilyRequests } from './Requests';

type Members = OutputOf<typeof listFamilyDef>['members'];
type MyResidence = NonNullable<OutputOf<typeof meDef>['residence']>;
type Relation = (typeof FAMILY_RELATIONS)[number];
const t = zh.family;
// The relation choices, in the contract's order (zh lists a label for each, plus 'self').
const RELATIONS = Object.keys(t.relations).filter((r): r is Relation => r !== 'self');
const EMPTY: ResidenceValue = { regionId: '', address: '', placeName: '' };

/** 家庭成员: the caller and the people they act for (masked IDs only), and adding one. */
export default function Family() {
  const [members, setMembers] = useState<Members | null>(null);
  const [form, setForm] = useState({ name: '', idNumber: '' });
  const [relation, setRelation] = useState<Relation>('parent');
  const [consent, setConsent] = useState(false);
  const [mine, setMine] = useState<MyResidence>();
  // Until me() answers we don't know whether to offer 与我同住: showing the picker meanwhile
  // makes the form jump under the user's finger when the answer arrives.
  const [mineKnown, setMineKnown] = useState(false);
  // Most family members live with the resident: reuse their residence unless told otherwise.
  const [withMe, setWithMe] = useState(true);
  const [residence, setResidence] = useState<ResidenceValue>(EMPTY);
  const [loadError, setLoadError] = useState('');
  const [added, setAdded] = useState('');
  // Only the newest list answer may paint: on a busy server the answer to the list asked for on
  // opening the page can arrive after the one asked for after an add, and it would paint the list
  // without the new member (issue 12: "the list does not repaint after a successful add").
  const asked = useRef(0);
  const reload = () => {
    const n = ++asked.current;
    return listFamily()
      .then((r) => {
        if (n === asked.current) setMembers(r.members);
      })
      .catch((e: ApiError) => {
        if (n === asked.current) setLoadError(e.message);
      });
  };
  useDidShow(() => {
    void reload();
    me()
      .then((p) => {
        setMine(p.residence);
        if (!p.residence) setWithMe(false);
      })
      .catch(() => setWithMe(false))
      .finally(() => setMineKnown(true));
  });
  const sameHome = withMe && mine !== undefined;
  const s = useSubmit(
    (requestId) =>
      addFamilyMember({
        ...form,
        relation,
        consent: true,
        requestId,
        residence: sameHome
          ? { regionId: mine.gridId ?? mine.villageId, address: mine.address }
          : { regionId: residence.regionId, address: residence.address },
      }),
    {
      check: () => missingForIdentity(form, sameHome ? undefined : residence, consent),
      onDone: async (m) => {
        setAdded(m ? t.addedWho(m.name) : t.added);
        // Paint the new member from the server's answer at once; the reload then brings the rest.
        if (m) setMembers((ms) => (ms && !ms.some((x) => x.residentId === m.residentId) ? [...ms, m] : ms));
        setForm({ name: '', idNumber: '' });
        setConsent(false);
        setResidence(EMPTY);
        await reload();
      },
    },
  );
  const field = (k: keyof typeof form) => (e: { detail: { value: string } }) => {
    // Functional update: two inputs filled before a re-render must not overwrite each other.
    const value = e.detail.value;
    setForm((f) => ({ ...f, [k]: value }));
    setAdded('');
    s.clearField(k);
  };

  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      <View className="jy-muted">{t.intro}</View>
      {loadError ? <View className="jy-error">{loadError}</View> : null}
      {members === null && !loadError ? <View className="jy-muted">{t.loading}</View> : null}
      <FamilyRequests onAnswered={() => void reload()} />
      <Cell.Group>
        {(members ?? []).map((m) => (
          <Cell
            key={m.residentId}
            title={`${m.name}（${relationLabel(m.relation)}）`}
            description={`${m.maskedIdNumber} · ${t.age(m.age)}`}
          />
        ))}
      </Cell.Group>
      {added ? (
        <View className="jy-ok" data-testid="family-added">
          {added}
        </View>
      ) : null}
      <View className="jy-subtitle">{t.add}</View>
      <View className="jy-form">
        <Input
          className={`jy-input${s.fields.name ? ' jy-input--bad' : ''}`}
          placeholder={t.name}
          value={form.name}
          onInput={field('name')}
        />
        <FieldError message={s.fields.name} />
        <Input
          className={`jy-input${s.fields.idNumber ? ' jy-input--bad' : ''}`}
          placeholder={t.idNumber}
          maxlength={18}
          value={form.idNumber}
          onInput={field('idNumber')}
        />
        <FieldError message={s.fields.idNumber} />
        <View className="jy-field-label">{t.relation}</View>
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
        {mine ? (
          <View className="jy-chips">
            <View className={`jy-chip${withMe ? ' jy-chip--on' : ''}`} onClick={() => setWithMe(true)}>
              {t.livesWithMe(mine.placeName)}
            </View>
            <View className={`jy-chip${withMe ? '' : ' jy-chip--on'}`} onClick={() => setWithMe(false)}>
              {t.livesElsewhere}
            </View>
          </View>
        ) : null}
        {sameHome || !mineKnown ? null : (
          <RegionPicker value={residence} onChange={setResidence} errors={s.fields} prefix="residence." />
        )}
        <Check
          className="jy-consent"
          checked={consent}
          onChange={(on) => {
            setConsent(on);
            s.clearField('consent');
          }}
          label={t.consent}
        />
        <FieldError message={s.fields.consent} />
        {s.error ? <View className="jy-error">{s.error}</View> : null}
        <Button
          type="primary"
          block
          loading={s.busy}
          disabled={s.busy || !mineKnown}
          onClick={() => void s.submit()}
        >
          {t.submit}
        </Button>
        <Button block onClick={() => Taro.switchTab({ url: '/pages/sign/index' })}>
          {t.toSign}
        </Button>
      </View>
    </Page>
  );
}
