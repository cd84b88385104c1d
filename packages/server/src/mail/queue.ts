/**
 * Sending as background work: a message is handed to the `mail-send` queue (pg-boss, retried with
 * back-off when the SMTP server is away) and delivered by whichever server's worker takes it. The
 * queued copy is sealed with the encryption key, because messages carry one-time links. Where no
 * job runner is connected (the command line), the message is delivered at once.
 */
import type { AppContext } from '../context.ts';
import type { Trx } from '../db/database.ts';
import { decrypt, encrypt } from '../security/encryption.ts';
import { currentMailer, type MailMessage } from './mailer.ts';

export const MAIL_QUEUE = 'mail-send';

export interface MailJobData {
  /** The message as JSON, sealed with the encryption key. */
  sealed: string;
}

/**
 * What the job runner hands over to queue a message (job.ts's `JobSender` for MailJobData, written
 * out so that mail/ needs nothing of the job runner): `within` a transaction, it commits with it.
 */
export type MailSender = (data: MailJobData, options?: { within?: Trx }) => Promise<string | null>;

let enqueue: MailSender | null = null;

export function useMailQueue(sender: MailSender | null): void {
  enqueue = sender;
}

/** Whether e-mail can be sent at all (an SMTP server is configured). */
export function mailConfigured(): boolean {
  return currentMailer() !== null;
}

/**
 * Queue one message for delivery (or deliver it now when no job runner is connected). Throws when
 * no SMTP server is configured: callers check `mailConfigured()` and show the link instead.
 */
export async function queueMail(ctx: Pick<AppContext, 'encryptionKey'>, message: MailMessage): Promise<{ queued: boolean }> {
  const mailer = currentMailer();
  if (!mailer) throw new Error('No SMTP server is configured (NETRA_SMTP_URL).');
  if (enqueue) {
    await enqueue({ sealed: encrypt(ctx.encryptionKey, JSON.stringify(message)) });
    return { queued: true };
  }
  await mailer.send(message);
  return { queued: false };
}

/** The worker's half: open the sealed message and deliver it (a rejection makes pg-boss retry). */
export async function deliverQueuedMail(ctx: Pick<AppContext, 'encryptionKey'>, data: MailJobData): Promise<string> {
  const mailer = currentMailer();
  if (!mailer) throw new Error('No SMTP server is configured (NETRA_SMTP_URL).');
  const message = JSON.parse(decrypt(ctx.encryptionKey, data.sealed)) as MailMessage;
  return mailer.send(message);
}
