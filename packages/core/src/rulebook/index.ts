export * from './types.ts';
export * from './defaults.ts';
export * from './validate.ts';
export * from './stages.ts';
