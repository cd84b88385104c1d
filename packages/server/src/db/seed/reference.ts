/**
 * Real reference data: every province, regency/city and district (Kemendagri codes, from
 * `idn-area-data`) and the shipped elections with their stages and participating regions.
 * Idempotent: regions are refreshed, elections are only inserted when missing so that an
 * administrator's edits to a rulebook survive a restart.
 */
import { getDistricts, getProvinces, getRegencies } from 'idn-area-data';
import { sql } from 'kysely';
import {
  SHIPPED_ELECTIONS,
  displayRegionName,
  isCity,
  canonicalJson,
  participates,
  shippedRulebook,
  timeZoneOfRegion,
  type Election,
  type ElectionStage,
} from '@netra/core';
import type { Db, Trx } from '../database.ts';
import type { RegionTable } from '../schema.ts';

const CHUNK = 2000;

async function upsertRegions(db: Db, rows: RegionTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('regions')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          parent_code: eb.ref('excluded.parent_code'),
        })),
      )
      .execute();
  }
}

export async function seedRegions(db: Db): Promise<{ provinces: number; regencies: number; districts: number }> {
  const [provinces, regencies, districts] = await Promise.all([getProvinces(), getRegencies(), getDistricts()]);
  const base = (code: string, name: string, level: RegionTable['level'], parent: string | null): RegionTable => ({
    code,
    name: displayRegionName(name),
    level,
    parent_code: parent,
    province_code: code.slice(0, 2),
    is_city: level === 'regency' && isCity(code),
    time_zone: timeZoneOfRegion(code),
  });
  await upsertRegions(db, provinces.map((p) => base(p.code, p.name, 'province', null)));
  await upsertRegions(db, regencies.map((r) => base(r.code, r.name, 'regency', r.province_code)));
  await upsertRegions(db, districts.map((d) => base(d.code, d.name, 'district', d.regency_code)));
  return { provinces: provinces.length, regencies: regencies.length, districts: districts.length };
}

export async function insertElection(db: Db, election: Election): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('elections')
      .values({
        id: election.id,
        kind: election.kind,
        name_id: election.name.id,
        name_en: election.name.en,
        year: election.year,
        voting_day: election.votingDay,
        scope: election.scope,
        basis: election.basis,
        participation: JSON.stringify(election.participation),
        rulebook: JSON.stringify(shippedRulebook(election)),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return false;
    // Version 1 of the rulebook: the shipped constants (deadlines, sanction matrix, candidacy rules) as data.
    await trx
      .insertInto('election_rulebooks')
      .values({ election_id: election.id, version: 1, rulebook: JSON.stringify(shippedRulebook(election)), reason: 'Buku aturan bawaan Netra', regulation: election.basis })
      .execute();
    await trx.insertInto('election_stages').values(electionStageRows(election.id, election.stages)).execute();
    await addParticipatingRegions(trx, election);
    return true;
  });
}

/**
 * Bump when the shipped elections' data is corrected (participating regions, rulebook rules):
 * a restart then writes the catalog's participation and rulebook over the stored ones and adds
 * the regions the catalog now lists. v2: Pilkada 2020's 270 regions, recipient by date, Pemilu
 * review per FACTS, initial review, four eyes, decreed holidays.
 */
export const ELECTION_DATA_VERSION = 'catalog/v3';

/**
 * Writes a shipped election's participation over the stored one, adds its missing regions, and
 * records the catalog's rulebook as a new version when it differs from the current one (running
 * cases keep theirs). v3: the sanction matrix and candidacy rules are rulebook data.
 */
export async function refreshShippedElection(db: Db, election: Election): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('elections').select(['rulebook', 'rulebook_version']).where('id', '=', election.id).forUpdate().executeTakeFirstOrThrow();
    const rulebook = shippedRulebook(election);
    // jsonb keeps its own key order: compare with keys sorted.
    const changed = canonicalJson(current.rulebook) !== canonicalJson(rulebook);
    const version = changed ? current.rulebook_version + 1 : current.rulebook_version;
    if (changed) {
      await trx
        .insertInto('election_rulebooks')
        .values({ election_id: election.id, version, rulebook: JSON.stringify(rulebook), reason: `Koreksi data katalog Netra (${ELECTION_DATA_VERSION})`, regulation: election.basis })
        .execute();
    }
    await trx
      .updateTable('elections')
      .set({ participation: JSON.stringify(election.participation), rulebook: JSON.stringify(rulebook), rulebook_version: version, basis: election.basis })
      .where('id', '=', election.id)
      .execute();
    return addParticipatingRegions(trx, election);
  });
}

/** The rows of an election's stages (the seed's and the elections console's). */
export function electionStageRows(electionId: string, stages: readonly ElectionStage[]) {
  return stages.map((s) => ({
    election_id: electionId,
    code: s.code,
    name_id: s.name.id,
    name_en: s.name.en,
    start_date: s.start,
    end_date: s.end,
    critical: s.critical,
    levels: s.levels ?? null,
    basis: s.basis,
  }));
}

/**
 * Participation is stored per region (provinces and regencies/cities) so queries join on it and an
 * imported list can extend it: adds the regions the election's rule names; answers how many were new.
 */
async function addParticipatingRegions(trx: Trx, election: Election): Promise<number> {
  const regions = await trx.selectFrom('regions').select('code').where('level', 'in', ['province', 'regency']).execute();
  const participating = regions.filter((r) => participates(election, r.code));
  let added = 0;
  for (let i = 0; i < participating.length; i += CHUNK) {
    const result = await trx
      .insertInto('election_regions')
      .values(participating.slice(i, i + CHUNK).map((r) => ({ election_id: election.id, region_code: r.code, source: 'rule' as const })))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/**
 * Bump when the region rows Netra derives from idn-area-data change shape or content, so a
 * restart reloads them; an unchanged version skips 7,800 upserts on every warm start.
 */
export const REGION_DATA_VERSION = 'idn-area-data@3.1.2/v1';

export async function seedReference(db: Db, progress: (message: string) => void = () => {}): Promise<void> {
  const loaded = await db.selectFrom('netra_meta').select('value').where('key', '=', 'region_data_version').executeTakeFirst();
  if (loaded?.value === REGION_DATA_VERSION) {
    progress('Data wilayah sudah dimuat, dipakai ulang');
  } else {
    const counts = await seedRegions(db);
    await db
      .insertInto('netra_meta')
      .values({ key: 'region_data_version', value: REGION_DATA_VERSION })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: REGION_DATA_VERSION, updated_at: new Date() }))
      .execute();
    progress(`Wilayah: ${counts.provinces} provinsi, ${counts.regencies} kabupaten/kota, ${counts.districts} kecamatan`);
  }
  const electionData = await db.selectFrom('netra_meta').select('value').where('key', '=', 'election_data_version').executeTakeFirst();
  for (const election of SHIPPED_ELECTIONS) {
    if (await insertElection(db, election)) progress(`Pemilihan dimuat: ${election.name.id}`);
    else if (electionData?.value !== ELECTION_DATA_VERSION) {
      const added = await refreshShippedElection(db, election);
      progress(`Pemilihan diperbarui: ${election.name.id}${added > 0 ? ` (+${added} wilayah)` : ''}`);
    }
  }
  await db
    .insertInto('netra_meta')
    .values({ key: 'election_data_version', value: ELECTION_DATA_VERSION })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: ELECTION_DATA_VERSION, updated_at: new Date() }))
    .execute();
  await sql`ANALYZE regions, election_regions`.execute(db);
}
