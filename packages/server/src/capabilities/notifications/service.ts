/**
 * Notifications: what other capabilities send (`notify`, in their own transaction so a change and
 * its notification commit together) and a staff member's inbox.
 */
import type { Localised } from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import * as repo from './repository.ts';

export type { NewNotification, NotificationAddress } from './repository.ts';

/** Send a notification; true when it is new (false: one with the same dedupe key was sent before). */
export function notify(db: Db, notification: repo.NewNotification): Promise<boolean> {
  return repo.insertNotification(db, notification);
}

export async function inbox(ctx: AppContext, rc: RequestContext, query: { unread: boolean; limit: number; offset: number }) {
  const { total, unread, items } = await repo.listNotifications(ctx.db, rc.actor, query);
  return {
    total,
    unread,
    items: items.map((n) => ({
      id: Number(n.id),
      kind: n.kind,
      message: (n.message as Localised)[rc.language],
      caseId: n.case_id,
      caseNumber: n.case_number,
      createdAt: new Date(n.created_at).toISOString(),
      read: n.read_at !== null,
      personal: n.user_id !== null,
    })),
  };
}

export async function markNotificationRead(ctx: AppContext, rc: RequestContext, id: number) {
  if (!(await repo.markRead(ctx.db, rc.actor, id, ctx.now()))) throw notFound({ id: 'Notifikasi', en: 'Notification' });
  return { id, read: true as const };
}

export async function markAllNotificationsRead(ctx: AppContext, rc: RequestContext) {
  return { marked: await repo.markAllRead(ctx.db, rc.actor, ctx.now()) };
}
