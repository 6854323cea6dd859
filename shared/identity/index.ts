export * from './mobile';
export * from './residentId';
