/**
 * The two-way anonymous channel between Bawaslu and whoever holds a report's receipt and secret.
 *
 * - The reporter reads the thread and writes (text and files, through the evidence rules) at any
 *   state before the case is finished. Nothing about their request is kept (PUBLIC_META: no
 *   address, no browser); officers see "the reporter", never a name, whatever the vault holds.
 * - An officer in scope asks from the case page; a question may start the more-information clock,
 *   which is core's `request_information` step taken through the cases service (same checks,
 *   same audit). The reporter's answer to such a question takes the case back to review under the
 *   extended review deadline (cases/reporter-answer.service.ts).
 * - Every message is audited (its length and file hashes, never its text).
 * - Optional notices: an e-mail address sealed like the reporter identities, used only to say
 *   that there is news (notices.ts).
 */
import { can, CASE_STATE_LABELS, TRANSITIONS, type CaseState } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { PUBLIC_META, type RequestContext } from '../../http/request-context.ts';
import { encrypt } from '../../security/encryption.ts';
import { appendAudit } from '../audit/service.ts';
import { caseDetail } from '../cases/detail.ts';
import { openForReporter, reporterAnswered } from '../cases/reporter-answer.service.ts';
import { reportsOfCase, transitionCase } from '../cases/service.ts';
import { recordCaseEvent } from '../cases/timeline.service.ts';
import { discardAll, storeEvidence } from '../evidence/evidence-files.ts';
import type { AcceptedUpload } from '../evidence/uploads.ts';
import { attachEvidence, evidenceLabels } from '../reports/evidence.service.ts';
import { isBawasluOwn, type ReportSource } from '../reports/rules.ts';
import { verifyReporter, type TrackedReport } from '../reports/tracking.service.ts';
import * as repo from './repository.ts';

type Row = Awaited<ReturnType<typeof repo.messagesOfReports>>[number];
type Labels = Awaited<ReturnType<typeof evidenceLabels>>;

function present(row: Row, labels: Labels, audience: 'reporter' | 'staff') {
  return {
    id: row.id,
    author: row.author,
    body: row.body,
    at: new Date(row.created_at).toISOString(),
    requestsInformation: row.requests_information,
    evidence: row.evidence_ids.flatMap((id) => {
      const e = labels.get(id);
      return e ? [{ id: e.id, kind: e.kind, sizeBytes: e.sizeBytes, url: audience === 'reporter' ? e.publicUrl : e.staffUrl }] : [];
    }),
  };
}

const finished = () =>
  new ApiError(409, 'case_finished', {
    id: 'Penanganan laporan ini sudah selesai, jadi pesan tidak dapat dikirim lagi. Bila ada kejadian baru, kirim laporan baru.',
    en: 'Handling of this report has ended, so no more messages can be sent. For a new event, file a new report.',
  });

// ---------------------------------------------------------------- the reporter

export async function reporterThread(ctx: AppContext, receiptNumber: string, secret: string, apiPrefix: string) {
  const report = await verifyReporter(ctx, receiptNumber, secret);
  const [rows, labels, noticesOn] = await Promise.all([repo.messagesOfReports(ctx.db, [report.id]), evidenceLabels(ctx, ctx.db, report.id, apiPrefix), repo.hasNoticeAddress(ctx.db, report.id)]);
  const last = rows.at(-1);
  return {
    messages: rows.map((r) => present(r, labels, 'reporter')),
    canSend: openForReporter(report.state),
    noticesOn,
    waitingQuestion: last?.author === 'officer',
  };
}

/** The reporter writes: an answer, more information, files. Refused once the case is finished. */
export async function reporterSend(ctx: AppContext, input: { receiptNumber: string; secret: string; text: string }, uploads: readonly AcceptedUpload[]) {
  let report: TrackedReport;
  try {
    report = await verifyReporter(ctx, input.receiptNumber, input.secret);
    if (!openForReporter(report.state)) throw finished();
  } catch (error) {
    await discardAll(uploads);
    throw error;
  }
  const files = await storeEvidence(ctx, uploads);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const evidenceIds = await attachEvidence(trx, report.id, 'reporter', files, now);
    const message = await repo.insertMessage(trx, { reportId: report.id, caseId: report.caseId, author: 'reporter', authorUserId: null, body: input.text, evidenceIds, requestsInformation: false, at: now });
    // Locks the case; a transition at the same moment either sees this message or comes first.
    const outcome = await reporterAnswered(trx, report.caseId, now, message.id);
    if (!outcome.answered && !openForReporter(outcome.state)) throw finished();
    await recordCaseEvent(trx, { caseId: report.caseId, actorId: null, at: now, kind: 'reporter_message', public: false, data: { reportId: report.id, messageId: message.id, evidenceIds } });
    await appendAudit(trx, {
      actorId: null,
      action: 'report.message_received',
      entityType: 'report',
      entityId: report.id,
      data: { caseId: report.caseId, messageId: message.id, characters: input.text.length, evidence: files.map((f) => f.sha256), answeredRequest: outcome.answered },
      ...PUBLIC_META,
      at: now,
    });
    return { id: message.id, at: now.toISOString(), evidenceCount: evidenceIds.length, answeredRequest: outcome.answered };
  });
}

