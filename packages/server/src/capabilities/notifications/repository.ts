/**
 * Notifications go to a person (the assignee) or to an office: a role and the region its scope is
 * set at (null = national). An office notification is read per person, so one officer reading
 * it does not hide it from colleagues.
 */
import type { Localised, RoleCode, Scope } from '@netra/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export type NotificationAddress = { userId: string } | { role: RoleCode; regionCode: string | null };

export interface NewNotification {
  to: NotificationAddress;
  caseId: string | null;
  kind: string;
  message: Localised;
  /** Makes the insert idempotent: a job that runs twice notifies once. */
  dedupeKey: string;
}

/** True when the notification was new (false: one with the same dedupe key exists). */
export async function insertNotification(db: Db, n: NewNotification): Promise<boolean> {
  const row = await db
    .insertInto('notifications')
    .values({
      user_id: 'userId' in n.to ? n.to.userId : null,
      role: 'role' in n.to ? n.to.role : null,
      region_code: 'role' in n.to ? n.to.regionCode : null,
      case_id: n.caseId,
      kind: n.kind,
      message: JSON.stringify(n.message),
      dedupe_key: n.dedupeKey,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

interface Reader {
  id: string;
  role: RoleCode;
  scope: Scope;
}

/** Notifications addressed to the reader: to them by name, or to their office. */
function addressedTo(db: Db, reader: Reader) {
  const office = reader.scope.kind === 'national' ? null : reader.scope.regionCode;
  return db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as nr', (join) => join.onRef('nr.notification_id', '=', 'n.id').on('nr.user_id', '=', reader.id))
    .leftJoin('cases as c', 'c.id', 'n.case_id')
    .where((eb) =>
      eb.or([
        eb('n.user_id', '=', reader.id),
        eb.and([eb('n.user_id', 'is', null), eb('n.role', '=', reader.role), sql<boolean>`n.region_code IS NOT DISTINCT FROM ${office}`]),
      ]),
    );
}

const readAt = sql<Date | null>`CASE WHEN n.user_id IS NOT NULL THEN n.read_at ELSE nr.read_at END`;

export async function listNotifications(db: Db, reader: Reader, query: { unread?: boolean; limit: number; offset: number }) {
  let base = addressedTo(db, reader);
  if (query.unread) base = base.where(sql<boolean>`${readAt} IS NULL`);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const [{ unread }] = await addressedTo(db, reader)
    .where(sql<boolean>`${readAt} IS NULL`)
    .select((eb) => eb.fn.countAll<number>().as('unread'))
    .execute();
  const items = await base
    .select(['n.id', 'n.kind', 'n.message', 'n.case_id', 'c.number as case_number', 'n.created_at', readAt.as('read_at'), 'n.user_id'])
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { total: Number(total), unread: Number(unread), items };
}

/** Mark one notification read for the reader; false when it is not addressed to them. */
export async function markRead(db: Db, reader: Reader, id: number, at: Date): Promise<boolean> {
  const row = await addressedTo(db, reader).select(['n.id', 'n.user_id']).where('n.id', '=', id).executeTakeFirst();
  if (!row) return false;
  if (row.user_id) {
    await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
  } else {
    await db.insertInto('notification_reads').values({ notification_id: id, user_id: reader.id, read_at: at }).onConflict((oc) => oc.doNothing()).execute();
  }
  return true;
}

export async function markAllRead(db: Db, reader: Reader, at: Date): Promise<number> {
  const unread = await addressedTo(db, reader).where(sql<boolean>`${readAt} IS NULL`).select(['n.id', 'n.user_id']).execute();
  const personal = unread.filter((n) => n.user_id).map((n) => n.id);
  const shared = unread.filter((n) => !n.user_id).map((n) => n.id);
  if (personal.length) await db.updateTable('notifications').set({ read_at: at }).where('id', 'in', personal).execute();
  if (shared.length) {
    await db
      .insertInto('notification_reads')
      .values(shared.map((id) => ({ notification_id: id, user_id: reader.id, read_at: at })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return unread.length;
}
