export * from './receipt.ts';
export * from './person-name.ts';
export { textSimilarity } from './text-similarity.ts';
export * from './duplicates.ts';
export * from './report-window.ts';
export * from './checklist.ts';
export * from './fields.ts';
export * from './formal.ts';
