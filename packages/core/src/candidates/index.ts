export * from './types.ts';
export * from './columns.ts';
export * from './validate.ts';
export * from './election-dates.ts';
export * from './obligations.ts';
export * from './incumbents.ts';
