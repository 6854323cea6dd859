export * from './config';
export * from './keyPopulations';
