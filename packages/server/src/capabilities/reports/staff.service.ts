/**
 * Staff reading reports in their scope: the list, one report with its evidence and the formal and
 * material checklist, an evidence file, and opening a reporter's identity (always traced first).
 */
import { CASE_STATE_LABELS, checklistStatus, formalWeaknesses, isCaseState } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { openIdentity } from '../../security/vault.ts';
import { openStored } from '../../storage/evidence-store.ts';
import { appendAudit } from '../audit/service.ts';
import type { CaseLedger } from '../../ports/case-ledger.ts';
import { findElection } from '../election-catalog/service.ts';
import { evidenceOfReport, findEvidenceForStaff } from './evidence.repository.ts';
import { isBawasluOwn, type ReporterIdentity, type ReportSource } from './rules.ts';
import * as repo from './staff.repository.ts';

const reportNotFound = (id: string) => notFound({ id: `Laporan ${id}`, en: `Report ${id}` });

export function reportDto(row: repo.ReportRow, language: Language) {
  return {
    ...row,
    caseStateLabel: isCaseState(row.caseState) ? CASE_STATE_LABELS[row.caseState][language] : row.caseState,
    receivedAt: new Date(row.receivedAt).toISOString(),
    evidenceCount: Number(row.evidenceCount),
  };
}

export async function reportList(ctx: AppContext, rc: RequestContext, query: { caseId?: string; q?: string; limit: number; offset: number }) {
  const { total, items } = await repo.listReports(ctx.db, rc.actor, query);
  return { total, items: items.map((r) => reportDto(r, rc.language)) };
}

export async function reportDetail(ctx: AppContext, rc: RequestContext, id: string) {
  const { language } = rc;
  const row = await repo.findReportForStaff(ctx.db, rc.actor, id);
  if (!row) throw reportNotFound(id);
  const [evidence, election] = await Promise.all([evidenceOfReport(ctx.db, id), findElection(ctx, row.electionId)]);
  // Whether a name and address were given decides the formal requirement; the identity is read
  // for that yes/no only, never returned here (opening it is the logged action below).
  let given = { name: false, address: false };
  if (row.hasReporterIdentity) {
    const sealed = await repo.findSealedIdentity(ctx.db, id);
    const opened = sealed ? await openIdentity(ctx.db, ctx.encryptionKey, sealed.sealed) : null;
    const identity = opened ? (JSON.parse(opened) as ReporterIdentity) : null;
    given = { name: Boolean(identity?.name), address: Boolean(identity?.address) };
  }
  const checklist = checklistStatus(
    {
      reporterName: given.name ? 'given' : null,
      reporterAddress: given.address ? 'given' : null,
      violationKnownDate: row.knownOn,
      filedDate: row.receivedOn,
      incidentDate: row.occurredOn,
      incidentPlace: row.place,
      description: row.description,
      evidenceCount: evidence.length,
    },
    election!.rulebook,
  );
  const { hasReporterIdentity, witnessCount, regionName, createdBy, ...summary } = row;
  return {
    ...reportDto(summary, language),
    regionName,
    createdBy,
    hasReporterIdentity: Boolean(hasReporterIdentity),
    witnessCount: Number(witnessCount ?? 0),
    evidence: evidence.map((e) => ({
      id: e.id,
      originalName: e.originalName,
      mimeType: e.mimeType,
      sizeBytes: e.sizeBytes,
      sha256: e.sha256,
      hasPublicCopy: e.publicCopyKey !== null,
      addedBy: e.addedBy,
      createdAt: new Date(e.createdAt).toISOString(),
    })),
    checklist: {
      formalMet: checklist.formalMet,
      materialMet: checklist.materialMet,
      basis: checklist.basis,
      items: checklist.items.map((i) => ({ code: i.code, kind: i.kind, label: i.label[language], met: i.met, detail: i.detail?.[language] ?? null })),
    },
  };
}

/** An evidence file for staff in scope: the original, or the metadata-free copy. */
export async function staffEvidenceFile(ctx: AppContext, rc: RequestContext, id: string, copy: 'original' | 'public') {
  const row = await findEvidenceForStaff(ctx.db, rc.actor, id);
  const key = copy === 'public' ? row?.publicCopyKey : row?.storageKey;
  if (!row || !key) throw notFound({ id: 'Berkas bukti', en: 'Evidence file' });
  return { ...row, stream: await openStored(ctx.files, key) };
}

/**
 * Open a reporter's identity. Allowed to Bawaslu in scope, with a stated reason; the audit entry
 * and a (non-public) case event are committed BEFORE the identity is returned, so no identity
 * is ever read without its trace.
 */
