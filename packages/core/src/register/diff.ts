/**
 * Comparing an incoming register row with the stored one, for the import summary
 * (inserted / updated / unchanged / rejected) and for idempotent re-imports: importing the same
 * file twice changes nothing and reports every row unchanged.
 */
import type { NormalisedAsnRow } from './validate.ts';

export type AsnRowField = keyof NormalisedAsnRow;

/** Every field, in a fixed order: the fingerprint depends on it, so append new fields at the end. */
export const ASN_ROW_FIELDS: readonly AsnRowField[] = [
  'nip',
  'name',
  'status',
  'positionTitle',
  'positionType',
  'grade',
  'agencyCode',
  'agencyName',
  'unit',
  'regionCode',
  'positionStart',
  'active',
];

export interface AsnFieldChange<F extends AsnRowField = AsnRowField> {
  field: F;
  from: NormalisedAsnRow[F];
  to: NormalisedAsnRow[F];
}

export type AsnRowDiff = { outcome: 'unchanged' } | { outcome: 'updated'; changes: AsnFieldChange[] };

/** What an import changes in a stored row. The file is the source of truth: an emptied cell is a change. */
export function diffAsnRow(existing: NormalisedAsnRow, incoming: NormalisedAsnRow): AsnRowDiff {
  if (existing.nip !== incoming.nip) {
    throw new RangeError(`Cannot diff rows of different civil servants: ${existing.nip} vs ${incoming.nip}`);
  }
  const changes: AsnFieldChange[] = [];
  for (const field of ASN_ROW_FIELDS) {
    if (existing[field] !== incoming[field]) changes.push({ field, from: existing[field], to: incoming[field] });
  }
  return changes.length === 0 ? { outcome: 'unchanged' } : { outcome: 'updated', changes };
}

const FINGERPRINT_VERSION = 'v1';
const FIELD_SEPARATOR = '\u001f';

/**
 * A stable fingerprint of a row's content ("v1-" and 16 hex digits), stored beside the row so a
 * re-import can skip unchanged rows without loading them. 64 bits keep the chance of two
 * different versions of one person's row colliding negligible even over millions of rows.
 */
export function rowFingerprint(row: NormalisedAsnRow): string {
  let text = '';
  for (const field of ASN_ROW_FIELDS) {
    const value = row[field];
    // null never collides with text: every text field of a normalised row is non-empty or null.
    text += (value === null ? '' : String(value)) + FIELD_SEPARATOR;
  }
  return `${FINGERPRINT_VERSION}-${hash64(text)}`;
}

/** Two independent 32-bit multiply-xorshift lanes over UTF-16 code units (cyrb53 with both lanes kept whole). */
function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
