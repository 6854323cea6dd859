export * from './audience';
export * from './body';
export * from './config';
export * from './live';
export * from './push';
export * from './status';
export * from './topics';
