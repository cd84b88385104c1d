/**
 * Staff reading reports in their scope: the list, one report with its evidence and the formal and
 * material checklist, an evidence file, and opening a reporter's identity (always traced first).
 */
import { CASE_STATE_LABELS, checklistStatus, isCaseState } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { decrypt } from '../../security/encryption.ts';
import { openStored } from '../../storage/evidence-store.ts';
import { appendAudit } from '../audit/service.ts';
import { recordCaseEvent } from '../cases/timeline.service.ts';
import { findElection } from '../elections/service.ts';
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
    const identity = sealed ? (JSON.parse(decrypt(ctx.encryptionKey, sealed.sealed)) as ReporterIdentity) : null;
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
  const { hasReporterIdentity, regionName, createdBy, ...summary } = row;
  return {
    ...reportDto(summary, language),
    regionName,
    createdBy,
    hasReporterIdentity: Boolean(hasReporterIdentity),
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
export async function revealIdentity(ctx: AppContext, rc: RequestContext, reportId: string, reason: string) {
  const { actor: staff, meta } = rc;
  const row = await repo.findReportForStaff(ctx.db, staff, reportId);
  if (!row) throw reportNotFound(reportId);
  const sealed = row.hasReporterIdentity ? await repo.findSealedIdentity(ctx.db, reportId) : undefined;
  if (!sealed) {
    throw new ApiError(
      404,
      'no_reporter_identity',
      isBawasluOwn(row.source as ReportSource)
        ? { id: 'Temuan Bawaslu: tidak ada identitas pelapor.', en: 'A Bawaslu finding: there is no reporter identity.' }
        : { id: 'Pelapor anonim: tidak ada identitas yang disimpan.', en: 'Anonymous reporter: no identity is stored.' },
    );
  }
  const identity = JSON.parse(decrypt(ctx.encryptionKey, sealed.sealed)) as ReporterIdentity;
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await recordCaseEvent(trx, { caseId: row.caseId, at, actorId: staff.id, kind: 'identity_opened', note: reason, public: false, data: { reportId } });
    await appendAudit(trx, { actorId: staff.id, action: 'reporter_identity.opened', entityType: 'report', entityId: reportId, data: { reason, caseId: row.caseId }, ...meta, at });
  });
  return { ...identity, openedAt: at.toISOString() };
}

/** The reports of a case the caller may read (the cases capability checks that first), for the case page. */
export function reportsOfCase(ctx: AppContext, caseId: string) {
  return repo.reportsOfCase(ctx.db, caseId);
}
