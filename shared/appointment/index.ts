export * from './availability';
export * from './config';
export * from './holidays';
export * from './model';
export * from './reminders';
export * from './rules';
export * from './slots';
