import '../../../../pages/messages/messages.scss';
import { SubscribeHint } from '../../../../components/SubscribeHint';
import '../../../../pages/forms.scss';
import '../../../../pages/sign/sign.scss';
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { zhContract } from '../../../../i18n/contract';
import type { ApiError } from '../../../../services/api';
import * as api from '../../../../services/contract';
import { listFamily } from '../../../../services/user';
import { Page } from '../../../../theme/theme';
import { AgreementStep } from './AgreementStep';
import { PackagesStep } from './PackagesStep';
import { SignStep } from './SignStep';
import { type Person, WhoStep } from './WhoStep';

const t = zhContract.flow;
type Mode = 'new' | 'renewal' | 'change';

/**
 * The signing flow (sub-package): who → packages with the server's fee split → agreement and
 * consent → handwritten signature → submit (待确认). Query: teamId; mode=renewal|change with
 * contractId; residentId (+name) when a doctor or grid worker assists on their own phone.
 */
export default function SignFlow() {
  const { params } = useRouter();
  const teamId = String(params.teamId ?? '');
  const mode: Mode = params.mode === 'renewal' ? 'renewal' : params.contractId ? 'change' : 'new';
  const assistedId = params.residentId ? String(params.residentId) : undefined;
  const [step, setStep] = useState(0);
  const [people, setPeople] = useState<Person[]>([]);
  const [person, setPerson] = useState<Person | null>(null);
  const [team, setTeam] = useState<api.TeamDetail | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [quote, setQuote] = useState<api.Quote | null>(null);
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // What stops 下一步 right now, said next to the button (not an error colour on the button).
  const [hint, setHint] = useState('');
  const [checking, setChecking] = useState(false);
  const [done, setDone] = useState<api.ContractView | null>(null);
  const inFlight = useRef(false);
  // One request id per visit to this flow: a retried submit returns the same contract.
  const requestId = useRef(api.newRequestId());
  const fail = (e: ApiError | Error) => setError(e.message);

  useEffect(() => {
    api
      .teamDetail(teamId)
      .then((d) => {
        setTeam(d);
        setPicked(d.packages.filter((p) => p.kind === 'basic').map((p) => p.packageId));
      })
      .catch(fail);
    listFamily()
      .then((r) => {
        setPeople(r.members);
        const preset = r.members.find((m) => m.residentId === assistedId);
        if (preset) setPerson(preset);
      })
      .catch((e: ApiError) => {
        // Staff assisting a resident have no family list: the resident comes from the query.
        if (assistedId)
          setPerson({
            residentId: assistedId,
            name: params.name ? decodeURIComponent(String(params.name)) : t.residentNo(assistedId),
            maskedIdNumber: '',
            relation: t.assisted,
          });
        else fail(e);
      });
  }, [teamId, assistedId, params.name]);

  useEffect(() => {
    if (!person || picked.length === 0) return setQuote(null);
    api
      .quote({ residentId: person.residentId, teamId, packageIds: picked })
      .then((q) => {
        setQuote(q);
        setError('');
      })
      .catch(fail);
  }, [person, picked, teamId]);

  const isStaff = assistedId !== undefined && !people.some((p) => p.residentId === assistedId);
  const channel = isStaff
    ? 'doctor_assisted'
    : person && people[0]?.residentId !== person.residentId
      ? 'proxy'
      : 'self';
  const toggle = (id: string) =>
    setPicked((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id]));

  const submit = async (image: string) => {
    // One signed request per tap, however many taps arrive before the first answer.
    if (!person || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError('');
    try {
      const rid = requestId.current;
      const signatureFileId = await api.uploadSignature(image, rid);
      const base = { packageIds: picked, requestId: rid, signatureFileId };
      const c =
        mode === 'renewal'
          ? await api.renew({ contractId: String(params.contractId), ...base })
          : mode === 'change'
            ? await api.changeTeam({ contractId: String(params.contractId), teamId, consent: true, ...base })
            : await api.sign({ residentId: person.residentId, teamId, consent: true, ...base });
      setDone(c);
    } catch (e) {
      fail(e as Error);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  /**
   * 下一步 is never greyed out: it says what is missing. Leaving 签约对象 asks the server first
   * whether this person may sign with this team (residence, places, an open contract), so nobody
   * reads the agreement and signs only to be refused.
   */
  const next = async () => {
    setError('');
    if (step === 0 && !person) return setHint(t.needWho);
    if (step === 1 && !quote) return setHint(t.needPackages);
    if (step === 2 && !consent) return setHint(t.needConsent);
    if (step === 0 && person && !isStaff && mode !== 'renewal') {
      if (checking) return;
      setChecking(true);
      setHint(t.checking);
      try {
        const r = await api.eligibility({
          residentId: person.residentId,
          teamId,
          mode: mode === 'change' ? 'change' : 'new',
        });
        if (!r.eligible) return setHint(r.message ?? '');
      } catch (e) {
        return setHint((e as Error).message);
      } finally {
        setChecking(false);
      }
    }
    setHint('');
    setStep(step + 1);
  };

  if (done)
    return (
      <Page>
        <View className="jy-title">{t.submitted}</View>
        <View className="jy-card">
          <View>{done.teamName}</View>
          <View className="jy-muted">{t.submittedHint}</View>
        </View>
        {isStaff ? null : <SubscribeHint template="contractConfirmed" />}
        <Button
          size="large"
          type="primary"
          block
          onClick={() =>
            // Staff go back to their work area; residents to 我的签约.
            isStaff ? Taro.navigateBack() : Taro.redirectTo({ url: '/pages/contract/index' })
          }
        >
          {isStaff ? t.back : t.toMine}
        </Button>
      </Page>
    );

  return (
    <Page>
      <View className="jy-title">{team ? team.name : t.title}</View>
      <View className="jy-steps">
        {t.steps.map((s, i) => (
          <View key={s} className={`jy-step${i === step ? ' jy-step--on' : ''}`}>
            {s}
          </View>
        ))}
      </View>
      {error ? <View className="jy-error">{error}</View> : null}
      {step === 0 ? (
        <WhoStep
          people={isStaff ? (person ? [person] : []) : people}
          chosen={person?.residentId}
          onChoose={(p) => {
            setPerson(p);
            setHint('');
          }}
        />
      ) : null}
      {step === 0 && !isStaff ? (
        <Button size="large" block onClick={() => Taro.navigateTo({ url: '/pages/family/index' })}>
          {t.addFamily}
        </Button>
      ) : null}
      {step === 1 && team ? (
        <PackagesStep team={team} picked={picked} onToggle={toggle} quote={quote} />
      ) : null}
      {step === 2 && team && person && quote ? (
        <AgreementStep
          person={person}
          team={team}
          quote={quote}
          kind={mode}
          channel={channel}
          consent={consent}
          onConsent={(on) => {
            setConsent(on);
            setHint('');
          }}
        />
      ) : null}
      {step === 3 ? <SignStep assisted={isStaff} busy={busy} onSigned={submit} onError={setHint} /> : null}
      {hint ? (
        <View className="jy-hint" role="alert" data-testid="flow-hint">
          {hint}
        </View>
      ) : null}
      <View className="jy-actions">
        {step < 3 ? (
          <Button size="large" type="primary" block loading={checking} onClick={() => void next()}>
            {t.next}
          </Button>
        ) : null}
        {step > 0 ? (
          <Button
            size="large"
            block
            disabled={busy}
            onClick={() => {
              setHint('');
              setStep(step - 1);
            }}
          >
            {t.back}
          </Button>
        ) : null}
      </View>
    </Page>
  );
}
