/**
 * The obligation events BKPSDM records for ASN candidates (notice, resignation, dismissal, BKN
 * processing). The pairs themselves are the election catalog's (election-catalog/pairs.repository.ts).
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

export async function obligationEvents(db: Db, pairIds: string[]) {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('candidate_obligation_events as e')
    .leftJoin('users as u', 'u.id', 'e.recorded_by')
    .select(['e.pair_id', 'e.member', 'e.obligation', 'e.done_on', 'e.letter_number', 'e.note', 'e.recorded_at', 'u.name as recorded_by_name'])
    .where('e.pair_id', 'in', pairIds)
    .execute();
}

export async function upsertObligationEvent(
  trx: Transaction<Database>,
  event: { pairId: string; member: 'head' | 'deputy'; obligation: 'notice' | 'resignation' | 'dismissal' | 'bkn_processing'; doneOn: string; letterNumber: string; note: string | null; actorId: string },
): Promise<void> {
  const values = { done_on: event.doneOn, letter_number: event.letterNumber, note: event.note, recorded_by: event.actorId, recorded_at: sql<Date>`now()` };
  await trx
    .insertInto('candidate_obligation_events')
    .values({ pair_id: event.pairId, member: event.member, obligation: event.obligation, ...values })
    .onConflict((oc) => oc.columns(['pair_id', 'member', 'obligation']).doUpdateSet(values))
    .execute();
}
