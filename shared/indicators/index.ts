export * from './combined';
export * from './common';
export * from './coverage';
export * from './followup';
export * from './labels';
export * from './performance';
export * from './response';
export * from './service';
