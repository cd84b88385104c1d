/**
 * Test data for dashboards, prevention, exports, transparency and documents: agencies, fictional
 * civil servants and extra reports, written straight to the database (the register's import is
 * not what these tests are about), and a refresh of the aggregates that includes them. Every name
 * is invented.
 */
import { randomBytes } from 'node:crypto';
import { generateReceiptNumber } from '@netra/core';
import { refreshDashboards, type RefreshResult } from '../capabilities/figures/refresh.ts';
import type { Db } from '../db/database.ts';
import type { AsnTable } from '../db/schema.ts';
import type { TestApp } from './test-database.ts';

/**
 * Refresh the dashboard views with the test's writes in them: a refresh already under way (e.g.
 * one a write requested) may have begun before them, so wait for it and refresh again.
 */
export async function refreshDashboardsNow(db: Db): Promise<RefreshResult> {
  return refreshDashboards(db, { waitForRunning: true });
}

let sequence = 0;

export async function createAgency(t: TestApp, regionCode: string, name: string): Promise<number> {
  const row = await t.ctx.db
    .insertInto('agencies')
    .values({ code: `UJI-${regionCode}-${randomBytes(3).toString('hex')}`, name, region_code: regionCode })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createUnit(t: TestApp, agencyId: number, name: string): Promise<number> {
  return (await t.ctx.db.insertInto('units').values({ agency_id: agencyId, name }).returning('id').executeTakeFirstOrThrow()).id;
}

export interface AsnFixture {
  agencyId: number;
  regionCode: string;
  name?: string;
  positionType?: AsnTable['position_type'];
  positionTitle?: string;
  unitId?: number | null;
  active?: boolean;
}

/** A fictional civil servant with a unique, well-formed PNS NIP. */
export async function createAsn(t: TestApp, fixture: AsnFixture): Promise<{ id: number; nip: string; name: string }> {
  sequence += 1;
  // Birth 19YY-01-15, appointed 2010-01, female, sequence: unique for 40,000 people.
  const year = String(60 + (Math.floor(sequence / 1000) % 40));
  const nip = `19${year}0115` + '201001' + '2' + String(sequence % 1000).padStart(3, '0');
  const name = fixture.name ?? `Pegawai Fiktif ${sequence}`;
  const row = await t.ctx.db
    .insertInto('asn')
    .values({
      nip,
      kind: 'pns',
      name,
      gender: 'female',
      birth_date: `19${year}-01-15`,
      position_title: fixture.positionTitle ?? 'Guru Ahli Muda',
      position_type: fixture.positionType ?? 'functional',
      agency_id: fixture.agencyId,
      unit_id: fixture.unitId ?? null,
      region_code: fixture.regionCode,
      active: fixture.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, nip, name };
}

/** One more report on an existing case (a second witness, a public report merged in…). */
export async function addReport(t: TestApp, c: { id: string; election_id: string; region_code: string }, fields: { source?: 'public' | 'finding' | 'paper' | 'screening'; receivedOn: string; occurredOn?: string; description?: string; place?: string }) {
  await t.ctx.db
    .insertInto('reports')
    .values({
      receipt_number: generateReceiptNumber(Number(fields.receivedOn.slice(0, 4)), randomBytes),
      source: fields.source ?? 'public',
      case_id: c.id,
      election_id: c.election_id,
      region_code: c.region_code,
      place: fields.place ?? 'Lapangan desa (fiktif)',
      occurred_on: fields.occurredOn ?? fields.receivedOn,
      known_on: fields.receivedOn,
      received_on: fields.receivedOn,
      description: fields.description ?? 'Laporan tambahan atas kejadian yang sama (fiktif).',
      reported_name: 'Nama Terlapor Fiktif',
      reported_name_normalised: 'nama terlapor fiktif',
      anonymous: true,
    })
    .execute();
}
