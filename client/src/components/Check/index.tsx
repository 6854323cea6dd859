import './index.scss';
import { View } from '@tarojs/components';
import { ariaProps, onActivateKey } from '../a11y';

type Props = {
  checked: boolean;
  onChange: (next: boolean) => void;
  label: string;
  className?: string;
  /** Shown under the label in red when the form was submitted without the tick. */
  error?: string;
};

/**
 * A checkbox whose whole row is the target and whose label wraps (consent sentences are long,
 * and run off-screen in large-font mode otherwise). Real checkbox role on both platforms.
 */
export function Check({ checked, onChange, label, className, error }: Props) {
  const flip = () => onChange(!checked);
  return (
    <View className={`jy-check${className ? ` ${className}` : ''}`}>
      <View
        className={`jy-check__row${checked ? ' jy-check__row--on' : ''}`}
        onClick={flip}
        {...ariaProps({ role: 'checkbox', checked, label })}
        {...(process.env.TARO_ENV === 'h5' ? { onKeyDown: onActivateKey(flip) } : {})}
      >
        <View className="jy-check__box">{checked ? '✓' : ''}</View>
        <View className="jy-check__label">{label}</View>
      </View>
      {error ? <View className="jy-check__error">{error}</View> : null}
    </View>
  );
}
