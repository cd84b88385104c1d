import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './hash-chain.ts';
import { CHAIN_START, chainLink, checkAnchor, entryMac, verifyKeyedLinks, type StoredLink } from './keyed-chain.ts';

const key = Buffer.alloc(32, 1);
const entry = (seq: number): AuditEntry => ({ seq, at: '2024-10-01T03:00:00.000Z', actorId: null, action: 'test', entityType: 'case', entityId: `C-${seq}`, data: { seq }, ip: null, userAgent: null });

/** Links entries in the given seq order (the sequencer's order need not be seq order). */
function chain(seqs: number[], k = key): StoredLink[] {
  let previous = CHAIN_START.link;
  return seqs.map((seq, i) => {
    const e = entry(seq);
    const mac = entryMac(k, e);
    previous = chainLink(k, previous, i + 1, seq, mac);
    return { position: i + 1, seq, entryMac: mac, link: previous, entry: e };
  });
}

describe('keyed audit chain', () => {
  it('verifies links in position order, whatever the seq order, and continues page by page', () => {
    const links = chain([1, 3, 2, 5, 4]);
    expect(verifyKeyedLinks(key, links)).toMatchObject({ ok: true, count: 5, head: { position: 5, seq: 4 } });
    const first = verifyKeyedLinks(key, links.slice(0, 2));
    expect(first.ok && verifyKeyedLinks(key, links.slice(2), first.head)).toMatchObject({ ok: true, count: 3 });
  });

  it('names a removed link, a removed entry, a changed entry and a rewritten link', () => {
    const links = chain([1, 2, 3, 4]);
    expect(verifyKeyedLinks(key, [links[0]!, links[2]!, links[3]!])).toMatchObject({ ok: false, position: 2, reason: 'link_missing' });
    expect(verifyKeyedLinks(key, links.map((l) => (l.position === 3 ? { ...l, entry: null } : l)))).toMatchObject({ ok: false, position: 3, seq: 3, reason: 'entry_missing' });
    expect(verifyKeyedLinks(key, links.map((l) => (l.position === 2 ? { ...l, entry: { ...l.entry!, action: 'other' } } : l)))).toMatchObject({ ok: false, position: 2, reason: 'entry_changed' });
    expect(verifyKeyedLinks(key, links.map((l) => (l.position === 2 ? { ...l, link: 'f'.repeat(64) } : l)))).toMatchObject({ ok: false, position: 2, reason: 'link_mismatch' });
  });

  it('a suffix rewritten consistently under another key breaks at its first link', () => {
    const good = chain([1, 2, 3, 4]);
    const forged = chain([1, 2, 3, 4], Buffer.alloc(32, 9));
    expect(verifyKeyedLinks(key, [...good.slice(0, 2), ...forged.slice(2)])).toMatchObject({ ok: false, position: 3, reason: 'entry_changed' });
  });

  it('an anchor detects truncation and a replaced prefix', () => {
    const links = chain([1, 2, 3, 4]);
    const anchor = { position: 4, seq: 4, link: links[3]!.link };
    expect(checkAnchor(anchor, 4, links[3]!.link)).toBeNull();
    expect(checkAnchor(anchor, 2, null)).toMatchObject({ ok: false, position: 3, reason: 'truncated' });
    expect(checkAnchor(anchor, 5, 'x')).toMatchObject({ ok: false, position: 4, reason: 'checkpoint_mismatch' });
  });
});
