import '../../../../pages/forms.scss';
import './staff.scss';
import { Button } from '@nutui/nutui-react-taro';
import { maskMobile } from '@shared/identity/mobile';
import { View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { staffZh } from '../../../../i18n/staff';
import type { ApiError } from '../../../../services/api';
import { type IssuedCode, listStaff, type StaffList, type StaffRow } from '../../../../services/staff';
import { me } from '../../../../services/user';
import { Page } from '../../../../theme/theme';
import { BindCodeCard } from './BindCodeCard';
import { Chips } from './Chips';
import { StaffCard } from './StaffCard';
import { StaffForm } from './StaffForm';

const t = staffZh;
type Shown = { name: string; maskedMobile: string; code: string; expiresAt: string };

/**
 * 人员管理 (issue 12): an institution admin's staff — who is bound, who still waits for their
 * code — a form to add a colleague, and the one-time bind code shown once, large, with how to
 * use it. The district admin first picks an institution (query `institutionId` preselects one).
 */
export default function StaffAdmin() {
  const { params } = useRouter();
  const [district, setDistrict] = useState(false);
  const [instId, setInstId] = useState(params.institutionId ? String(params.institutionId) : '');
  const [list, setList] = useState<StaffList | null>(null);
  const [error, setError] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  const [more, setMore] = useState<StaffRow[]>([]);

  const load = async (inst = instId) => {
    try {
      const r = await listStaff(inst || undefined);
      setList(r);
      setMore([]);
      setError('');
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  useDidShow(() => {
    me()
      .then((p) => setDistrict(p.role === 'district_admin'))
      .catch(() => undefined);
    void load();
  });
  const show = (s: Shown) => {
    setShown(s);
    // The code card sits at the top: bring it into view after a create or re-issue lower down.
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
  };
  const onCreated = async (who: { name: string; mobile: string }, code: IssuedCode) => {
    show({
      name: who.name,
      maskedMobile: maskMobile(who.mobile),
      code: code.bindCode,
      expiresAt: code.bindCodeExpiresAt,
    });
    await load();
  };
  const onIssued = (s: StaffRow, code: IssuedCode) => {
    show({
      name: s.name,
      maskedMobile: s.maskedMobile ?? '',
      code: code.bindCode,
      expiresAt: code.bindCodeExpiresAt,
    });
    void load();
  };
  const staff = [...(list?.staff ?? []), ...more];
  const loadMore = () =>
    listStaff(list?.institutionId, staff.length)
      .then((r) => setMore([...more, ...r.staff]))
      .catch((e: ApiError) => setError(e.message));
  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      {error ? <View className="jy-error">{error}</View> : null}
      {shown ? <BindCodeCard {...shown} onClose={() => setShown(null)} /> : null}
      {district && list ? (
        <View className="jy-card">
          <View className="jy-field-label">{t.institution}</View>
          <Chips
            options={list.institutions}
            value={list.institutionId ?? ''}
            onChange={(id) => {
              setInstId(id);
              void load(id);
            }}
            testId="staff-institution"
          />
          {list.institutionId ? null : <View className="jy-muted">{t.pickInstitution}</View>}
        </View>
      ) : null}
      {list?.institutionId ? (
        <>
          <StaffForm list={list} district={district} onCreated={onCreated} />
          <View className="jy-subtitle">{`${list.institutionName ?? ''} ${t.list(list.total)}`}</View>
          {staff.length === 0 ? <View className="jy-muted">{t.empty}</View> : null}
          {staff.map((s) => (
            <StaffCard key={s.staffId} s={s} onIssued={onIssued} />
          ))}
          {staff.length < list.total ? (
            <Button block onClick={() => void loadMore()}>
              {t.more}
            </Button>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
