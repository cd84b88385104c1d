/**
 * Duplicate NIPs within one import file. The first occurrence is kept; every later one is
 * rejected and names the line of the first, so the officer can decide which record is right.
 *
 * The importer finds them set-based in PostgreSQL (a window over the staging table, or the
 * unique index build of a first load), not with a set of NIPs in memory: a national file has
 * 7 million rows, is split between workers, and memory must not grow with it. This module only
 * words the rejection.
 */
import type { AsnRowReason } from './validate.ts';

/**
 * The rejection of a later occurrence of a NIP. `firstLine` may be a placeholder that SQL
 * replaces with the line of the first occurrence.
 */
export function duplicateNipReason(firstLine: number | string): AsnRowReason {
  return {
    column: 'nip',
    code: 'duplicate_nip',
    message: {
      id: `NIP ini sudah ada di baris ${firstLine}; hanya baris pertama yang diproses.`,
      en: `This NIP already appears on line ${firstLine}; only the first line is processed.`,
    },
  };
}
