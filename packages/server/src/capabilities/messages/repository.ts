/** The reporter's thread and notice addresses: the only queries of the messages capability. */
import type { Db, Trx } from '../../db/database.ts';

export async function insertMessage(
  trx: Trx,
  m: { reportId: string; caseId: string; author: 'officer' | 'reporter'; authorUserId: string | null; body: string; evidenceIds: string[]; requestsInformation: boolean; at: Date },
) {
  return trx
    .insertInto('report_messages')
    .values({
      report_id: m.reportId,
      case_id: m.caseId,
      author: m.author,
      author_user_id: m.authorUserId,
      body: m.body,
      evidence_ids: m.evidenceIds,
      requests_information: m.requestsInformation,
      created_at: m.at,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** A report's thread, oldest first, with the officer's name (for staff only). */
export function messagesOfReports(db: Db, reportIds: readonly string[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_user_id')
    .select(['m.id', 'm.report_id', 'm.author', 'm.body', 'm.evidence_ids', 'm.requests_information', 'm.created_at', 'u.name as officer_name'])
    .where('m.report_id', 'in', [...reportIds])
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

export async function hasNoticeAddress(db: Db, reportId: string): Promise<boolean> {
  return (await db.selectFrom('reporter_notice_addresses').select('report_id').where('report_id', '=', reportId).executeTakeFirst()) !== undefined;
}

export async function setNoticeAddress(db: Db, reportId: string, sealed: string | null, now: Date): Promise<void> {
  if (sealed === null) {
    await db.deleteFrom('reporter_notice_addresses').where('report_id', '=', reportId).execute();
    return;
  }
  await db
    .insertInto('reporter_notice_addresses')
    .values({ report_id: reportId, email_sealed: sealed, created_at: now, notified_through: now })
    .onConflict((oc) => oc.column('report_id').doUpdateSet({ email_sealed: sealed }))
    .execute();
}

/** A page of notice subscriptions with the case and the latest officer message of their report. */
export function noticeSubscriptions(db: Db, after: string, limit: number) {
  return db
    .selectFrom('reporter_notice_addresses as a')
    .innerJoin('reports as r', 'r.id', 'a.report_id')
    .select((eb) => [
      'a.report_id',
      'a.email_sealed',
      'a.notified_through',
      'r.case_id',
      eb
        .selectFrom('report_messages as m')
        .select((m) => m.fn.max('m.created_at').as('at'))
        .whereRef('m.report_id', '=', 'a.report_id')
        .where('m.author', '=', 'officer')
        .as('last_question_at'),
    ])
    .where('a.report_id', '>', after)
    .orderBy('a.report_id')
    .limit(limit)
    .execute();
}

/** Move a subscription's mark on, only if nobody did meanwhile (a job run twice mails once). */
export async function markNotified(db: Db, reportId: string, from: Date, to: Date): Promise<boolean> {
  const res = await db
    .updateTable('reporter_notice_addresses')
    .set({ notified_through: to })
    .where('report_id', '=', reportId)
    .where('notified_through', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
