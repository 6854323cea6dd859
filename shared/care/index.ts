export * from './labels';
export * from './plan';
