import { View } from '@tarojs/components';

/** One choice out of a few, as tappable chips (a pressed-state button each, for screen readers). */
export function Chips<T extends string>({
  options,
  value,
  onChange,
  testId,
}: {
  options: readonly { id: T; name: string }[];
  value: T | '';
  onChange: (v: T) => void;
  testId?: string;
}) {
  return (
    <View className="jy-chips" data-testid={testId}>
      {options.map((o) => (
        <View
          key={o.id}
          role="button"
          aria-pressed={value === o.id}
          className={`jy-chip${value === o.id ? ' jy-chip--on' : ''}`}
          onClick={() => onChange(o.id)}
        >
          {o.name}
        </View>
      ))}
    </View>
  );
}
