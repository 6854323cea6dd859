export * from './packages';
export * from './split';
