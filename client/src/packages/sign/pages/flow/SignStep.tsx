import { View } from '@tarojs/components';
import { SignaturePad } from '../../../../components/SignaturePad';
import { zhContract } from '../../../../i18n/contract';
import { useTheme } from '../../../../theme/theme';

/** Step 4: the handwritten signature; the pad hands back a PNG to upload. */
export function SignStep({
  assisted,
  busy,
  onSigned,
  onError,
}: {
  assisted: boolean;
  busy: boolean;
  onSigned: (image: string) => void;
  onError: (message: string) => void;
}) {
  const { largeFont } = useTheme();
  return (
    <View>
      <View className="jy-subtitle">{zhContract.flow.sign}</View>
      {assisted ? <View className="jy-muted">{zhContract.flow.assistedHint}</View> : null}
      <SignaturePad large={largeFont} busy={busy} onConfirm={onSigned} onError={onError} />
      {busy ? <View className="jy-muted">{zhContract.flow.submitting}</View> : null}
    </View>
  );
}
