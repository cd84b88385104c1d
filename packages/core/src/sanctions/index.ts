export * from './matrix.ts';
export * from './suggest.ts';
