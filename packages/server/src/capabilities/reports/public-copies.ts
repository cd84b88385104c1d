/**
 * The metadata-free public copies of evidence photos (and the duplicate proposals), made OFF the
 * intake's hot path (issue 11):
 * the report commits with its originals durable (one fsync each) and its job queued in the same
 * transaction, and answers 201; the job then re-encodes each photo without EXIF and records the copy. A crash between the commit and the
 * job loses nothing: the sweep (every ten minutes) makes any copy still missing. Until the copy
 * exists the reporter's page shows the file without a thumbnail.
 */
import type { AppContext } from '../../context.ts';
import type { Trx } from '../../db/database.ts';
import type { JobSender } from '../../job.ts';
import { openStored, storeBuffer } from '../../storage/evidence-store.ts';
import { evidenceAwaitingCopy, setPublicCopyKey } from './evidence.repository.ts';
import { metadataFreeCopy } from '../evidence/evidence.ts';
import { proposeDuplicates } from './merge-proposals.service.ts';

let send: JobSender<{ reportId: string }> | null = null;

/** The queue's sender (jobs.ts connects it when the job runner starts). */
export function usePublicCopyQueue(sender: typeof send): void {
  send = sender;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Make the copies still missing (one report's, or the last day's); returns how many were made. */
export async function makePublicCopies(ctx: AppContext, filter: { reportId?: string; since?: Date; limit?: number }): Promise<number> {
  const rows = await evidenceAwaitingCopy(ctx.db, { ...filter, limit: filter.limit ?? 50 });
  let made = 0;
  for (const row of rows) {
    const original = await readAll(await openStored(ctx.files, row.storageKey!));
    const copy = await metadataFreeCopy(original, row.mimeType, row.originalName).catch(() => null);
    if (!copy) continue;
    const stored = await storeBuffer(ctx.files, copy);
    await setPublicCopyKey(ctx.db, row.id, stored.key);
    made += 1;
  }
  return made;
}

/**
 * The work that follows a received report, off its hot path: duplicate proposals (best effort: a
 * missed one costs an officer a manual search, not a report) and the public copies.
 */
export async function afterReceived(ctx: AppContext, reportId: string): Promise<void> {
  await proposeDuplicates(ctx, reportId).catch(() => 0);
  await makePublicCopies(ctx, { reportId });
}

/**
 * Inside the filing transaction: queue the follow-up work of its reports on the transaction's
 * connection, in one statement (a group commit's, intake.service.ts), so the jobs commit with the
 * reports (a report never lacks its job, a rolled-back one never has one) and cost no commit of
 * their own. Returns false without a job runner (tests, the CLI): the caller then runs
 * `afterReceived` itself, after the commit.
 */
export async function queueAfterReceivedMany(trx: Trx, reportIds: readonly string[]): Promise<boolean> {
  if (!send || reportIds.length === 0) return Boolean(send);
  if (send.many) await send.many(reportIds.map((reportId) => ({ reportId })), { within: trx });
  else for (const reportId of reportIds) await send({ reportId }, { within: trx });
  return true;
}

/** The sweep: copies left missing by a crash after a commit (last day). */
export function sweepPublicCopies(ctx: AppContext): Promise<number> {
  return makePublicCopies(ctx, { since: new Date(ctx.now().getTime() - 24 * 60 * 60 * 1000), limit: 500 });
}
