export * from './states.ts';
export * from './transitions.ts';
export * from './deadlines.ts';
export * from './person.ts';
