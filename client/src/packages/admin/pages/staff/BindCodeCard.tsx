import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { beijingTime, staffZh } from '../../../../i18n/staff';

const t = staffZh.code;

/** The one-time code, large, with how the new colleague uses it; shown once after create/re-issue. */
export function BindCodeCard({
  name,
  maskedMobile,
  code,
  expiresAt,
  onClose,
}: {
  name: string;
  maskedMobile: string;
  code: string;
  expiresAt: string;
  onClose: () => void;
}) {
  return (
    <View className="jy-card jy-bindcode" data-testid="bind-code-card" role="status">
      <View className="jy-subtitle">{t.title(name)}</View>
      <View className="jy-bindcode__code" aria-label={`绑定码 ${code.split('').join(' ')}`}>
        {code}
      </View>
      <View className="jy-muted">{t.until(beijingTime(expiresAt))}</View>
      <View className="jy-bindcode__warn">{t.once}</View>
      <View className="jy-field-label">{t.howTitle}</View>
      {t.steps(maskedMobile).map((s) => (
        <View key={s}>{s}</View>
      ))}
      <View className="jy-muted">{t.lost}</View>
      <Button block onClick={onClose}>
        {t.done}
      </Button>
    </View>
  );
}
