/**
 * Screening fixtures for tests: fictional candidate pairs of Pilkada 2024 in Banyuwangi (35.10),
 * East Java (35) and Banyuasin (16.07), fictional civil servants, and posts files. Every person is
 * invented; no real candidate or official appears.
 */
import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { Db } from '../db/database.ts';

export const ELECTION = 'pilkada-2024';

interface Person {
  name: string;
  nickname?: string;
  variants?: string[];
}

const PAIRS: Array<{ key: string; regionCode: string; ballotNumber: number | null; head: Person; deputy: Person; parties: string[]; slogans: string[]; hashtags: string[] }> = [
  {
    key: 'bayu',
    regionCode: '35.10',
    ballotNumber: 1,
    head: { name: 'H. Bayu Sasongko, S.E.', nickname: 'Mas Bayu' },
    deputy: { name: 'Dra. Nurlaila Fitriyah', nickname: 'Ning Laila' },
    parties: ['PKB', 'Gerindra'],
    slogans: ['Banyuwangi Makin Maju'],
    hashtags: ['#BayuLaila', '#BanyuwangiMakinMaju'],
  },
  {
    key: 'kinanti',
    regionCode: '35.10',
    ballotNumber: 2,
    head: { name: 'Hj. Kinanti Rahayuningsih, M.Si.', nickname: 'Bu Kinanti' },
    deputy: { name: 'Sandhika Pramudya, S.T.', nickname: 'Cak Dhika' },
    parties: ['PDIP', 'Golkar'],
    slogans: ['Lanjutkan Banyuwangi Hebat'],
    hashtags: ['#KinantiDhika'],
  },
  {
    key: 'wahyu',
    regionCode: '35',
    ballotNumber: null,
    head: { name: 'Ir. Wahyu Hardiansyah', nickname: 'Cak Wahyu' },
    deputy: { name: 'Dewanti Larasati' },
    parties: ['Nasdem'],
    slogans: [],
    hashtags: ['#WahyuDewanti'],
  },
  {
    key: 'firdaus',
    regionCode: '16.07',
    ballotNumber: 1,
    head: { name: 'Firdaus Halimunda, S.H.', nickname: 'Bang Firdaus' },
    deputy: { name: 'Rini Andarwati', nickname: 'Ayuk Rini' },
    parties: ['PKS'],
    slogans: ['Banyuasin Bangkit'],
    hashtags: ['#FirdausRini'],
  },
];

export type PairKey = 'bayu' | 'kinanti' | 'wahyu' | 'firdaus';

export async function seedPairs(db: Db): Promise<Record<PairKey, string>> {
  const ids = {} as Record<PairKey, string>;
  for (const pair of PAIRS) {
    const row = await db
      .insertInto('candidate_pairs')
      .values({
        election_id: ELECTION,
        region_code: pair.regionCode,
        ballot_number: pair.ballotNumber,
        head: JSON.stringify(pair.head),
        deputy: JSON.stringify(pair.deputy),
        independent: false,
        parties: pair.parties,
        slogans: pair.slogans,
        hashtags: pair.hashtags,
        pair_key: `${pair.key}|${randomBytes(3).toString('hex')}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[pair.key as PairKey] = row.id;
  }
  return ids;
}

export interface FixtureAsn {
  id: number;
  nip: string;
  name: string;
}

/** A fictional civil servant, indexed for name search as a small register import would. */
export async function seedAsn(db: Db, person: { nip: string; name: string; regionCode: string; agencyName: string }): Promise<FixtureAsn> {
  const agency =
    (await db.selectFrom('agencies').select('id').where('name', '=', person.agencyName).executeTakeFirst()) ??
    (await db.insertInto('agencies').values({ code: `UJI-${randomBytes(3).toString('hex')}`, name: person.agencyName, region_code: person.regionCode }).returning('id').executeTakeFirstOrThrow());
  const row = await db
    .insertInto('asn')
    .values({
      nip: person.nip,
      kind: 'pns',
      name: person.name,
      gender: 'female',
      birth_date: '1986-09-26',
      position_title: 'Guru Ahli Pertama',
      position_type: 'functional',
      grade: 'III/a',
      agency_id: agency.id,
      unit_id: null,
      region_code: person.regionCode,
      position_start: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('asn_name_search').values({ asn_id: row.id, name_folded: person.name.toLowerCase() }).execute();
  return { id: row.id, nip: person.nip, name: person.name };
}

export function jsonl(records: ReadonlyArray<Record<string, unknown> | string>): string {
  return `${records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')}\n`;
}

let serial = 0;
/** A post record with a fresh URL; override what the test is about. */
export function postRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  return {
    platform: 'facebook',
    handle: `akun.uji${serial}`,
    url: `https://facebook.example/posts/${Date.now()}-${serial}-${randomBytes(3).toString('hex')}`,
    text: 'Selamat pagi, semoga hari ini lancar.',
    postedAt: '2024-09-28T08:15:00+07:00',
    kind: 'post',
    ...overrides,
  };
}

/** A multipart body with the form fields first, then the file (the order the import reads them in). */
export function importForm(fileName: string, content: string, fields: Record<string, string> = {}): Pick<InjectOptions, 'payload' | 'headers'> {
  const boundary = `----netra${randomBytes(8).toString('hex')}`;
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const type = fileName.endsWith('.csv') ? 'text/csv' : 'application/x-ndjson';
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`);
  return { payload: `${parts.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** One watched account in `regionCode`, optionally with a proposed or confirmed ASN link. */
export async function insertAccount(db: Db, regionCode: string, link?: { asnId: number; status: 'proposed' | 'confirmed' }): Promise<{ accountId: string; handle: string }> {
  const handle = `probe.${randomBytes(5).toString('hex')}`;
  const account = await db
    .insertInto('screening_accounts')
    .values({ platform: 'x', handle, display_name: 'Akun Uji', region_code: regionCode, asn_id: link?.asnId ?? null, link_status: link?.status ?? null, link_similarity: link ? 0.8 : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { accountId: account.id, handle };
}

/** One stored post in `regionCode` (an account of its own), for scope and role probes. */
export async function insertPost(db: Db, regionCode: string, overrides: { text?: string; score?: number } = {}): Promise<{ postId: string; accountId: string }> {
  const { accountId, handle } = await insertAccount(db, regionCode);
  const account = { id: accountId };
  const post = await db
    .insertInto('screening_posts')
    .values({
      platform: 'x',
      account_id: account.id,
      url: `https://x.example/${handle}/status/1`,
      text: overrides.text ?? 'Ayo coblos nomor 1!',
      posted_at: new Date('2024-09-28T01:00:00Z'),
      kind: 'post',
      election_id: ELECTION,
      region_code: regionCode,
      score: overrides.score ?? 70,
      category: 'likely_support',
      reasons: '[]',
      highlights: '[]',
      lexicon_version: 'uji',
      scored_at: new Date('2024-09-28T02:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { postId: post.id, accountId: account.id };
}
