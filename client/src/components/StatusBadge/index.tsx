import { Text, View } from '@tarojs/components';
import type { StatusBadgeProps } from './types';

/** H5 rendering of the status pill; weapp uses the native component (index.weapp.tsx). */
export function StatusBadge({ label, tone, large }: StatusBadgeProps) {
  return (
    <View className={`jy-badge jy-badge--${tone}${large ? ' jy-badge--large' : ''}`} aria-label={label}>
      <View className="jy-badge__dot" />
      <Text data-testid="status-label">{label}</Text>
    </View>
  );
}
