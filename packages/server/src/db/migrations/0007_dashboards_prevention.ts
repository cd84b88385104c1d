import { sql, type Kysely } from 'kysely';

/**
 * Dashboards, prevention and exports.
 *
 * Prevention: neutrality pledges (pakta integritas) per ASN per election, socialisation events
 * and who attended them.
 *
 * Dashboards read PostgreSQL materialised views refreshed by a job (capabilities/figures/
 * refresh.ts), never the base tables on each view. The figures are defined ONCE, as plain views
 * over the base tables (`dash_case_facts`, `dash_keys`, `dash_agency_rows`); each materialised
 * view is a GROUP BY over one of them. The same plain views answer, live, the few viewers whose
 * scope the aggregates cannot serve (personnel officers narrowed to agencies) and are the
 * baseline of bench/dashboard.
 *
 * Deadline outcomes: a trigger on `cases` records, when a case moves on, the deadline that was
 * running and the day it stopped (see `case_deadline_outcomes` below).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // ---------------------------------------------------------------- prevention
  await db.schema
    .createTable('pledges')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('asn_id', 'bigint', (c) => c.notNull().references('asn.id').onDelete('cascade'))
    .addColumn('signed_on', 'date', (c) => c.notNull())
    // How it was recorded: one person, a whole agency on one day, or a CSV of NIPs.
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method IN ('single', 'agency', 'import')`))
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // One pledge per person per election: the non-signer list is an anti-join on this key.
    .addPrimaryKeyConstraint('pledges_pk', ['election_id', 'asn_id'])
    .execute();

  await db.schema
    .createTable('socialisation_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('apel_siaga', 'sosialisasi', 'spanduk', 'lainnya')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE INDEX socialisation_events_region_idx ON socialisation_events (region_code text_pattern_ops, election_id, held_on)`.execute(db);

  await db.schema
    .createTable('socialisation_attendance')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('socialisation_events.id').onDelete('cascade'))
    .addColumn('asn_id', 'bigint', (c) => c.notNull().references('asn.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('socialisation_attendance_pk', ['event_id', 'asn_id'])
    .execute();
  await db.schema.createIndex('socialisation_attendance_asn_idx').on('socialisation_attendance').column('asn_id').execute();

  // ---------------------------------------------------------------- exports
  await db.schema
    .createTable('export_jobs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    // The requester's role and scope when asked: the file holds what they could see then.
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format IN ('csv', 'xlsx')`))
    .addColumn('filter', 'jsonb', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued').check(sql`status IN ('queued', 'running', 'done', 'failed', 'expired')`))
    .addColumn('rows_total', 'integer')
    .addColumn('rows_written', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('file_name', 'text')
    .addColumn('size_bytes', 'bigint')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('heartbeat_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('export_jobs_owner_idx').on('export_jobs').columns(['created_by', 'created_at']).execute();
  await db.schema.createIndex('export_jobs_expiry_idx').on('export_jobs').column('expires_at').where(sql.ref('status'), '<>', 'expired').execute();

  // ---------------------------------------------------------------- deadline outcomes
  /*
   * A statutory deadline (core caseDeadlines: Bawaslu review, the reporter's information, BKN
   * verification, PPK follow-up) *stops* when the case moves to another state and the deadline
   * the case shows changes or disappears. The deadline that stopped is the one the case showed
   * just before (OLD.next_deadline_code / OLD.next_deadline_due, as core computed it with the
   * election's rulebook: calendar or working days). It was *met* when it stopped on or before its
   * due date (the case region's local date), *missed* when later. A deadline still running is
   * *overdue* once the region's today is past its due date. Moving between states that share a
   * clock (received → formal check → review) is not a stop. Recorded from this migration on.
   */
  await db.schema
    .createTable('case_deadline_outcomes')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('deadline_code', 'text', (c) => c.notNull())
    .addColumn('due', 'date', (c) => c.notNull())
    .addColumn('stopped_on', 'date', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_deadline_outcomes_case_idx').on('case_deadline_outcomes').column('case_id').execute();
  await sql`
    CREATE FUNCTION netra_record_deadline_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- The moment of the change is the application's (cases.updated_at, set by every transition
      -- from its clock), so the outcome follows the same "today" as the deadline itself.
      INSERT INTO case_deadline_outcomes (case_id, deadline_code, due, stopped_on, to_state)
      SELECT NEW.id, OLD.next_deadline_code, OLD.next_deadline_due, (NEW.updated_at AT TIME ZONE r.time_zone)::date, NEW.state
      FROM regions r WHERE r.code = NEW.region_code;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER cases_deadline_outcome AFTER UPDATE OF state ON cases FOR EACH ROW
    WHEN (OLD.state IS DISTINCT FROM NEW.state AND OLD.next_deadline_due IS NOT NULL AND OLD.next_deadline_code IS NOT NULL
          AND (OLD.next_deadline_code IS DISTINCT FROM NEW.next_deadline_code OR OLD.next_deadline_due IS DISTINCT FROM NEW.next_deadline_due))
    EXECUTE FUNCTION netra_record_deadline_outcome()`.execute(db);
  // Personnel officers narrowed to agencies get their figures live, by agency.
  await sql`CREATE INDEX dash_cases_agency_idx ON cases (agency_id) WHERE agency_id IS NOT NULL`.execute(db);

  // ---------------------------------------------------------------- figure definitions
  await createFigureViews(db);
  await createAggregates(db);
}

