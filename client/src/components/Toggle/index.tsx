import './index.scss';
import { View } from '@tarojs/components';
import { ariaProps, onActivateKey } from '../a11y';

type Props = { checked: boolean; onChange: (next: boolean) => void; label: string; disabled?: boolean };

/** An on/off switch with a real switch role on both platforms (large enough to hit: 52 × 32 pt). */
export function Toggle({ checked, onChange, label, disabled }: Props) {
  const flip = () => {
    if (!disabled) onChange(!checked);
  };
  return (
    <View
      className={`jy-toggle${checked ? ' jy-toggle--on' : ''}${disabled ? ' jy-toggle--disabled' : ''}`}
      onClick={flip}
      {...ariaProps({ role: 'switch', checked, label, disabled })}
      {...(process.env.TARO_ENV === 'h5' ? { onKeyDown: onActivateKey(flip) } : {})}
    >
      <View className="jy-toggle__knob" />
    </View>
  );
}
