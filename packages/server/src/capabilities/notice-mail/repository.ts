/**
 * Officers' e-mail settings, and which in-app notifications still wait to be mailed to whom: the
 * notification's own addressee, or every active member of the office it was sent to, who asked
 * for that kind by e-mail.
 *
 * This capability owns `notification_settings` and `notification_mails`; it reads the in-app
 * `notifications` (the notifications capability's) with their addressees and cases in one
 * statement, never writes them.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface MailSettings {
  emailAssigned: boolean;
  emailDeadlines: boolean;
}

export async function settingsOf(db: Db, userId: string): Promise<MailSettings> {
  const row = await db.selectFrom('notification_settings').select(['email_assigned', 'email_deadlines']).where('user_id', '=', userId).executeTakeFirst();
  return { emailAssigned: row?.email_assigned ?? false, emailDeadlines: row?.email_deadlines ?? false };
}

export async function saveSettings(db: Db, userId: string, s: MailSettings, now: Date): Promise<void> {
  await db
    .insertInto('notification_settings')
    .values({ user_id: userId, email_assigned: s.emailAssigned, email_deadlines: s.emailDeadlines, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ email_assigned: s.emailAssigned, email_deadlines: s.emailDeadlines, updated_at: now }))
    .execute();
}

/** What a notification is, for the settings: an assignment, or a deadline (reminder or escalation). */
const isAssignment = sql<boolean>`n.kind = 'assigned'`;
const isDeadline = sql<boolean>`(n.dedupe_key LIKE 'reminder:%' OR n.dedupe_key LIKE 'escalation:%')`;

/** Notifications of the last `since` not yet mailed, one row per recipient who wants them. */
export function pendingMails(db: Db, since: Date, limit: number) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('users as u', (join) =>
      join.on((eb) =>
        eb.or([
          eb('n.user_id', '=', eb.ref('u.id')),
          eb.and([eb('n.user_id', 'is', null), eb('n.role', '=', eb.ref('u.role')), sql<boolean>`n.region_code IS NOT DISTINCT FROM u.scope_region_code`]),
        ]),
      ),
    )
    .innerJoin('notification_settings as s', 's.user_id', 'u.id')
    .leftJoin('notification_mails as m', (join) => join.onRef('m.notification_id', '=', 'n.id').onRef('m.user_id', '=', 'u.id'))
    .leftJoin('cases as c', 'c.id', 'n.case_id')
    .select(['n.id', 'n.kind', 'n.message', 'n.created_at', 'n.case_id', 'c.number as case_number', 'u.id as user_id', 'u.email', 'u.name'])
    .where('u.active', '=', true)
    .where('n.created_at', '>=', since)
    .where('m.notification_id', 'is', null)
    .where((eb) => eb.or([eb.and([isAssignment, eb('s.email_assigned', '=', true)]), eb.and([isDeadline, eb('s.email_deadlines', '=', true)])]))
    .orderBy('n.id')
    .limit(limit)
    .execute();
}

/** Claim one mail; false when another run claimed it first. */
export async function claimMail(db: Db, notificationId: number, userId: string, now: Date): Promise<boolean> {
  const row = await db.insertInto('notification_mails').values({ notification_id: notificationId, user_id: userId, queued_at: now }).onConflict((oc) => oc.doNothing()).returning('notification_id').executeTakeFirst();
  return row !== undefined;
}
