import '../../../../pages/forms.scss';
import '../../support/grid.scss';
import { Button } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@shared/api/define';
import type { addMember, scanHousehold } from '@shared/api/grid';
import { TAG_LABELS } from '@shared/constants/messages';
import { KEY_POPULATION_TAGS, STORED_TAGS } from '@shared/constants/tags';
import { REPORT_KIND_LABELS, REPORT_KINDS, type ReportKind } from '@shared/grid/config';
import { tokenFromScan } from '@shared/grid/rules';
import { Input, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { gridText } from '../../../../i18n/grid';
import type { ApiError } from '../../../../services/api';
import { newRequestId, scanHouseholdCard, submit } from '../../../../services/grid';
import { Page } from '../../../../theme/theme';
import { QueueBanner } from '../../support/QueueBanner';
import { hasCamera, IS_H5, scanFromCamera, scanFromPhoto, scanWithWeChat } from '../../support/scanner';

type Card = OutputOf<typeof scanHousehold>;
type AddResult = OutputOf<typeof addMember>;
const t = gridText.scan;
const RELATIONS = Object.keys(gridText.relations) as (keyof typeof gridText.relations)[];
const CONDITIONS = STORED_TAGS.filter((x) => x !== 'other_chronic');

/** 扫码入户: scan a door plate → the household card → register members → report to the team. */
export default function ScanHousehold() {
  const router = useRouter();
  const [card, setCard] = useState<Card | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [cameraOn, setCameraOn] = useState(false);
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const stopRef = useRef<() => void>(() => undefined);
  const [form, setForm] = useState({ name: '', idNumber: '', mobile: '' });
  const [relation, setRelation] = useState<keyof typeof gridText.relations>('head');
  const [conditions, setConditions] = useState<string[]>([]);
  const [rep, setRep] = useState<{
    kind: ReportKind;
    tag?: string;
    residentId?: string;
    note: string;
  } | null>(null);

  const open = async (input: { code: string } | { householdId: string }, keepNotice = false) => {
    setError('');
    if (!keepNotice) setNotice('');
    setBusy(true);
    try {
      setCard(await scanHouseholdCard(input));
    } catch (e) {
      setCard(null);
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  // After a save the card is read again; the outcome stays on screen.
  const reload = () => (card ? open({ householdId: card.householdId }, true) : Promise.resolve());

  useDidShow(() => {
    const { scene, householdId } = router.params;
    if (scene) void open({ code: decodeURIComponent(scene) });
    else if (householdId) void open({ householdId });
  });
  useEffect(() => () => stopRef.current(), []);

  const onCode = (text: string | undefined) => {
    if (!text) return setError(t.notFound);
    const token = tokenFromScan(text);
    return token ? open({ code: token }) : setError(t.notFound);
  };
  const scanWeChat = async () => onCode(await scanWithWeChat().catch(() => undefined));
  const scanPhoto = async () => {
    setNotice(t.decoding);
    const text = await scanFromPhoto().catch(() => undefined);
    setNotice('');
    await onCode(text);
  };
  const startCamera = () => {
    if (!videoRef.current) return;
    setCameraOn(true);
    const s = scanFromCamera(videoRef.current);
    stopRef.current = s.stop;
    s.result
      .then((text) => {
        setCameraOn(false);
        if (text) void onCode(text);
      })
      .catch(() => {
        setCameraOn(false);
        setError(t.noCamera);
      });
  };

  const saveMember = async () => {
    if (!card) return;
    setError('');
    setNotice('');
    const requestId = newRequestId();
    try {
      const r = await submit(
        'addMember',
        {
          requestId,
          householdId: card.householdId,
          name: form.name.trim(),
          idNumber: form.idNumber.trim(),
          ...(form.mobile.trim() ? { mobile: form.mobile.trim() } : {}),
          relation,
          tags: conditions,
        },
        `${card.address} ${form.name.trim()}`,
      );
      if (r.queued) setNotice(t.queued);
      else {
        const res = r.result as AddResult;
        setNotice(
          res.outcome === 'created'
            ? `${t.saved}：${res.member.name}`
            : res.outcome === 'existing'
              ? t.existing
              : res.outcome === 'linked'
                ? t.linked
                : `${t.elsewhere}${res.member.name} ${res.member.idMasked}`,
        );
        await reload();
      }
      setForm({ name: '', idNumber: '', mobile: '' });
      setConditions([]);
      setRelation('other');
    } catch (e) {
      setError((e as ApiError).message);
    }
  };

  const sendReport = async () => {
    if (!card || !rep) return;
    setError('');
    try {
      const r = await submit(
        'report',
        {
          requestId: newRequestId(),
          householdId: card.householdId,
          kind: rep.kind,
          ...(rep.residentId ? { residentId: rep.residentId } : {}),
          ...(rep.kind === 'key_population' && rep.tag ? { tag: rep.tag } : {}),
          ...(rep.note.trim() ? { note: rep.note.trim() } : {}),
        },
        `${card.address} ${REPORT_KIND_LABELS[rep.kind]}`,
      );
      setNotice(r.queued ? t.queued : t.reported);
      setRep(null);
      if (!r.queued) await reload();
    } catch (e) {
      setError((e as ApiError).message);
    }
  };

  const toggle = (list: string[], v: string) =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v];

  return (
    <Page className="jy-gridpage">
      <QueueBanner />
      {!card ? (
        <View className="jy-form">
          {IS_H5 ? (
            <>
              <Button type="primary" block size="xlarge" className="jy-bigbtn" onClick={scanPhoto}>
                {t.photo}
              </Button>
              {hasCamera() ? (
                <Button
                  block
                  size="xlarge"
                  className="jy-bigbtn"
                  onClick={cameraOn ? () => stopRef.current() : startCamera}
                >
                  {cameraOn ? t.stopCamera : t.camera}
                </Button>
              ) : null}
              {process.env.TARO_ENV === 'h5' ? (
                <video
                  ref={videoRef}
                  className="jy-camera"
                  style={{ display: cameraOn ? 'block' : 'none' }}
                  muted
                  playsInline
                />
              ) : null}
            </>
          ) : (
            <Button type="primary" block size="xlarge" className="jy-bigbtn" onClick={scanWeChat}>
              {t.scanButton}
            </Button>
          )}
        </View>
      ) : null}
      {busy ? <View className="jy-muted">…</View> : null}
      {error ? <View className="jy-error">{error}</View> : null}
      {notice ? <View className="jy-ok">{notice}</View> : null}
      {card ? (
        <View>
          <View className="jy-card jy-household">
            <View className="jy-household__address">{card.address}</View>
            <View className="jy-muted">
              {card.gridName}
              {card.teamName ? ` · ${card.teamName}` : ''}
            </View>
          </View>
          <View className="jy-subtitle">{t.members}</View>
          {card.members.length === 0 ? <View className="jy-muted">{t.noMembers}</View> : null}
          {card.members.map((m) => (
            <View key={m.residentId} className="jy-card jy-member">
              <View className="jy-member__head">
                <Text className="jy-member__name">{m.name}</Text>
                <Text className="jy-muted">
                  {m.relation ? gridText.relations[m.relation] : ''} {m.idMasked}
                </Text>
              </View>
              <View className="jy-chips">
                <Text
                  className={`jy-badge ${m.movedOut ? 'jy-badge--idle' : m.signed ? 'jy-badge--ok' : 'jy-badge--warn'}`}
                >
                  {m.movedOut ? t.movedOut : m.signed ? t.signed : t.unsigned}
                </Text>
                {m.tags.map((tag) => (
                  <Text key={tag} className="jy-badge jy-badge--idle">
                    {TAG_LABELS[tag]}
                  </Text>
                ))}
              </View>
              {!m.movedOut ? (
                <View className="jy-member__actions">
                  <Button
                    size="large"
                    className="jy-bigbtn"
                    onClick={() => setRep({ kind: 'key_population', residentId: m.residentId, note: '' })}
                  >
                    {t.report}
                  </Button>
                </View>
              ) : null}
            </View>
          ))}

          {rep ? (
            <View className="jy-card jy-form">
              <View className="jy-subtitle">{t.reportTitle}</View>
              <View className="jy-muted">{t.reportKind}</View>
              <View className="jy-chips">
                {REPORT_KINDS.map((k) => (
                  <View
                    key={k}
                    className={`jy-chip jy-chip--big${rep.kind === k ? ' jy-chip--on' : ''}`}
                    onClick={() => setRep((prev) => prev && { ...prev, kind: k })}
                  >
                    {REPORT_KIND_LABELS[k]}
                  </View>
                ))}
              </View>
              {rep.kind === 'key_population' ? (
                <>
                  <View className="jy-muted">{t.reportTag}</View>
                  <View className="jy-chips">
                    {KEY_POPULATION_TAGS.map((tag) => (
                      <View
                        key={tag}
                        className={`jy-chip jy-chip--big${rep.tag === tag ? ' jy-chip--on' : ''}`}
                        onClick={() => setRep((prev) => prev && { ...prev, tag })}
                      >
                        {TAG_LABELS[tag]}
                      </View>
                    ))}
                  </View>
                </>
              ) : null}
              <Input
                className="jy-input"
                placeholder={t.reportNote}
                value={rep.note}
                onInput={(e) => {
                  const note = e.detail.value;
                  setRep((prev) => prev && { ...prev, note });
                }}
              />
              <Button type="primary" block size="xlarge" className="jy-bigbtn" onClick={sendReport}>
                {t.submitReport}
              </Button>
            </View>
          ) : null}

          <View className="jy-subtitle">{t.addMember}</View>
          <View className="jy-form">
            <Input
              className="jy-input"
              placeholder={t.name}
              value={form.name}
              onInput={(e) => {
                const value = e.detail.value;
                setForm((f) => ({ ...f, name: value }));
              }}
            />
            <Input
              className="jy-input"
              placeholder={t.idNumber}
              maxlength={18}
              value={form.idNumber}
              onInput={(e) => {
                const value = e.detail.value;
                setForm((f) => ({ ...f, idNumber: value }));
              }}
            />
            <Input
              className="jy-input"
              placeholder={t.mobile}
              type="number"
              maxlength={11}
              value={form.mobile}
              onInput={(e) => {
                const value = e.detail.value;
                setForm((f) => ({ ...f, mobile: value }));
              }}
            />
            <View className="jy-muted">{t.relation}</View>
            <View className="jy-chips">
              {RELATIONS.map((r) => (
                <View
                  key={r}
                  className={`jy-chip jy-chip--big${r === relation ? ' jy-chip--on' : ''}`}
                  onClick={() => setRelation(r)}
                >
                  {gridText.relations[r]}
                </View>
              ))}
            </View>
            <View className="jy-muted">{t.conditions}</View>
            <View className="jy-chips">
              {CONDITIONS.map((c) => (
                <View
                  key={c}
                  className={`jy-chip jy-chip--big${conditions.includes(c) ? ' jy-chip--on' : ''}`}
                  onClick={() => setConditions(toggle(conditions, c))}
                >
                  {TAG_LABELS[c]}
                </View>
              ))}
            </View>
            <Button type="primary" block size="xlarge" className="jy-bigbtn" onClick={saveMember}>
              {t.save}
            </Button>
            <Button
              block
              size="xlarge"
              className="jy-bigbtn"
              onClick={() => {
                setCard(null);
                setNotice('');
              }}
            >
              {t.scanAgain}
            </Button>
          </View>
        </View>
      ) : null}
    </Page>
  );
}
