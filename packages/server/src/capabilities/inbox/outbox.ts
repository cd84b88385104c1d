/**
 * Replies, region questions and receipts go back through the provider the message came from, as
 * `inbox-send` jobs (pg-boss, retried with back-off while the provider is away). The text is
 * sealed in the outbox (a receipt carries the tracking secret) and opened only to send it. Where
 * no job runner is connected (the command line, tests), it is sent at once.
 */
import type { AppContext } from '../../context.ts';
import type { Db, Trx } from '../../db/database.ts';
import type { JobSender } from '../../job.ts';
import { decrypt, encrypt } from '../../security/encryption.ts';
import { providerFor, type Channel } from './providers.ts';
import * as repo from './repository.ts';

export const OUTBOX_QUEUE = 'inbox-send';

export interface OutboxJobData {
  outboxId: string;
}

let enqueue: JobSender<OutboxJobData> | null = null;

export function useOutboxQueue(sender: JobSender<OutboxJobData> | null): void {
  enqueue = sender;
}

/** Put a text in the outbox, in the caller's transaction; hand it to `dispatch` after the commit. */
export function queueText(ctx: Pick<AppContext, 'encryptionKey'>, trx: Trx | Db, conversationId: string, kind: 'reply' | 'receipt' | 'region_question', text: string, now: Date): Promise<string> {
  return repo.queueOutbox(trx, conversationId, kind, encrypt(ctx.encryptionKey, text), now);
}

/** After the commit: to the queue, or sent now when no runner is connected (a failure is kept, not thrown). */
export async function dispatch(ctx: Pick<AppContext, 'db' | 'encryptionKey' | 'now'>, outboxId: string): Promise<void> {
  if (enqueue) {
    await enqueue({ outboxId });
    return;
  }
  await deliver(ctx, outboxId).catch(() => undefined);
}

/** The worker's half: send one outbox item through its channel's provider (a rejection makes pg-boss retry). */
export async function deliver(ctx: Pick<AppContext, 'db' | 'encryptionKey' | 'now'>, outboxId: string): Promise<'sent' | 'already'> {
  const item = await repo.outboxItem(ctx.db, outboxId);
  if (!item) throw new Error(`Outbox item ${outboxId} does not exist`);
  if (item.status === 'sent') return 'already';
  const to = decrypt(ctx.encryptionKey, item.sender_sealed);
  try {
    const providerId = await providerFor(item.channel as Channel).send(to, decrypt(ctx.encryptionKey, item.body_sealed));
    await repo.markOutbox(ctx.db, outboxId, { status: 'sent', provider_message_id: providerId || null, last_error: null, sent_at: ctx.now() });
    return 'sent';
  } catch (error) {
    await repo.markOutbox(ctx.db, outboxId, { status: enqueue ? 'queued' : 'failed', last_error: (error as Error).message.slice(0, 300) });
    throw error;
  }
}
