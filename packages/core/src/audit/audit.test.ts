import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { GENESIS_HASH, auditEntryHash, chainEntry, verifyChain, type AuditEntry, type ChainedAuditEntry } from './hash-chain.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same text whatever order the keys were inserted in (as jsonb returns them)', () => {
    const written = { state: 'under_review', note: 'Kajian awal', actCodes: ['A02'] };
    const readBack = JSON.parse('{"note":"Kajian awal","actCodes":["A02"],"state":"under_review"}');
    expect(canonicalJson(readBack)).toBe(canonicalJson(written));
  });

  it('keeps array order, omits undefined properties, and writes dates through toJSON', () => {
    expect(canonicalJson([2, 1])).toBe('[2,1]');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson({ at: new Date('2024-11-27T01:02:03.004Z') })).toBe('{"at":"2024-11-27T01:02:03.004Z"}');
  });

  it('escapes strings as JSON does, including Indonesian text and quotes', () => {
    expect(canonicalJson({ 'k"ey': 'Ma\'ruf "Bu Guru"\n' })).toBe('{"k\\"ey":"Ma\'ruf \\"Bu Guru\\"\\n"}');
  });

  it('refuses values JSON cannot carry rather than hashing something else', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/\$\.n/);
    expect(() => canonicalJson({ n: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(/\$\[0\]/);
    expect(() => canonicalJson({ big: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson(() => 1)).toThrow(/function/);
  });
});

const base = (n: number): Omit<AuditEntry, 'seq'> => ({
  at: `2024-11-${String(20 + n).padStart(2, '0')}T03:00:00.000Z`,
  actorId: n % 2 === 0 ? 'user-bawaslu-3510' : null,
  action: 'case.transition',
  entityType: 'case',
  entityId: `case-${n}`,
  data: { transition: 'start_check', note: `Catatan ${n}`, nested: { b: n, a: [n, 'x'] } },
  ip: '10.0.0.1',
  userAgent: 'Mozilla/5.0',
});

function buildChain(length: number): ChainedAuditEntry[] {
  const chain: ChainedAuditEntry[] = [];
  for (let n = 1; n <= length; n += 1) chain.push(chainEntry(chain.at(-1) ?? null, base(n)));
  return chain;
}

describe('auditEntryHash', () => {
  it('is SHA-256 over the canonical JSON of the previous hash and the entry', () => {
    const entry = { ...base(1), seq: 1 };
    const expected = createHash('sha256')
      .update(canonicalJson({ ...entry, previousHash: GENESIS_HASH }))
      .digest('hex');
    expect(auditEntryHash(GENESIS_HASH, entry)).toBe(expected);
    expect(auditEntryHash(GENESIS_HASH, entry)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the previous hash, the sequence number and any field', () => {
    const entry = { ...base(1), seq: 1 };
    const hash = auditEntryHash(GENESIS_HASH, entry);
    expect(auditEntryHash('f'.repeat(64), entry)).not.toBe(hash);
    expect(auditEntryHash(GENESIS_HASH, { ...entry, seq: 2 })).not.toBe(hash);
    expect(auditEntryHash(GENESIS_HASH, { ...entry, ip: null })).not.toBe(hash);
    expect(auditEntryHash(GENESIS_HASH, { ...entry, data: { ...(entry.data as object), note: 'Catatan 2' } })).not.toBe(hash);
  });

  it('ignores properties outside the entry (a row read with extra columns verifies the same)', () => {
    const entry = { ...base(1), seq: 1 };
    expect(auditEntryHash(GENESIS_HASH, { ...entry, createdBy: 'db' } as AuditEntry)).toBe(auditEntryHash(GENESIS_HASH, entry));
  });
});

describe('verifyChain', () => {
  it('starts from 64 zeros and accepts an intact chain', () => {
    const chain = buildChain(5);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(chain[0].previousHash).toBe(GENESIS_HASH);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(verifyChain(chain)).toEqual({ ok: true, count: 5, last: { seq: 5, hash: chain[4].hash } });
  });

  it('accepts an empty log', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, last: { seq: 0, hash: GENESIS_HASH } });
  });

  it('accepts a chain whose data comes back from the database with keys reordered', () => {
    const reversed = (value: unknown): unknown =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]))
        : value;
    const chain = buildChain(3).map((e) => ({ ...e, data: reversed(e.data) as AuditEntry['data'] }));
    expect(Object.keys(chain[0].data as object)).toEqual(['nested', 'note', 'transition']);
    expect(verifyChain(chain).ok).toBe(true);
  });

  it('detects a tampered middle entry', () => {
    const chain = buildChain(5);
    chain[2] = { ...chain[2], data: { transition: 'close', note: 'diubah' } };
    expect(verifyChain(chain)).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'hash_mismatch' });
  });

  it('detects a tampered middle entry whose hash was recomputed, at the next link', () => {
    const chain = buildChain(5);
    const forged = { ...chain[2], actorId: 'someone-else' };
    chain[2] = { ...forged, hash: auditEntryHash(forged.previousHash, forged) };
    expect(verifyChain(chain)).toMatchObject({ ok: false, firstBrokenSeq: 4, reason: 'previous_hash_mismatch' });
  });

  it('detects reordered entries', () => {
    const chain = buildChain(5);
    [chain[1], chain[2]] = [chain[2], chain[1]];
    expect(verifyChain(chain)).toMatchObject({ ok: false, firstBrokenSeq: 2, reason: 'sequence_gap' });
  });

  it('detects entries reordered and renumbered to look consecutive', () => {
    const chain = buildChain(5);
    const second = chain[1];
    chain[1] = { ...chain[2], seq: 2, previousHash: chain[0].hash };
    chain[2] = { ...second, seq: 3 };
    expect(verifyChain(chain)).toMatchObject({ ok: false, firstBrokenSeq: 2, reason: 'hash_mismatch' });
  });

  it('detects a deleted entry', () => {
    const chain = buildChain(5);
    chain.splice(2, 1);
    expect(verifyChain(chain)).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'sequence_gap' });
  });

  it('detects a deleted entry hidden by renumbering the rest', () => {
    const chain = buildChain(5);
    chain.splice(2, 1);
    const renumbered = chain.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyChain(renumbered)).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'previous_hash_mismatch' });
  });

  it('detects a deleted first entry', () => {
    expect(verifyChain(buildChain(3).slice(1))).toMatchObject({ ok: false, firstBrokenSeq: 1, reason: 'sequence_gap' });
  });

  it('verifies a long log page by page from the previous page’s last link', () => {
    const chain = buildChain(7);
    const first = verifyChain(chain.slice(0, 4));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(verifyChain(chain.slice(4), first.last)).toEqual({ ok: true, count: 3, last: { seq: 7, hash: chain[6].hash } });
    expect(verifyChain(chain.slice(5), first.last)).toMatchObject({ ok: false, firstBrokenSeq: 5, reason: 'sequence_gap' });
  });

  it('explains each break in words for the verify command', () => {
    const chain = buildChain(3);
    chain[1] = { ...chain[1], action: 'case.delete' };
    const result = verifyChain(chain);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe('Entry 2 does not match its hash: its content was changed.');
  });
});