/**
 * The stage each day falls in, per election and contest level, as core's `stageOn` decides it:
 * of the stages running that day (those of the level: the provincial recap only for provinces),
 * the shortest, ties to the earliest. Days between stages are 'between'; days outside the
 * schedule are resolved by `dash_stage_bounds`.
 */
async function createFigureViews(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE VIEW dash_stage_applicable AS
    SELECT s.election_id, l.level, s.code, s.start_date, s.end_date
    FROM election_stages s
    JOIN elections e ON e.id = s.election_id
    CROSS JOIN (VALUES ('province'), ('regency')) AS l(level)
    WHERE s.levels IS NULL OR e.scope = 'national' OR l.level = ANY (s.levels)`.execute(db);
  await sql`
    CREATE VIEW dash_stage_bounds AS
    SELECT election_id, level, min(start_date) AS first_day, max(end_date) AS last_day
    FROM dash_stage_applicable GROUP BY election_id, level`.execute(db);
  await sql`
    CREATE VIEW dash_stage_days AS
    SELECT DISTINCT ON (b.election_id, b.level, d.day)
      b.election_id, b.level, d.day::date AS day, coalesce(a.code, 'between') AS stage_code
    FROM dash_stage_bounds b
    CROSS JOIN LATERAL generate_series(b.first_day, b.last_day, interval '1 day') AS d(day)
    LEFT JOIN dash_stage_applicable a
      ON a.election_id = b.election_id AND a.level = b.level AND d.day::date BETWEEN a.start_date AND a.end_date
    ORDER BY b.election_id, b.level, d.day, (a.end_date - a.start_date), a.start_date, a.end_date, a.code`.execute(db);

  /*
   * One row per case with every derived figure:
   *  - region_code: the regency/city (PP.KK) or province (PP) handling it;
   *  - reach: how far the case went (0 Bawaslu, 1 forwarded to BKN, 2 recommended to the PPK):
   *    BKN and personnel roles count only cases that reached them, as they see only those;
   *  - stage_code: the election stage on the day the case was received;
   *  - proven: classified as an ASN neutrality violation (classified_other_law) or any later state
   *    of that path, including closed after a sanction;
   *  - sanctioned: a sanction decision recorded;
   *  - ppk_recommended: BKN recommended it to the PPK (ever); the PPK follow-up rate is
   *    sanctioned ∧ ppk_recommended over ppk_recommended.
   */
  await sql`
    CREATE VIEW dash_case_facts AS
    SELECT
      c.id AS case_id,
      c.election_id,
      left(c.region_code, 5) AS region_code,
      c.agency_id,
      c.state,
      c.act_codes,
      c.received_on,
      CASE WHEN c.recommended_to_ppk_on IS NOT NULL THEN 2 WHEN c.forwarded_to_bkn_on IS NOT NULL THEN 1 ELSE 0 END AS reach,
      coalesce(a.position_type, 'unknown') AS position_type,
      coalesce(sd.stage_code, CASE WHEN c.received_on < sb.first_day THEN 'before' WHEN c.received_on > sb.last_day THEN 'after' ELSE 'between' END) AS stage_code,
      (c.state IN ('classified_other_law', 'forwarded_to_bkn', 'verified_by_bkn', 'recommended_to_ppk', 'sanction_decided')
        OR (c.state = 'closed' AND c.sanction IS NOT NULL)) AS proven,
      (c.state = 'sanction_decided' OR (c.state = 'closed' AND c.sanction IS NOT NULL)) AS sanctioned,
      (c.recommended_to_ppk_on IS NOT NULL) AS ppk_recommended,
      c.siasn_block_recommended,
      c.next_deadline_code,
      c.next_deadline_due,
      (now() AT TIME ZONE r.time_zone)::date AS today
    FROM cases c
    JOIN regions r ON r.code = c.region_code
    LEFT JOIN asn a ON a.id = c.asn_id
    LEFT JOIN dash_stage_days sd
      ON sd.election_id = c.election_id AND sd.level = (CASE WHEN length(c.region_code) = 2 THEN 'province' ELSE 'regency' END) AND sd.day = c.received_on
    LEFT JOIN dash_stage_bounds sb
      ON sb.election_id = c.election_id AND sb.level = (CASE WHEN length(c.region_code) = 2 THEN 'province' ELSE 'regency' END)`.execute(db);

  // Who must act before each deadline (core cases/deadlines.ts CLOCKS).
  await sql`
    CREATE FUNCTION netra_deadline_party(code text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE code
        WHEN 'review' THEN 'bawaslu' WHEN 'review_extended' THEN 'bawaslu'
        WHEN 'more_information' THEN 'reporter'
        WHEN 'bkn_verification' THEN 'bkn'
        WHEN 'ppk_follow_up' THEN 'ppk'
        ELSE 'other' END $$`.execute(db);

  /* Every deadline of a case with its outcome: met / missed (stopped), overdue / running (not yet). */
  await sql`
    CREATE VIEW dash_deadline_facts AS
    SELECT f.case_id, f.election_id, f.region_code, f.agency_id, f.reach,
           netra_deadline_party(o.deadline_code) AS party,
           CASE WHEN o.stopped_on <= o.due THEN 'met' ELSE 'missed' END AS outcome
    FROM case_deadline_outcomes o JOIN dash_case_facts f ON f.case_id = o.case_id
    UNION ALL
    SELECT f.case_id, f.election_id, f.region_code, f.agency_id, f.reach,
           netra_deadline_party(f.next_deadline_code),
           CASE WHEN f.today > f.next_deadline_due THEN 'overdue' ELSE 'running' END
    FROM dash_case_facts f WHERE f.next_deadline_due IS NOT NULL`.execute(db);

  /*
   * Every figure as (subject, dimension, key) rows: one per case per dimension (acts: one per
   * act), one per report per dimension, one per deadline. A count of rows is the figure.
   */
  await sql`
    CREATE VIEW dash_keys AS
    SELECT f.election_id, f.region_code, f.agency_id, f.reach, 'case'::text AS subject, k.dimension, k.key
    FROM dash_case_facts f
    CROSS JOIN LATERAL (
      VALUES ('total', 'all'), ('state', f.state), ('stage', f.stage_code), ('position', f.position_type),
             ('week', to_char(date_trunc('week', f.received_on), 'YYYY-MM-DD')),
             ('flag', CASE WHEN f.proven THEN 'proven' END),
             ('flag', CASE WHEN f.sanctioned THEN 'sanctioned' END),
             ('flag', CASE WHEN f.ppk_recommended THEN 'ppk_recommended' END),
             ('flag', CASE WHEN f.ppk_recommended AND f.sanctioned THEN 'ppk_followed_up' END),
             ('flag', CASE WHEN f.siasn_block_recommended THEN 'siasn_block' END)
      UNION ALL SELECT 'act', act FROM unnest(CASE WHEN cardinality(f.act_codes) = 0 THEN ARRAY['none'] ELSE f.act_codes END) AS act
    ) AS k(dimension, key)
    WHERE k.key IS NOT NULL
    UNION ALL
    SELECT d.election_id, d.region_code, d.agency_id, d.reach, 'case', 'deadline', d.party || '.' || d.outcome
    FROM dash_deadline_facts d
    UNION ALL
    SELECT rp.election_id, left(rp.region_code, 5), f.agency_id, f.reach, 'report', k.dimension, k.key
    FROM reports rp
    JOIN dash_case_facts f ON f.case_id = rp.case_id
    LEFT JOIN dash_stage_days sd
      ON sd.election_id = rp.election_id AND sd.level = (CASE WHEN length(rp.region_code) = 2 THEN 'province' ELSE 'regency' END) AND sd.day = rp.received_on
    LEFT JOIN dash_stage_bounds sb
      ON sb.election_id = rp.election_id AND sb.level = (CASE WHEN length(rp.region_code) = 2 THEN 'province' ELSE 'regency' END)
    CROSS JOIN LATERAL (
      VALUES ('total', 'all'), ('state', f.state), ('source', rp.source),
             ('stage', coalesce(sd.stage_code, CASE WHEN rp.received_on < sb.first_day THEN 'before' WHEN rp.received_on > sb.last_day THEN 'after' ELSE 'between' END)),
             ('week', to_char(date_trunc('week', rp.received_on), 'YYYY-MM-DD'))
    ) AS k(dimension, key)`.execute(db);

  /* One row per case with its agency's figures as numbers to add up (the agency table). */
  await sql`
    CREATE VIEW dash_agency_rows AS
    SELECT f.election_id, f.region_code, f.agency_id, f.reach,
      1 AS cases,
      coalesce(rc.reports, 0) AS reports,
      f.proven::int AS proven,
      f.sanctioned::int AS sanctioned,
      f.ppk_recommended::int AS ppk_recommended,
      (f.ppk_recommended AND f.sanctioned)::int AS ppk_followed_up,
      coalesce(d.met, 0) AS deadlines_met,
      coalesce(d.missed, 0) AS deadlines_missed,
      coalesce(d.overdue, 0) AS deadlines_overdue
    FROM dash_case_facts f
    LEFT JOIN (SELECT case_id, count(*)::int AS reports FROM reports GROUP BY case_id) rc ON rc.case_id = f.case_id
    LEFT JOIN (
      SELECT case_id,
        count(*) FILTER (WHERE outcome = 'met')::int AS met,
        count(*) FILTER (WHERE outcome = 'missed')::int AS missed,
        count(*) FILTER (WHERE outcome = 'overdue')::int AS overdue
      FROM dash_deadline_facts WHERE party <> 'reporter' GROUP BY case_id
    ) d ON d.case_id = f.case_id
    WHERE f.agency_id IS NOT NULL`.execute(db);
}

/**
 * The materialised views the dashboards read. `min_reach` r holds every case with reach ≥ r, so
 * a viewer reads exactly one slice. Each has a unique index: REFRESH … CONCURRENTLY needs it and
 * readers are never blocked by a refresh.
 */
async function createAggregates(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE MATERIALIZED VIEW dash_region_cube AS
    WITH counted AS (
      SELECT election_id, region_code, reach, subject, dimension, key, count(*) AS n FROM dash_keys
      GROUP BY election_id, region_code, reach, subject, dimension, key
    )
    -- Counted first, then spread over the reach slices: the spreading touches groups, not rows.
    SELECT c.election_id, v.min_reach, left(c.region_code, 2) AS province_code, c.region_code, c.subject, c.dimension, c.key, sum(c.n)::int AS n
    FROM counted c JOIN (VALUES (0), (1), (2)) AS v(min_reach) ON v.min_reach <= c.reach
    GROUP BY c.election_id, v.min_reach, c.region_code, c.subject, c.dimension, c.key`.execute(db);
  await sql`CREATE UNIQUE INDEX dash_region_cube_key ON dash_region_cube (election_id, min_reach, province_code, region_code, subject, dimension, key)`.execute(db);
  await sql`CREATE INDEX dash_region_cube_region_idx ON dash_region_cube (election_id, min_reach, region_code)`.execute(db);

  await sql`
    CREATE MATERIALIZED VIEW dash_province_cube AS
    SELECT election_id, min_reach, province_code, subject, dimension, key, sum(n)::int AS n
    FROM dash_region_cube GROUP BY election_id, min_reach, province_code, subject, dimension, key`.execute(db);
  await sql`CREATE UNIQUE INDEX dash_province_cube_key ON dash_province_cube (election_id, min_reach, province_code, subject, dimension, key)`.execute(db);
  await sql`CREATE INDEX dash_province_cube_dimension_idx ON dash_province_cube (election_id, min_reach, dimension)`.execute(db);
  await sql`CREATE INDEX dash_region_cube_dimension_idx ON dash_region_cube (election_id, min_reach, province_code, dimension)`.execute(db);

  // The nation's totals, so a national view reads a few hundred rows and adds nothing up.
  await sql`
    CREATE MATERIALIZED VIEW dash_national_cube AS
    SELECT election_id, min_reach, subject, dimension, key, sum(n)::int AS n
    FROM dash_province_cube GROUP BY election_id, min_reach, subject, dimension, key`.execute(db);
  await sql`CREATE UNIQUE INDEX dash_national_cube_key ON dash_national_cube (election_id, min_reach, subject, dimension, key)`.execute(db);

  await sql`
    CREATE MATERIALIZED VIEW dash_agency_summary AS
    SELECT a.election_id, v.min_reach, left(a.region_code, 2) AS province_code, a.region_code, a.agency_id,
      sum(a.cases)::int AS cases, sum(a.reports)::int AS reports, sum(a.proven)::int AS proven, sum(a.sanctioned)::int AS sanctioned,
      sum(a.ppk_recommended)::int AS ppk_recommended, sum(a.ppk_followed_up)::int AS ppk_followed_up,
      sum(a.deadlines_met)::int AS deadlines_met, sum(a.deadlines_missed)::int AS deadlines_missed, sum(a.deadlines_overdue)::int AS deadlines_overdue
    FROM dash_agency_rows a JOIN (VALUES (0), (1), (2)) AS v(min_reach) ON v.min_reach <= a.reach
    GROUP BY a.election_id, v.min_reach, a.region_code, a.agency_id`.execute(db);
  await sql`CREATE UNIQUE INDEX dash_agency_summary_key ON dash_agency_summary (election_id, min_reach, province_code, region_code, agency_id)`.execute(db);
  await sql`CREATE INDEX dash_agency_summary_agency_idx ON dash_agency_summary (agency_id, election_id)`.execute(db);

  // Active civil servants per region and agency (the denominator of every coverage figure).
  await sql`
    CREATE MATERIALIZED VIEW dash_asn_counts AS
    SELECT left(r.region_code, 2) AS province_code, r.region_code, r.agency_id, count(*)::int AS asn_total
    FROM (SELECT left(region_code, 5) AS region_code, agency_id FROM asn WHERE active) r
    GROUP BY r.region_code, r.agency_id`.execute(db);
  await sql`CREATE UNIQUE INDEX dash_asn_counts_key ON dash_asn_counts (province_code, region_code, agency_id)`.execute(db);
  await sql`CREATE INDEX dash_asn_counts_agency_idx ON dash_asn_counts (agency_id)`.execute(db);

  // Pledges signed and people reached by socialisation events, per election, region and agency.
  await sql`
    CREATE MATERIALIZED VIEW dash_prevention AS
    SELECT election_id, left(region_code, 2) AS province_code, region_code, agency_id, sum(pledged)::int AS pledged, sum(reached)::int AS reached
    FROM (
      SELECT p.election_id, left(a.region_code, 5) AS region_code, a.agency_id, count(*) AS pledged, 0 AS reached
      FROM pledges p JOIN asn a ON a.id = p.asn_id WHERE a.active GROUP BY 1, 2, 3
      UNION ALL
      SELECT e.election_id, left(a.region_code, 5), a.agency_id, 0, count(DISTINCT t.asn_id)
      FROM socialisation_attendance t JOIN socialisation_events e ON e.id = t.event_id JOIN asn a ON a.id = t.asn_id
      WHERE a.active GROUP BY 1, 2, 3
    ) x GROUP BY election_id, region_code, agency_id`.execute(db);
  await sql`CREATE UNIQUE INDEX dash_prevention_key ON dash_prevention (election_id, province_code, region_code, agency_id)`.execute(db);
  await sql`CREATE INDEX dash_prevention_agency_idx ON dash_prevention (agency_id, election_id)`.execute(db);

  // The same per region (agencies added up), for every election: what a view not narrowed to
  // agencies reads.
  await sql`
    CREATE MATERIALIZED VIEW dash_prevention_regions AS
    SELECT e.id AS election_id, c.province_code, c.region_code,
      sum(c.asn_total)::int AS asn_total, coalesce(sum(p.pledged), 0)::int AS pledged, coalesce(sum(p.reached), 0)::int AS reached
    FROM dash_asn_counts c CROSS JOIN elections e
    LEFT JOIN dash_prevention p ON p.election_id = e.id AND p.region_code = c.region_code AND p.agency_id = c.agency_id
    GROUP BY e.id, c.province_code, c.region_code`.execute(db);
  await sql`CREATE UNIQUE INDEX dash_prevention_regions_key ON dash_prevention_regions (election_id, province_code, region_code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const view of ['dash_screening_queue', 'dash_prevention_regions', 'dash_prevention', 'dash_asn_counts', 'dash_agency_summary', 'dash_national_cube', 'dash_province_cube', 'dash_region_cube']) {
    await sql`DROP MATERIALIZED VIEW IF EXISTS ${sql.raw(view)}`.execute(db);
  }
  for (const view of ['dash_agency_rows', 'dash_keys', 'dash_deadline_facts', 'dash_case_facts', 'dash_stage_days', 'dash_stage_bounds', 'dash_stage_applicable']) {
    await sql`DROP VIEW IF EXISTS ${sql.raw(view)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS netra_deadline_party(text)`.execute(db);
  await sql`DROP TRIGGER IF EXISTS cases_deadline_outcome ON cases`.execute(db);
  await sql`DROP FUNCTION IF EXISTS netra_record_deadline_outcome()`.execute(db);
  await sql`DROP INDEX IF EXISTS dash_cases_agency_idx`.execute(db);
  for (const table of ['case_deadline_outcomes', 'export_jobs', 'socialisation_attendance', 'socialisation_events', 'pledges']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
