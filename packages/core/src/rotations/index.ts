export * from './window.ts';
export * from './assess.ts';
export * from './finding.ts';