export async function revealIdentity(ctx: AppContext, cases: CaseLedger, rc: RequestContext, reportId: string, reason: string) {
  const { actor: staff, meta } = rc;
  const row = await repo.findReportForStaff(ctx.db, staff, reportId);
  if (!row) throw reportNotFound(reportId);
  // The vault: a named reporter's identity, or an anonymous report's witnesses.
  const sealed = row.hasReporterIdentity || Number(row.witnessCount ?? 0) > 0 ? await repo.findSealedIdentity(ctx.db, reportId) : undefined;
  if (!sealed) {
    throw new ApiError(
      404,
      'no_reporter_identity',
      isBawasluOwn(row.source as ReportSource)
        ? { id: 'Temuan Bawaslu: tidak ada identitas pelapor.', en: 'A Bawaslu finding: there is no reporter identity.' }
        : { id: 'Pelapor anonim: tidak ada identitas yang disimpan.', en: 'Anonymous reporter: no identity is stored.' },
    );
  }
  const opened = await openIdentity(ctx.db, ctx.encryptionKey, sealed.sealed);
  if (opened === null) {
    throw new ApiError(410, 'reporter_identity_shredded', {
      id: 'Identitas pelapor telah dimusnahkan sesuai aturan retensi (kuncinya dihapus).',
      en: "The reporter's identity was destroyed under the retention rules (its key was erased).",
    });
  }
  const identity = JSON.parse(opened) as ReporterIdentity;
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await cases.recordEvent(trx, { caseId: row.caseId, at, actorId: staff.id, kind: 'identity_opened', note: reason, public: false, data: { reportId } });
    await appendAudit(trx, { actorId: staff.id, action: 'reporter_identity.opened', entityType: 'report', entityId: reportId, data: { reason, caseId: row.caseId }, ...meta, at });
  });
  return {
    name: identity.name,
    address: identity.address,
    phone: identity.phone,
    email: identity.email,
    birthPlace: identity.birthPlace ?? null,
    birthDate: identity.birthDate ?? null,
    gender: identity.gender ?? null,
    occupation: identity.occupation ?? null,
    nationality: identity.nationality ?? null,
    witnesses: identity.witnesses ?? [],
    openedAt: at.toISOString(),
  };
}

/** The reports of a case the caller may read (the cases capability checks that first), for the case page. */
/** The SQL of the whole report list with its filter, in the viewer's scope (exports stream it). */
export function reportExportQuery(ctx: AppContext, rc: Pick<RequestContext, 'actor'>, query: { caseId?: string; q?: string }) {
  return repo.reportsForExport(ctx.db, rc.actor, query);
}

/**
 * Why a report fails the formal requirements in a way a Bawaslu finding can cure: an anonymous
 * reporter (no name and address) or a report past the reporting window. Bawaslu's own findings
 * (findings, screening, rotation watch) are not reports and never "weak". Empty: nothing to cure.
 */
/**
 * A report that fails the formal requirements as the initial information (informasi awal) of a
 * Bawaslu finding: the finding's input, taken from the report, known to Bawaslu on the day the
 * report was received. The report itself stays as it is, the finding's source.
 */
export async function reportFindingDraft(ctx: AppContext, rc: RequestContext, reportId: string, note: string) {
  const row = await repo.findReportForStaff(ctx.db, rc.actor, reportId);
  if (!row) throw reportNotFound(reportId);
  const weaknesses = formalWeaknesses({ source: row.source, anonymous: row.anonymous, lateByDays: Number(row.lateByDays) });
  if (weaknesses.length === 0) {
    throw new ApiError(409, 'formal_requirements_met', {
      id: 'Laporan ini memenuhi syarat formal (pelapor jelas, tepat waktu): tangani sebagai laporan, bukan temuan.',
      en: 'This report meets the formal requirements (named reporter, in time): handle it as a report, not a finding.',
    });
  }
  const input = {
    electionId: row.electionId,
    regionCode: row.regionCode,
    place: row.place,
    occurredOn: row.occurredOn,
    ...(row.occurredUntil ? { occurredUntil: row.occurredUntil } : {}),
    knownOn: row.receivedOn,
    description: `Temuan Bawaslu berdasarkan informasi awal dari laporan ${row.receiptNumber} (${weaknesses.map((w) => (w === 'anonymous' ? 'pelapor anonim' : 'melewati batas waktu pelaporan')).join(', ')}). ${note.trim()}\n\n${row.description}`.slice(0, 5000),
    actCodes: row.actCodes,
    reportedName: row.reportedName,
    ...(row.reportedNip ? { reportedNip: row.reportedNip } : {}),
    ...(row.reportedAgency ? { reportedAgency: row.reportedAgency } : {}),
    ...(row.reportedPosition ? { reportedPosition: row.reportedPosition } : {}),
    anonymous: true,
  };
  return { report: { id: row.id, receiptNumber: row.receiptNumber, caseId: row.caseId, caseNumber: row.caseNumber }, weaknesses, input };
}

/** Both cases say where the finding came from and what became of the report; audited. */
export async function recordReportFinding(
  ctx: AppContext,
  cases: CaseLedger,
  rc: RequestContext,
  source: { id: string; receiptNumber: string; caseId: string },
  finding: { reportId: string; caseId: string; caseNumber: string; receiptNumber: string },
  note: string,
  weaknesses: string[],
) {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await cases.recordEvent(trx, { caseId: source.caseId, at, actorId: rc.actor.id, kind: 'finding_made', note, public: false, data: { reportId: source.id, findingReportId: finding.reportId, findingCaseId: finding.caseId, findingCaseNumber: finding.caseNumber, weaknesses } });
    await cases.recordEvent(trx, { caseId: finding.caseId, at, actorId: rc.actor.id, kind: 'finding_from_report', note, public: false, data: { reportId: source.id, receiptNumber: source.receiptNumber, sourceCaseId: source.caseId } });
    await appendAudit(trx, { actorId: rc.actor.id, action: 'report.made_finding', entityType: 'report', entityId: source.id, data: { findingReportId: finding.reportId, findingCaseId: finding.caseId, weaknesses, note }, ...rc.meta, at });
  });
}
