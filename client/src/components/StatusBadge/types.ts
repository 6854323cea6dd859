export type StatusTone = 'ok' | 'warn' | 'bad' | 'idle';
export type StatusBadgeProps = { label: string; tone: StatusTone; large?: boolean };

/** Pages list this under usingComponents so the weapp build compiles the native component. */
export const STATUS_BADGE_COMPONENT = { 'status-badge': '../../components/native/status-badge/index' };
