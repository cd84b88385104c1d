/**
 * The reporter, who has no account: following a report with its receipt number and secret (state,
 * public timeline, any request for information, own evidence as metadata-free copies), and adding
 * information while Bawaslu asks for it.
 */
import {
  CASE_STATE_LABELS,
  caseDeadlines,
  checklistStatus,
  dateInTimeZone,
  isCaseState,
  normaliseReceiptNumber,
  normaliseReportSecret,
  timeZoneOfRegion,
  type CaseState,
  type Localised,
} from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import type { RequestMeta } from '../../http/request-context.ts';
import { openStored } from '../../storage/evidence-store.ts';
import { appendAudit } from '../audit/service.ts';
import type { CaseLedger } from '../../ports/case-ledger.ts';
import { findElection } from '../election-catalog/service.ts';
import { evidenceOfReport, findPublicCopy, insertEvidence } from './evidence.repository.ts';
import { ACCEPTED_TYPES } from '../evidence/evidence.ts';
import { discardAll, storeEvidence } from '../evidence/evidence-files.ts';
import { evidenceLinkValid, secretMatches, signEvidenceLink } from './secrets.ts';
import * as repo from './tracking.repository.ts';
import type { AcceptedUpload } from '../evidence/uploads.ts';

const trackingNotFound = () =>
  new ApiError(404, 'not_found', {
    id: 'Nomor tanda terima atau kode rahasia tidak cocok. Periksa kembali keduanya.',
    en: 'The receipt number or the secret does not match. Check both again.',
  });


export type TrackedReport = NonNullable<Awaited<ReturnType<typeof repo.findReportByReceipt>>>;

/** The report behind a receipt and secret, or the same 404 for an unknown receipt and a wrong secret. */
export async function verifyReporter(ctx: AppContext, receiptInput: string, secretInput: string): Promise<TrackedReport> {
  const receipt = normaliseReceiptNumber(receiptInput);
  const secret = normaliseReportSecret(secretInput) ?? '';
  const report = receipt ? await repo.findReportByReceipt(ctx.db, receipt) : undefined;
  if (!report?.secretHash || !secretMatches(ctx, report.secretHash, secret)) throw trackingNotFound();
  return report;
}

const EVENT_LABELS: Record<string, Localised> = {
  received: { id: 'Laporan diterima', en: 'Report received' },
  information_added: { id: 'Keterangan tambahan dikirim', en: 'More information sent' },
  case_merged: { id: 'Digabung dengan laporan lain tentang kejadian yang sama', en: 'Joined with another report of the same event' },
};

function publicEventLabel(event: { kind: string; toState: string | null; data: unknown }, language: Language): string {
  const custom = (event.data as { publicLabel?: Localised } | null)?.publicLabel;
  if (custom?.[language]) return custom[language];
  if (EVENT_LABELS[event.kind]) return EVENT_LABELS[event.kind][language];
  if (event.toState && isCaseState(event.toState)) return CASE_STATE_LABELS[event.toState][language];
  return language === 'id' ? 'Perkembangan penanganan' : 'Progress in handling';
}

