export * from './combined';
export * from './common';
export * from './coverage';
export * from './followup';
export * from './response';
export * from './service';
