import '../forms.scss';
import './sign.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@shared/api/define';
import type { listFamily as listFamilyDef, me as meDef } from '@shared/api/user';
import { Input, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { RegionPicker, type ResidenceValue } from '../../components/form/RegionPicker';
import { useSubmit } from '../../components/form/useSubmit';
import { zhContract } from '../../i18n/contract';
import { relationLabel, zh } from '../../i18n/zh';
import type { ApiError } from '../../services/api';
import { listTeams, type TeamSummary } from '../../services/contract';
import { listFamily, me, setResidence } from '../../services/user';
import { Page } from '../../theme/theme';
import { CHANGE_KEY, type ChangeOf } from './change';
import { TeamCard } from './TeamCard';

const t = zhContract.tab;
type Profile = OutputOf<typeof meDef>;
type Member = OutputOf<typeof listFamilyDef>['members'][number];

/**
 * 签约 tab: for whom (me or a family member) → the teams serving where that person lives first,
 * each other team saying why it cannot be chosen; a search over the list; a team card to open.
 * Choosing a team starts the signing flow (sub-package). Without a residence the tab asks for it
 * here, once; without a login or verification it says so with a button.
 */
export default function Sign() {
  const [change, setChange] = useState<ChangeOf | null>(null);
  const [profile, setProfile] = useState<Profile | null | 'guest'>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [forId, setForId] = useState<string>();
  const [teams, setTeams] = useState<TeamSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [error, setError] = useState('');
  const [place, setPlace] = useState<ResidenceValue>({ regionId: '', address: '', placeName: '' });

  const loadTeams = (residentId?: string) => {
    setTeams(null);
    listTeams(residentId ? { residentId } : {})
      .then((r) => setTeams(r.teams))
      .catch((e: ApiError) => setError(e.message));
  };
  const load = async () => {
    setError('');
    try {
      const p = await me();
      setProfile(p);
      if (p.role === 'resident' && p.verified) setMembers((await listFamily()).members);
    } catch (e) {
      if ((e as ApiError).code === 'UNAUTHENTICATED') setProfile('guest');
      else setError((e as ApiError).message);
    }
    loadTeams(forId);
  };
  useDidShow(() => {
    const pending = Taro.getStorageSync(CHANGE_KEY) as ChangeOf | '';
    if (pending) {
      setChange(pending);
      Taro.removeStorageSync(CHANGE_KEY);
    }
    void load();
  });
  const who = members.find(
    (m) => m.residentId === (forId ?? (profile !== 'guest' ? profile?.residentId : '')),
  );
  const saveResidence = useSubmit(
    () => setResidence(who?.residentId ?? '', { regionId: place.regionId, address: place.address }),
    {
      check: () => ({
        ...(place.regionId ? {} : { 'residence.regionId': zh.realname.missing.region }),
        ...(place.address.trim() ? {} : { 'residence.address': zh.realname.missing.address }),
      }),
      onDone: () => load(),
    },
  );

  // Passed through when the flow is a change of team; a family member is preset in the flow.
  const extra = change
    ? `&contractId=${change.contractId}&residentId=${change.residentId}`
    : forId
      ? `&residentId=${forId}`
      : '';
  const choose = (teamId: string) =>
    Taro.navigateTo({ url: `/packages/sign/pages/flow/index?teamId=${encodeURIComponent(teamId)}${extra}` });
  const q = query.trim();
  const shown = (teams ?? []).filter(
    (x) => !q || x.name.includes(q) || x.institutionName.includes(q) || x.leaderName.includes(q),
  );
  const resident = profile !== 'guest' && profile?.role === 'resident';
  const needsLogin = profile === 'guest';
  const needsVerify = resident && !profile.verified;
  const noHome = resident && profile.verified && who !== undefined && who.villageId === undefined;

  return (
    <Page>
      <View className="jy-title">{zh.sign.title}</View>
      {needsLogin || needsVerify ? (
        <View className="jy-card" data-testid="sign-gate">
          <View>{needsLogin ? t.needLogin : zh.me.notVerified}</View>
          <Button
            type="primary"
            size="large"
            block
            onClick={() =>
              needsLogin
                ? Taro.navigateTo({ url: '/pages/login/index' })
                : Taro.navigateTo({ url: '/pages/realname/index' })
            }
          >
            {needsLogin ? t.login : zh.me.verifyNow}
          </Button>
        </View>
      ) : null}
      {resident && profile.verified ? (
        <Button size="large" block onClick={() => Taro.navigateTo({ url: '/pages/contract/index' })}>
          {t.mine}
        </Button>
      ) : null}
      {change ? (
        <View className="jy-card jy-row">
          <View>{t.changing}</View>
          <Button onClick={() => setChange(null)}>{zhContract.mine.cancel}</Button>
        </View>
      ) : null}
      {members.length > 1 && !change ? (
        <View className="jy-card">
          <View className="jy-subtitle">{t.forWhom}</View>
          <View className="jy-chips">
            {members.map((m) => (
              <View
                key={m.residentId}
                data-testid={`for-${m.residentId}`}
                className={`jy-chip${m.residentId === who?.residentId ? ' jy-chip--on' : ''}`}
                onClick={() => {
                  setForId(m.residentId);
                  loadTeams(m.residentId);
                }}
              >
                {`${m.name}（${relationLabel(m.relation)}）`}
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {noHome ? (
        <View className="jy-card" data-testid="need-residence">
          <View className="jy-subtitle">{t.needResidence(who?.name ?? '')}</View>
          <RegionPicker value={place} onChange={setPlace} errors={saveResidence.fields} prefix="residence." />
          {saveResidence.error ? <View className="jy-error">{saveResidence.error}</View> : null}
          <Button
            type="primary"
            block
            loading={saveResidence.busy}
            disabled={saveResidence.busy}
            onClick={() => void saveResidence.submit()}
          >
            {t.saveResidence}
          </Button>
        </View>
      ) : null}
      <View className="jy-subtitle">{t.title}</View>
      <View className="jy-muted">{t.hint}</View>
      <Input
        className="jy-input"
        placeholder={t.search}
        value={query}
        onInput={(e) => setQuery(e.detail.value)}
      />
      {error ? <View className="jy-error">{error}</View> : null}
      {teams === null && !error ? <View className="jy-muted">{t.loading}</View> : null}
      {teams !== null && shown.length === 0 ? <View className="jy-muted">{t.none}</View> : null}
      {shown.map((team) => (
        <TeamCard key={team.teamId} team={team} onChoose={choose} />
      ))}
    </Page>
  );
}
