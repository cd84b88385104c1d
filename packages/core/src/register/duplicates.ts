/**
 * Duplicate NIPs within one import file. The first occurrence is kept; every later one is
 * rejected and names the line of the first, so the officer can decide which record is right.
 *
 * A national file has 7 million rows: a Map of NIP strings would hold ~70 bytes per row. An
 * 18-digit NIP is two 9-digit halves that each fit in 32 bits, so the tracker keeps them in an
 * open-addressing table of typed arrays (12 bytes per slot) and only falls back to a Map for
 * malformed identifiers, which the row validator rejects anyway.
 */
import { normaliseNip } from '../nip/nip.ts';
import type { AsnRowReason } from './validate.ts';

export interface DuplicateTracker {
  /**
   * Records that `nip` appears on `line` (1-based, as the officer sees it in the file) and
   * returns the rejection when an earlier line already had it. Empty NIPs are not tracked: the
   * validator rejects them as missing.
   */
  check(nip: string, line: number): AsnRowReason | null;
  /** Distinct NIPs seen so far. */
  readonly size: number;
}

const MAX_LOAD = 0.6;

/**
 * The rejection of a later occurrence of a NIP. `firstLine` may be a placeholder that SQL
 * replaces, when PostgreSQL finds the duplicates of a large file set-based.
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

/** The value of digits [from, from + 9) or -1 when any is not a digit. */
function nineDigits(value: string, from: number): number {
  let n = 0;
  for (let i = from; i < from + 9; i += 1) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function slotHash(hi: number, lo: number): number {
  let h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function createDuplicateTracker(expectedRows = 1024): DuplicateTracker {
  let capacity = 16;
  while (capacity * MAX_LOAD < expectedRows) capacity *= 2;
  let his = new Uint32Array(capacity);
  let los = new Uint32Array(capacity);
  // 0 marks an empty slot, which is why lines are 1-based.
  let lines = new Uint32Array(capacity);
  let count = 0;
  const malformed = new Map<string, number>();

  /** The stored line for (hi, lo), or 0 after storing `line` in a free slot. */
  function findOrInsert(hi: number, lo: number, line: number): number {
    const mask = capacity - 1;
    let slot = slotHash(hi, lo) & mask;
    while (lines[slot] !== 0) {
      if (his[slot] === hi && los[slot] === lo) return lines[slot];
      slot = (slot + 1) & mask;
    }
    his[slot] = hi;
    los[slot] = lo;
    lines[slot] = line;
    count += 1;
    return 0;
  }

  function grow(): void {
    const [oldHis, oldLos, oldLines] = [his, los, lines];
    capacity *= 2;
    his = new Uint32Array(capacity);
    los = new Uint32Array(capacity);
    lines = new Uint32Array(capacity);
    count = 0;
    for (let i = 0; i < oldLines.length; i += 1) {
      if (oldLines[i] !== 0) findOrInsert(oldHis[i], oldLos[i], oldLines[i]);
    }
  }

  return {
    check(nip, line) {
      if (!Number.isInteger(line) || line < 1 || line > 0xffffffff) throw new RangeError(`Line numbers start at 1: ${line}`);
      // Fast path: the validator's normalised NIP, 18 digits already.
      let hi = nip.length === 18 ? nineDigits(nip, 0) : -1;
      let lo = hi < 0 ? -1 : nineDigits(nip, 9);
      if (lo < 0) {
        const digits = normaliseNip(nip);
        if (digits === '') return null;
        hi = digits.length === 18 ? nineDigits(digits, 0) : -1;
        lo = hi < 0 ? -1 : nineDigits(digits, 9);
        if (lo < 0) {
          const first = malformed.get(digits);
          if (first !== undefined) return duplicateNipReason(first);
          malformed.set(digits, line);
          return null;
        }
      }
      if (count + 1 > capacity * MAX_LOAD) grow();
      const first = findOrInsert(hi, lo, line);
      return first === 0 ? null : duplicateNipReason(first);
    },
    get size() {
      return count + malformed.size;
    },
  };
}
