/**
 * Pair ids as small integers, for the scorer's grouping of a post's pairs: a bare ballot number
 * or ✌ names a pair in every region (hundreds of ids), and comparing, hashing and marking them as
 * strings cost more than the rest of a post's analysis. The strings stay the API (results,
 * labels, regions); the grouping and listing work on indices into one table.
 */

/** Every pair id seen, by index, and the index of each. Grows with the distinct ids only. */
const PAIR_NAMES: string[] = [];
const PAIR_INDEX = new Map<string, number>();

/** The index of a pair id, given one if it has none. */
export function pairIndex(id: string): number {
  let index = PAIR_INDEX.get(id);
  if (index === undefined) {
    index = PAIR_NAMES.length;
    PAIR_NAMES.push(id);
    PAIR_INDEX.set(id, index);
  }
  return index;
}

/** The index of a pair id, or -1 when no pair list has named it. */
export function knownPairIndex(id: string): number {
  return PAIR_INDEX.get(id) ?? -1;
}

export function pairName(index: number): string {
  return PAIR_NAMES[index];
}

/**
 * A pair list's indices, in its order, cached by the list's identity: the matcher gives every
 * entry naming the same pairs one list, so a post meets the same few lists again and again.
 */
const listIndices = new WeakMap<readonly string[], Int32Array>();
export function pairIndicesOf(list: readonly string[]): Int32Array {
  let indices = listIndices.get(list);
  if (!indices) {
    indices = new Int32Array(list.length);
    for (let k = 0; k < list.length; k++) indices[k] = pairIndex(list[k]);
    listIndices.set(list, indices);
  }
  return indices;
}

/**
 * A set of pair indices emptied in constant time: a slot belongs to the set when it holds the
 * current generation, so a post marks only the pairs it touches and clears nothing. Each set
 * carries one int32 value per member besides. Scoring is synchronous: one set per use, reused.
 */
export class PairMarks {
  private stamps = new Int32Array(1024);
  private values = new Int32Array(1024);
  private generation = 0;

  /** Empties the set. */
  clear(): void {
    if (this.stamps.length < PAIR_NAMES.length) {
      const size = Math.max(PAIR_NAMES.length, this.stamps.length * 2);
      this.stamps = new Int32Array(size);
      this.values = new Int32Array(size);
      this.generation = 0;
    }
    if (++this.generation === 0x7fffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  has(index: number): boolean {
    return this.stamps[index] === this.generation;
  }

  /** Adds `index` with `value`; false (and nothing changed) when it was there already. */
  add(index: number, value: number): boolean {
    if (this.stamps[index] === this.generation) return false;
    this.stamps[index] = this.generation;
    this.values[index] = value;
    return true;
  }

  value(index: number): number {
    return this.values[index];
  }

  setValue(index: number, value: number): void {
    this.values[index] = value;
  }
}
