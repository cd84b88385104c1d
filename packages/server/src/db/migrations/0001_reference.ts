import { sql, type Kysely } from 'kysely';

/** Regions, elections and their calendar, agencies and the ASN register's first shape. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  // unaccent() is only STABLE; an IMMUTABLE wrapper lets name searches use an index.
  await sql`
    CREATE OR REPLACE FUNCTION netra_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`.execute(db);

  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level IN ('province', 'regency', 'district')`))
    .addColumn('parent_code', 'text', (c) => c.references('regions.code'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('is_city', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('regions_parent_idx').on('regions').columns(['parent_code', 'level']).execute();
  await sql`CREATE INDEX regions_name_trgm_idx ON regions USING gin (netra_fold(name) gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('elections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_id', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('voting_day', 'date', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('participation', 'jsonb', (c) => c.notNull())
    .addColumn('rulebook', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('election_stages')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_id', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date', (c) => c.notNull())
    .addColumn('critical', 'boolean', (c) => c.notNull())
    .addColumn('levels', sql`text[]`)
    .addColumn('basis', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('election_stages_pk', ['election_id', 'code'])
    .addCheckConstraint('election_stages_dates', sql`start_date <= end_date`)
    .execute();

  await db.schema
    .createTable('election_regions')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('rule'))
    .addPrimaryKeyConstraint('election_regions_pk', ['election_id', 'region_code'])
    .execute();
  await db.schema.createIndex('election_regions_region_idx').on('election_regions').column('region_code').execute();

  await db.schema
    .createTable('agencies')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .execute();
  await db.schema.createIndex('agencies_region_idx').on('agencies').column('region_code').execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('units_agency_name_key', ['agency_id', 'name'])
    .execute();

  await db.schema
    .createTable('asn')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('nip', 'varchar(18)', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('pns', 'pppk')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('position_title', 'text', (c) => c.notNull())
    .addColumn('position_type', 'text', (c) => c.notNull())
    .addColumn('grade', 'text')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('asn_region_idx').on('asn').columns(['region_code', 'agency_id']).execute();
  await sql`CREATE INDEX asn_name_trgm_idx ON asn USING gin (netra_fold(name) gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['asn', 'units', 'agencies', 'election_regions', 'election_stages', 'elections', 'regions']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`DROP FUNCTION IF EXISTS netra_fold(text)`.execute(db);
}
