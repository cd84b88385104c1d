// http/ reaching for the AppContext instead of taking the key it needs.
import type { AppContext } from '../context.ts';

export const key = (ctx: AppContext) => ctx.hmacKey;
