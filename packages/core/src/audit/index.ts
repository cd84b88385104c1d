export * from './canonical-json.ts';
export * from './hash-chain.ts';
export * from './keyed-chain.ts';
