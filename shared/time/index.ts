export * from './calendar';
export * from './zone';
