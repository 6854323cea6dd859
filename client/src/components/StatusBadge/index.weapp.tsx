import type { StatusBadgeProps } from './types';

/** weapp: renders the native `status-badge` component listed in the page's usingComponents. */
export function StatusBadge({ label, tone, large }: StatusBadgeProps) {
  return <status-badge label={label} tone={tone} large={large} />;
}