/** The status page: state, public timeline, any request for information, own evidence (metadata-free). */
export async function trackingView(ctx: AppContext, cases: CaseLedger, report: TrackedReport, language: Language, apiPrefix: string) {
  const [events, evidence] = await Promise.all([cases.publicTimeline(ctx.db, report.caseId, report.id), evidenceOfReport(ctx.db, report.id)]);
  const state = report.state as CaseState;
  let informationRequest = null;
  if (state === 'awaiting_information' && report.informationRequestedOn) {
    const election = await findElection(ctx, report.electionId);
    const today = dateInTimeZone(ctx.now(), timeZoneOfRegion(report.caseRegionCode));
    const clock = { receivedDate: report.caseReceivedOn, informationRequestedDate: report.informationRequestedOn };
    const deadline = election ? caseDeadlines('awaiting_information', clock, election.rulebook, today).find((d) => d.code === 'more_information') : undefined;
    const request = [...events].reverse().find((e) => e.toState === 'awaiting_information');
    const message = (request?.data as { publicMessage?: string } | null)?.publicMessage ?? null;
    const checklist = election
      ? checklistStatus(
          {
            // Only whether an identity was given matters here; it is not opened for this.
            reporterName: report.anonymous ? null : 'given',
            reporterAddress: report.anonymous ? null : 'given',
            violationKnownDate: report.knownOn,
            filedDate: report.receivedOn,
            incidentDate: report.occurredOn,
            incidentPlace: report.place,
            description: report.description,
            evidenceCount: evidence.length,
          },
          election.rulebook,
        )
      : null;
    informationRequest = {
      requestedOn: report.informationRequestedOn,
      dueOn: deadline?.due ?? report.informationRequestedOn,
      overdue: deadline?.overdue ?? false,
      message,
      missing: checklist ? checklist.items.filter((i) => !i.met && i.code !== 'filed_in_time').map((i) => i.label[language]) : [],
    };
  }
  return {
    receiptNumber: report.receiptNumber,
    caseNumber: report.caseNumber,
    receivedAt: report.receivedAt.toISOString(),
    state,
    stateLabel: isCaseState(state) ? CASE_STATE_LABELS[state][language] : state,
    lateByDays: report.lateByDays,
    timeline: [
      { at: report.receivedAt.toISOString(), kind: 'received', label: EVENT_LABELS.received[language] },
      ...events.map((e) => ({ at: new Date(e.at).toISOString(), kind: e.kind, label: publicEventLabel(e, language) })),
    ],
    informationRequest,
    canAddInformation: state === 'awaiting_information',
    evidence: evidence.map((e) => ({
      id: e.id,
      kind: ACCEPTED_TYPES[e.mimeType]?.label ?? e.mimeType,
      sizeBytes: e.sizeBytes,
      addedAt: new Date(e.createdAt).toISOString(),
      thumbnailUrl: e.publicCopyKey ? `${apiPrefix}/reports/track/evidence/${e.id}?token=${signEvidenceLink(ctx, e.id)}` : null,
      previewPending: !e.publicCopyKey && Boolean(ACCEPTED_TYPES[e.mimeType]?.publicCopy),
    })),
  };
}

/** The metadata-free copy behind a signed link, or null. */
export async function publicEvidenceFile(ctx: AppContext, evidenceId: string, token: string) {
  if (!evidenceLinkValid(ctx, evidenceId, token)) return null;
  const row = await findPublicCopy(ctx.db, evidenceId);
  if (!row?.publicCopyKey) return null;
  return { mimeType: row.mimeType, stream: await openStored(ctx.files, row.publicCopyKey) };
}

const notAwaitingInformation = () =>
  new ApiError(409, 'not_awaiting_information', {
    id: 'Bawaslu sedang tidak meminta keterangan tambahan untuk laporan ini. Keterangan hanya dapat dikirim ketika diminta.',
    en: 'Bawaslu is not asking for more information on this report. Information can only be sent when asked for.',
  });

/** The reporter answers a request for more information: text and optional files, while asked. */
export async function addInformation(
  ctx: AppContext,
  cases: CaseLedger,
  input: { receiptNumber: string; secret: string; text: string },
  uploads: readonly AcceptedUpload[],
  meta: RequestMeta,
) {
  let report: TrackedReport;
  try {
    report = await verifyReporter(ctx, input.receiptNumber, input.secret);
    if (report.state !== 'awaiting_information') throw notAwaitingInformation();
  } catch (error) {
    await discardAll(uploads);
    throw error;
  }
  const evidence = await storeEvidence(ctx, uploads);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    // Locked, so a transition running at the same moment either sees this or comes first.
    if ((await cases.stateForUpdate(trx, report.caseId)) !== 'awaiting_information') throw notAwaitingInformation();
    const evidenceIds = await insertEvidence(trx, report.id, 'reporter', evidence, now);
    await cases.recordEvent(trx, { caseId: report.caseId, actorId: null, at: now, kind: 'information_added', note: input.text, public: true, data: { reportId: report.id, evidenceIds } });
    await appendAudit(trx, {
      actorId: null,
      action: 'report.information_added',
      entityType: 'report',
      entityId: report.id,
      data: { caseId: report.caseId, evidence: evidence.map((e) => e.sha256), characters: input.text.length },
      ...meta,
      at: now,
    });
    return { addedAt: now.toISOString(), evidenceCount: evidenceIds.length };
  });
}
