/**
 * What a case reads of the reports it is made of (reports.case_id): their particulars for the case
 * page, and what a transition checks. The reports capability writes them; a case only reads its own.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * The reports of one case, oldest first, as the case page lists them and as a transition checks
 * them (four eyes on findings, the formal requirements); the caller has checked the case's scope.
 */
export async function reportsOfCase(db: Db, caseId: string) {
  return db
    .selectFrom('reports as rp')
    .select([
      'rp.id',
      'rp.receipt_number',
      'rp.source',
      // Who recorded a Bawaslu finding (four eyes on classifying it); never shown on the case page.
      'rp.created_by',
      'rp.received_at',
      'rp.place',
      'rp.occurred_on',
      'rp.known_on',
      'rp.reported_name',
      'rp.reported_position',
      'rp.reported_agency',
      'rp.anonymous',
      'rp.late_by_days',
      'rp.act_codes',
      sql<string>`left(rp.description, 280)`.as('excerpt'),
      (eb) => eb.selectFrom('evidence as ev').whereRef('ev.report_id', '=', 'rp.id').select(eb.fn.countAll<number>().as('n')).as('evidence_count'),
    ])
    .where('rp.case_id', '=', caseId)
    .orderBy('rp.received_at')
    .execute();
}
