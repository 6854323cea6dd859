export * from './audience';
export * from './channels';
export * from './fit';
export * from './kinds';
