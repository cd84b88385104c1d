import { dateInTimeZone, decodeNip } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';

/** The decoded fields of a NIP (PNS) or NI PPPK, or 422 listing every reason it is invalid. */
export function decodeIdentifier(ctx: AppContext, nip: string, kind: 'pns' | 'pppk') {
  const today = dateInTimeZone(ctx.now(), 'Asia/Jakarta');
  const result = decodeNip(nip, { kind, today });
  if (result.valid) return result.value;
  throw new ApiError(
    422,
    'invalid_nip',
    {
      id: `${result.kind === 'pns' ? 'NIP' : 'NI PPPK'} tidak valid: ${result.problems.length} masalah.`,
      en: `Invalid ${result.kind === 'pns' ? 'NIP' : 'NI PPPK'}: ${result.problems.length} problem(s).`,
    },
    result.problems.map((p) => ({ field: 'nip', message: p.message })),
    { problems: result.problems.map((p) => ({ code: p.code, digits: p.digits ?? null, message: p.message })) },
  );
}
