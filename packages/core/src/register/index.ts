export * from './import-columns.ts';
export * from './identifier.ts';
export * from './vocabulary.ts';
export * from './columns.ts';
export * from './validate.ts';
export * from './duplicates.ts';
export * from './csv.ts';
export * from './generate.ts';
