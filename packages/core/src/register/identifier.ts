/**
 * NIP checks shared by every import that carries an ASN identifier, turned into row reasons.
 */
import { decodeNip, type NipProblem, type NipProblemCode, type NipResult } from '../nip/nip.ts';
import type { IsoDate } from '../time/iso-date.ts';
import type { RowReason } from './import-columns.ts';

export type NipReasonCode = `nip_${NipProblemCode}`;

export function nipReasons<Key extends string>(column: Key, problems: readonly NipProblem[]): Array<RowReason<Key, NipReasonCode>> {
  return problems.map((p) => ({ column, code: `nip_${p.code}` as const, message: p.message }));
}

/**
 * For an identifier whose kind (PNS NIP or NI PPPK) is not stated: valid when it is valid as
 * either. Otherwise only the problems both readings share are reported (a letter in the NIP is
 * wrong whatever it is meant to be); when they share none, the PNS reading's, the usual case.
 */
export function decodeNipOfUnknownKind(input: string, today: IsoDate): NipResult {
  const asPns = decodeNip(input, { kind: 'pns', today });
  if (asPns.valid) return asPns;
  const asPppk = decodeNip(input, { kind: 'pppk', today });
  if (asPppk.valid) return asPppk;
  const pppkCodes = new Set(asPppk.problems.map((p) => p.code));
  const shared = asPns.problems.filter((p) => pppkCodes.has(p.code));
  return shared.length > 0 ? { valid: false, kind: 'pns', problems: shared } : asPns;
}
