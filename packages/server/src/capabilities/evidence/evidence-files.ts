/**
 * Moving accepted uploads into the evidence store: each file made durable (fsync) under its hash,
 * with its metadata-free copy beside it, BEFORE the transaction that records them commits.
 */
import type { AppContext } from '../../context.ts';
import { commitIncoming, discardIncoming, storeBuffer } from '../../storage/evidence-store.ts';
import { checkReadableImage, metadataFreeCopy } from './evidence.ts';
import type { AcceptedUpload } from './uploads.ts';

/** A file kept as evidence: what the report's, message's or inbox item's row records of it. */
export interface EvidenceRow {
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  publicCopyKey: string | null;
}

export async function storeEvidence(ctx: AppContext, uploads: readonly AcceptedUpload[]): Promise<EvidenceRow[]> {
  const rows: EvidenceRow[] = [];
  for (const upload of uploads) {
    // The copy is made from the temp file, before it moves into the store.
    const copy = await metadataFreeCopy(upload.tempPath, upload.mimeType, upload.originalName);
    const storageKey = await commitIncoming(ctx.files, upload);
    const publicCopyKey = copy ? (await storeBuffer(ctx.files, copy)).key : null;
    rows.push({ originalName: upload.originalName, mimeType: upload.mimeType, sizeBytes: upload.sizeBytes, sha256: upload.sha256, storageKey, publicCopyKey });
  }
  return rows;
}

/**
 * The intake's hot path (issue 11): only the originals, each made durable once; the image header
 * is checked so an unreadable photo is still refused now, and the metadata-free copy is made by a
 * job after the commit (public-copies.ts).
 */
export async function storeOriginals(ctx: AppContext, uploads: readonly AcceptedUpload[]): Promise<EvidenceRow[]> {
  for (const upload of uploads) await checkReadableImage(upload.bytes ?? upload.tempPath, upload.mimeType, upload.originalName);
  return Promise.all(
    uploads.map(async (upload) => ({
      originalName: upload.originalName,
      mimeType: upload.mimeType,
      sizeBytes: upload.sizeBytes,
      sha256: upload.sha256,
      storageKey: await commitIncoming(ctx.files, upload),
      publicCopyKey: null,
    })),
  );
}

/** Uploads not to be kept (a refusal, a replay): removed from `incoming/`. */
export async function discardAll(uploads: readonly AcceptedUpload[]): Promise<void> {
  await Promise.all(uploads.map((u) => discardIncoming(u)));
}
