/**
 * E-mail for officers who ask for it (their own settings): when a case is assigned to them, and
 * when a deadline is due or missed (the sweep's reminders and escalations, to them or their
 * office). The in-app notification stays the record; the e-mail is a copy, sent once per person
 * as a `mail-send` job (retried with back-off), and only when SMTP is configured.
 */
import type { Localised } from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { bilingualMessage, jakartaTime, mailConfigured, queueMail } from '../../mail/index.ts';
import { publicBaseUrl } from '../../mail/public-url.ts';
import { appendAudit } from '../audit/service.ts';
import * as repo from './repository.ts';

/** How far back a pass looks: a notification older than this is not worth an e-mail any more. */
const LOOK_BACK_MS = 2 * 24 * 3600_000;

export async function mailSettings(ctx: AppContext, rc: RequestContext) {
  return { ...(await repo.settingsOf(ctx.db, rc.actor.id)), smtpConfigured: mailConfigured(), email: rc.actor.email };
}

export async function updateMailSettings(ctx: AppContext, rc: RequestContext, settings: repo.MailSettings) {
  const now = ctx.now();
  const before = await repo.settingsOf(ctx.db, rc.actor.id);
  await repo.saveSettings(ctx.db, rc.actor.id, settings, now);
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, { actorId: rc.actor.id, action: 'user.notification_settings', entityType: 'user', entityId: rc.actor.id, data: { before: { ...before }, after: { ...settings } }, ...rc.meta, at: now }),
  );
  return mailSettings(ctx, rc);
}

/** One pass: every wanted, unsent e-mail of the last two days is queued once. */
export async function runOfficerMail(ctx: Pick<AppContext, 'db' | 'now' | 'encryptionKey'>): Promise<{ queued: number }> {
  let queued = 0;
  if (!mailConfigured()) return { queued };
  const now = ctx.now();
  for (;;) {
    const rows = await repo.pendingMails(ctx.db, new Date(now.getTime() - LOOK_BACK_MS), 200);
    if (rows.length === 0) return { queued };
    for (const row of rows) {
      if (!(await repo.claimMail(ctx.db, Number(row.id), row.user_id, now))) continue;
      const message = row.message as Localised;
      const assigned = row.kind === 'assigned';
      const link = row.case_id ? `${publicBaseUrl()}/konsol/perkara/${row.case_id}` : `${publicBaseUrl()}/konsol`;
      await queueMail(
        ctx,
        bilingualMessage({
          to: row.email,
          subject: assigned ? { id: `Perkara ditugaskan kepada Anda${row.case_number ? `: ${row.case_number}` : ''}`, en: `Case assigned to you${row.case_number ? `: ${row.case_number}` : ''}` } : { id: `Batas waktu perkara${row.case_number ? ` ${row.case_number}` : ''}`, en: `Case deadline${row.case_number ? ` ${row.case_number}` : ''}` },
          id: [`Yth. ${row.name},`, message.id, `Pemberitahuan ini dibuat ${jakartaTime(new Date(row.created_at), 'id')}. Anda menerimanya karena memilih pemberitahuan e-mail di pengaturan Netra.`],
          en: [`Dear ${row.name},`, message.en, `This notice was made ${jakartaTime(new Date(row.created_at), 'en')}. You receive it because you chose e-mail notices in your Netra settings.`],
          link: { url: link, label: { id: 'Buka Netra', en: 'Open Netra' } },
        }),
      );
      queued += 1;
    }
  }
}
