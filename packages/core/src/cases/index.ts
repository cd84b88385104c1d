export * from './states.ts';
export * from './transitions.ts';
export * from './deadlines.ts';
