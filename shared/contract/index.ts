export * from './config';
export * from './model';
export * from './status';
export * from './team';
export * from './transitions';