/** Turn the "there is news" e-mail on (an address, sealed) or off (null: the address is deleted). */
export async function setNoticeAddress(ctx: AppContext, input: { receiptNumber: string; secret: string; email: string | null }) {
  const report = await verifyReporter(ctx, input.receiptNumber, input.secret);
  const now = ctx.now();
  await repo.setNoticeAddress(ctx.db, report.id, input.email ? encrypt(ctx.encryptionKey, input.email.trim()) : null, now);
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, { actorId: null, action: input.email ? 'report.notices_on' : 'report.notices_off', entityType: 'report', entityId: report.id, data: {}, ...PUBLIC_META, at: now }),
  );
  return { noticesOn: input.email !== null };
}

// ---------------------------------------------------------------- officers

async function trackableReports(ctx: AppContext, caseId: string) {
  const reports = await reportsOfCase(ctx, caseId);
  return reports.map((r) => ({ reportId: r.id, receiptNumber: r.receipt_number, anonymous: r.anonymous, canReceive: !isBawasluOwn(r.source as ReportSource) }));
}

/** The thread of each report of a case in the caller's scope (404 otherwise). */
export async function staffThread(ctx: AppContext, rc: RequestContext, caseId: string, apiPrefix: string) {
  const detail = await caseDetail(ctx, rc, caseId);
  const reports = await trackableReports(ctx, caseId);
  const rows = await repo.messagesOfReports(ctx.db, reports.map((r) => r.reportId));
  const labels = new Map<string, Labels>();
  for (const r of reports) labels.set(r.reportId, await evidenceLabels(ctx, ctx.db, r.reportId, apiPrefix));
  const state = detail.state as CaseState;
  const open = openForReporter(state);
  return {
    reports: reports.map((r) => ({
      ...r,
      messages: rows.filter((m) => m.report_id === r.reportId).map((m) => ({ ...present(m, labels.get(r.reportId)!, 'staff'), officerName: m.officer_name })),
    })),
    canAsk: open && can(rc.actor.role, 'messages.ask') && reports.some((r) => r.canReceive),
    canRequestInformation: TRANSITIONS.request_information.from.includes(state) && TRANSITIONS.request_information.roles.includes(rc.actor.role),
  };
}

/**
 * An officer asks the reporter. With `requestInformation` the case takes `request_information`
 * first (the question is its note and the reporter's public message); a refusal there (wrong
 * stage, stale version, locked) refuses the question too.
 */
export async function ask(ctx: AppContext, rc: RequestContext, caseId: string, body: { reportId?: string; text: string; requestInformation: boolean; expectedVersion?: number }) {
  const detail = await caseDetail(ctx, rc, caseId);
  if (!openForReporter(detail.state)) throw finished();
  const reports = (await trackableReports(ctx, caseId)).filter((r) => r.canReceive);
  const target = body.reportId ? reports.find((r) => r.reportId === body.reportId) : reports.length === 1 ? reports[0] : undefined;
  if (!target) {
    const message =
      reports.length === 0
        ? { id: 'Perkara ini tidak memiliki pelapor yang dapat membaca pesan (misalnya temuan Bawaslu).', en: 'This case has no reporter who can read messages (e.g. a Bawaslu finding).' }
        : { id: 'Pilih laporan (pelapor) yang ditanya.', en: 'Choose the report (reporter) to ask.' };
    throw new ApiError(400, 'validation_failed', message, [{ field: 'body.reportId', message }]);
  }
  let transition = null;
  if (body.requestInformation) {
    const outcome = await transitionCase(ctx, rc, caseId, { transition: 'request_information', note: body.text, publicMessage: body.text.slice(0, 1000), expectedVersion: body.expectedVersion });
    transition = { to: outcome.to, toLabel: outcome.toLabel, version: outcome.version, nextDeadline: outcome.nextDeadline };
  }
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const message = await repo.insertMessage(trx, { reportId: target.reportId, caseId, author: 'officer', authorUserId: rc.actor.id, body: body.text, evidenceIds: [], requestsInformation: body.requestInformation, at: now });
    await recordCaseEvent(trx, { caseId, actorId: rc.actor.id, at: now, kind: 'question_to_reporter', public: false, note: body.text, data: { reportId: target.reportId, messageId: message.id, requestsInformation: body.requestInformation } });
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action: 'case.question_sent',
      entityType: 'case',
      entityId: caseId,
      data: { reportId: target.reportId, messageId: message.id, characters: body.text.length, requestsInformation: body.requestInformation, state: CASE_STATE_LABELS[(transition?.to ?? detail.state) as CaseState]?.id ?? detail.state },
      ...rc.meta,
      at: now,
    });
    return { id: message.id, at: now.toISOString(), transition };
  });
}
