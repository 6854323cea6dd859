import '../../../../pages/forms.scss';
import { Button } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@shared/constants/messages';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { FieldError } from '../../../../components/form/FieldError';
import { useSubmit } from '../../../../components/form/useSubmit';
import { zh } from '../../../../i18n/zh';
import { ApiError } from '../../../../services/api';
import { bindStaff } from '../../../../services/user';
import { Page } from '../../../../theme/theme';

const t = zh.bind;
const MISSING = { mobile: '请填写管理员登记的手机号', bindCode: '请填写6位绑定码' };

/** Staff bind: the registered mobile and the one-time code from the institution admin attach this WeChat identity. */
export default function Bind() {
  const [mobile, setMobile] = useState('');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  // One request per tap; a wrong code is said next to the code field.
  const s = useSubmit(
    async () => {
      try {
        return await bindStaff(code.trim(), mobile.trim());
      } catch (e) {
        if (e instanceof ApiError && e.code === 'BIND_CODE_INVALID')
          throw new ApiError(e.code, e.message, [{ path: 'bindCode', message: e.message }]);
        throw e;
      }
    },
    {
      check: () => ({
        ...(mobile.trim() ? {} : { mobile: MISSING.mobile }),
        ...(code.trim() ? {} : { bindCode: MISSING.bindCode }),
      }),
      onDone: (r) => {
        if (r) setMessage(t.done(ROLE_LABELS[r.role]));
      },
    },
  );
  const bad = (k: string) => `jy-input${s.fields[k] ? ' jy-input--bad' : ''}`;
  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      <View className="jy-muted">{t.intro}</View>
      <View className="jy-form">
        <Input
          className={bad('mobile')}
          placeholder={t.mobile}
          type="number"
          maxlength={11}
          value={mobile}
          onInput={(e) => {
            setMobile(e.detail.value);
            s.clearField('mobile');
          }}
        />
        <FieldError message={s.fields.mobile} />
        <Input
          className={bad('bindCode')}
          placeholder={t.code}
          type="number"
          maxlength={6}
          value={code}
          onInput={(e) => {
            setCode(e.detail.value);
            s.clearField('bindCode');
          }}
        />
        <FieldError message={s.fields.bindCode} />
        {s.error ? <View className="jy-error">{s.error}</View> : null}
        {message ? <View className="jy-ok">{message}</View> : null}
        <Button type="primary" block loading={s.busy} disabled={s.busy} onClick={() => void s.submit()}>
          {t.submit}
        </Button>
      </View>
    </Page>
  );
}
