export * from './canonical-json.ts';
export * from './hash-chain.ts';
