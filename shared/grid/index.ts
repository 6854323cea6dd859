export * from './config';
export * from './rules';
