/**
 * An SMS/WhatsApp conversation becomes a report: an officer in scope completes what the form needs
 * (the messages' text is the description unless they write one), the media go in as evidence
 * through the same filing as every report, and the sender's number is sealed in the report's
 * vault as the reporter's contact (opened only by who may open identities, with a reason). The
 * report counts as one received by Bawaslu from a person (source `paper`: recorded by an officer,
 * with a receipt and secret), and the receipt goes back through the channel it came from.
 */
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { publicBaseUrl } from '../mail/public-url.ts';
import { discardIncoming } from '../storage/evidence-store.ts';
import { materialForReport, markConverted, oneConversionAtATime } from '../capabilities/inbox/service.ts';
import { caseLedger } from '../capabilities/cases/ledger.ts';
import { fileReport, type Receipt, type ReportInput } from '../capabilities/reports/intake.service.ts';

/** What the officer completes; the filing checks every field (missing ones come back as field errors). */
export type InboxReportBody = Partial<Omit<ReportInput, 'anonymous' | 'reporterPhone' | 'reporterAddress' | 'reporterEmail'>>;

/**
 * Two officers converting the same conversation at once are taken one after the other: the
 * second finds it handled (409 conversation_handled) and no second report is filed.
 */
export function inboxConversationToReport(ctx: AppContext, rc: RequestContext, id: string, body: InboxReportBody) {
  return oneConversionAtATime(ctx, id, () => convert(ctx, rc, id, body));
}

async function convert(ctx: AppContext, rc: RequestContext, id: string, body: InboxReportBody) {
  const material = await materialForReport(ctx, rc, id);
  const regionCode = body.regionCode ?? material.regionCode ?? undefined;
  if (!regionCode) {
    for (const u of material.uploads) await discardIncoming(u);
    const message = { id: 'Wilayah kejadian belum diketahui: tetapkan wilayahnya dulu atau isi kode wilayah.', en: 'The region is not known yet: set it first or fill in the region code.' };
    throw new ApiError(400, 'validation_failed', message, [{ field: 'body.regionCode', message }]);
  }
  const channelName = material.channel === 'sms' ? 'SMS' : 'WhatsApp';
  let receipt: Receipt;
  try {
    receipt = await fileReport(
      ctx,
      caseLedger,
      rc,
      {
        ...body,
        regionCode,
        description: body.description || material.text,
        anonymous: false,
        reporterName: body.reporterName || `Pengirim ${channelName}`,
        reporterPhone: `+${material.senderNumber}`,
      } as ReportInput,
      material.uploads,
      { source: 'paper', idempotencyKey: `inbox-conversation:${id}` },
    );
  } finally {
    for (const u of material.uploads) await discardIncoming(u);
  }
  await markConverted(ctx, rc, id, { reportId: receipt.reportId, receiptNumber: receipt.receiptNumber, secret: receipt.secret, caseNumber: receipt.caseNumber }, `${publicBaseUrl()}/lacak`);
  return { reportId: receipt.reportId, caseId: receipt.caseId, caseNumber: receipt.caseNumber, receiptNumber: receipt.receiptNumber, evidenceCount: material.mediaHashes.length };
}
