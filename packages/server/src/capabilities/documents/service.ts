/**
 * Official documents as PDF: the letters of a case at their steps (letters.ts: review result,
 * Bawaslu's recommendation to BKN or the PPK, BKN's recommendation to the PPK, the notice of
 * report status), each stored with the case through the file store and audited when generated;
 * the PPK's signed sanction decree (a PDF, sniffed, kept with its SHA-256); and a recap of a
 * region's figures per election stage. Laid out as Indonesian official letters (pdf.ts), for an
 * official to check and sign.
 */
import { createHash } from 'node:crypto';
import { CASE_STATE_LABELS, can, dateInTimeZone, formatLocalDateTime, isCaseState } from '@netra/core';
import { fileTypeFromBuffer } from 'file-type';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../context.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { keyFor } from '../../storage/evidence-store.ts';
import { appendAudit } from '../audit/service.ts';
import { stageLabel } from '../dashboards/labels.ts';
import { resolveView } from '../dashboards/view.ts';
import { dashboardsRefreshedAt } from '../figures/refresh.ts';
import { childRegions, headline, loadCube } from '../figures/service.ts';
import { issuerFor, LETTER_LABELS, lettersOf, renderLetter, STORED_KIND, type LetterKind } from './letters.ts';
import { indonesianDate, labelledLines, letterhead, renderPdf, signatureBlock, table } from './pdf.ts';
import type { CaseDocumentKind } from '../../db/schema.ts';
import * as repo from './repository.ts';

/** The largest signed decree accepted (a scanned decree of a few pages). */
export const DECREE_MAX_BYTES = 20 * 1024 * 1024;
const DECREE_STATES = new Set(['recommended_to_ppk', 'sanction_decided']);

const KIND_LABEL: Record<CaseDocumentKind, keyof typeof LETTER_LABELS> = {
  review_result: 'review-result',
  recommendation_bkn: 'recommendation-bkn',
  recommendation_ppk: 'recommendation-ppk',
  bkn_recommendation: 'bkn-recommendation',
  status_notice: 'status-notice',
  sanction_decree: 'sanction-decree',
};

/** Keep a file with the case (content-addressed in the file store) and audit it, in one transaction. */
async function storeWithCase(ctx: AppContext, rc: RequestContext, file: { caseId: string; kind: CaseDocumentKind; reportId: string | null; fileName: string; contentType: string; bytes: Buffer }, action: string) {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const storageKey = keyFor(sha256);
  // Durable before the row that refers to it commits (storage/evidence-store.ts).
  await ctx.files.putBuffer(storageKey, file.bytes, file.contentType);
  const now = ctx.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const documentId = await repo.insertCaseDocument(trx, { ...file, storageKey, sha256, sizeBytes: file.bytes.length, createdBy: rc.actor.id, at: now });
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action,
      entityType: 'case',
      entityId: file.caseId,
      data: { documentId, kind: file.kind, fileName: file.fileName, sha256, sizeBytes: file.bytes.length, ...(file.reportId ? { reportId: file.reportId } : {}) },
      ...rc.meta,
      at: now,
    });
    return documentId;
  });
  return { id, sha256, sizeBytes: file.bytes.length };
}

/** A letter of the case, rendered now, stored with the case and audited. */
export async function caseLetter(ctx: AppContext, rc: RequestContext, caseId: string, kind: LetterKind, reportId?: string): Promise<{ pdf: Buffer; fileName: string; documentId: string }> {
  const letter = await renderLetter(ctx, rc, caseId, kind, reportId);
  const stored = await storeWithCase(ctx, rc, { caseId: letter.caseId, kind: STORED_KIND[kind], reportId: letter.reportId, fileName: letter.fileName, contentType: 'application/pdf', bytes: letter.pdf }, 'document.generated');
  return { pdf: letter.pdf, fileName: letter.fileName, documentId: stored.id };
}

/** Bawaslu's recommendation letter (the route that existed before issue 15). */
export async function recommendationLetter(ctx: AppContext, rc: RequestContext, caseId: string, to: 'bkn' | 'ppk') {
  return caseLetter(ctx, rc, caseId, to === 'bkn' ? 'recommendation-bkn' : 'recommendation-ppk');
}

/** The letters due at the case's step and the files kept with it. */
export async function caseDocuments(ctx: AppContext, rc: RequestContext, caseId: string) {
  const { found, letters, reporterReports } = await lettersOf(ctx, rc, caseId);
  const files = await repo.documentsOfCase(ctx.db, found.id);
  const state = isCaseState(found.state) ? CASE_STATE_LABELS[found.state][rc.language] : found.state;
  const decreeDue = DECREE_STATES.has(found.state);
  return {
    caseId: found.id,
    caseNumber: found.number,
    state: found.state,
    stateLabel: state,
    letters,
    reporterReports,
    decree: {
      canUpload: can(rc.actor.role, 'documents.decree.upload') && decreeDue,
      due: decreeDue,
      maxBytes: DECREE_MAX_BYTES,
    },
    files: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      label: LETTER_LABELS[KIND_LABEL[f.kind]][rc.language],
      reportId: f.reportId,
      fileName: f.fileName,
      contentType: f.contentType,
      sha256: f.sha256,
      sizeBytes: f.sizeBytes,
      createdAt: new Date(f.createdAt).toISOString(),
      createdByName: f.createdByName,
    })),
  };
}

/** A stored file of the case (in the caller's scope). */
export async function caseDocumentFile(ctx: AppContext, rc: RequestContext, caseId: string, documentId: string): Promise<{ stream: Readable; fileName: string; contentType: string; sha256: string }> {
  const found = await repo.caseForLetter(ctx.db, rc.actor, caseId);
  if (!found) throw notFound({ id: 'Perkara', en: 'Case' });
  const doc = await repo.documentOfCase(ctx.db, found.id, documentId);
  if (!doc) throw notFound({ id: 'Berkas perkara', en: 'Case file' });
  return { stream: await ctx.files.open(doc.storageKey), fileName: doc.fileName, contentType: doc.contentType, sha256: doc.sha256 };
}

/**
 * The PPK uploads the signed sanction decree: a PDF (sniffed from its bytes, not its name or
 * declared type), kept as evidence with its SHA-256 through the file store, audited.
 */
export async function uploadDecree(ctx: AppContext, rc: RequestContext, caseId: string, upload: { bytes: Buffer; fileName: string } | null) {
  const found = await repo.caseForLetter(ctx.db, rc.actor, caseId);
  if (!found) throw notFound({ id: 'Perkara', en: 'Case' });
  if (!DECREE_STATES.has(found.state)) {
    throw new ApiError(409, 'decree_not_due', {
      id: 'Keputusan sanksi diunggah setelah BKN merekomendasikan perkara kepada PPK dan sebelum perkara ditutup.',
      en: 'The sanction decree is uploaded once BKN has recommended the case to the PPK and before the case is closed.',
    });
  }
  if (!upload || upload.bytes.length === 0) {
    const message = { id: 'Pilih berkas PDF keputusan yang telah ditandatangani.', en: 'Choose the signed decree as a PDF file.' };
    throw new ApiError(400, 'validation_failed', message, [{ field: 'body.file', message }]);
  }
  const type = await fileTypeFromBuffer(upload.bytes);
  if (type?.mime !== 'application/pdf') {
    const message = { id: 'Berkas bukan PDF. Unggah keputusan dalam format PDF.', en: 'The file is not a PDF. Upload the decree as a PDF.' };
    throw new ApiError(422, 'validation_failed', message, [{ field: 'body.file', message }]);
  }
  const safeName = `keputusan-sanksi-${found.number}.pdf`;
  const stored = await storeWithCase(ctx, rc, { caseId: found.id, kind: 'sanction_decree', reportId: null, fileName: safeName, contentType: 'application/pdf', bytes: upload.bytes }, 'document.decree_uploaded');
  return { id: stored.id, caseId: found.id, fileName: safeName, sha256: stored.sha256, sizeBytes: stored.sizeBytes, originalName: upload.fileName.slice(0, 200) };
}

export async function recapDocument(ctx: AppContext, rc: RequestContext, query: { electionId: string; region?: string; stage?: string }): Promise<{ pdf: Buffer; fileName: string }> {
  const view = await resolveView(ctx, rc.actor, query.electionId, query.region, 'id');
  const { election, territory } = view;
  if (query.stage && !election.stages.some((s) => s.code === query.stage)) throw notFound({ id: `Tahapan ${query.stage}`, en: `Stage ${query.stage}` });
  const [{ cube }, children, refreshedAt] = await Promise.all([loadCube(ctx, view.filter, ['total', 'flag', 'stage']), territory.level === 'regency' ? Promise.resolve([]) : childRegions(ctx, territory), dashboardsRefreshedAt(ctx.db)]);
  const regionName = view.breadcrumb.at(-1)!.name;
  const issuer = issuerFor(territory.regionCode, territory.regionCode ? regionName : null);
  const stages = election.stages.slice().sort((a, b) => a.start.localeCompare(b.start));
  const focus = query.stage ? stages.find((s) => s.code === query.stage)! : null;
  const n = (value: number) => value.toLocaleString('id-ID');
  const rows = territory.level === 'province' ? [...children, { code: territory.regionCode!, name: 'Tingkat provinsi' }] : children;
  const today = dateInTimeZone(ctx.now(), 'Asia/Jakarta');

  const pdf = await renderPdf({ title: `Rekapitulasi ${election.name.id} ${regionName}`, subject: 'Rekapitulasi penanganan pelanggaran netralitas ASN' }, (doc, fonts) => {
    letterhead(doc, fonts, issuer);
    doc.font(fonts.bold).fontSize(12).text('REKAPITULASI PENANGANAN PELANGGARAN NETRALITAS ASN', { align: 'center' });
    doc.font(fonts.regular).fontSize(11).text(`${election.name.id} · ${regionName}${focus ? ` · Tahapan ${focus.name.id}` : ''}`, { align: 'center' });
    doc.fontSize(9).text(`Data per ${refreshedAt ? formatLocalDateTime(refreshedAt, 'Asia/Jakarta') : '-'}`, { align: 'center' });
    doc.fontSize(11).moveDown(1);

    const totals = headline(cube);
    labelledLines(doc, fonts, [
      ['Laporan diterima', n(totals.reports)],
      ['Perkara', n(totals.cases)],
      ['Pelanggaran terbukti', n(totals.proven)],
      ['Sanksi dijatuhkan', n(totals.sanctioned)],
      ['Tindak lanjut PPK', totals.ppkRecommended ? `${n(totals.ppkFollowedUp)} dari ${n(totals.ppkRecommended)} rekomendasi (${Math.round((totals.ppkFollowedUp / totals.ppkRecommended) * 100)}%)` : 'belum ada rekomendasi'],
    ], { labelWidth: 130 });
    doc.moveDown(1);

    doc.font(fonts.bold).text('A. Menurut tahapan saat laporan/perkara diterima');
    doc.moveDown(0.3);
    table(
      doc,
      fonts,
      [{ header: 'Tahapan', width: 40 }, { header: 'Periode', width: 34 }, { header: 'Laporan', width: 13, align: 'right' }, { header: 'Perkara', width: 13, align: 'right' }],
      [
        ...stages.map((s) => [`${s.name.id}${s.critical ? ' (rawan)' : ''}`, s.start === s.end ? indonesianDate(s.start) : `${indonesianDate(s.start)} – ${indonesianDate(s.end)}`, n(cube.count('report', 'stage', s.code)), n(cube.count('case', 'stage', s.code))]),
        ...['before', 'between', 'after']
          .filter((k) => cube.count('report', 'stage', k) + cube.count('case', 'stage', k) > 0)
          .map((k) => [stageLabel(election, k).id, '', n(cube.count('report', 'stage', k)), n(cube.count('case', 'stage', k))]),
      ],
    );

    if (rows.length > 0) {
      doc.font(fonts.bold).text(focus ? `B. Menurut wilayah, tahapan ${focus.name.id}` : 'B. Menurut wilayah');
      doc.moveDown(0.3);
      if (focus) {
        table(
          doc,
          fonts,
          [{ header: 'Wilayah', width: 60 }, { header: 'Laporan', width: 20, align: 'right' }, { header: 'Perkara', width: 20, align: 'right' }],
          rows.map((r) => [r.name, n(cube.count('report', 'stage', focus.code, r.code)), n(cube.count('case', 'stage', focus.code, r.code))]),
        );
      } else {
        table(
          doc,
          fonts,
          [{ header: 'Wilayah', width: 40 }, { header: 'Laporan', width: 12, align: 'right' }, { header: 'Perkara', width: 12, align: 'right' }, { header: 'Terbukti', width: 12, align: 'right' }, { header: 'Sanksi', width: 12, align: 'right' }, { header: 'Tindak lanjut PPK', width: 14, align: 'right' }],
          rows.map((r) => {
            const h = headline(cube, r.code);
            return [r.name, n(h.reports), n(h.cases), n(h.proven), n(h.sanctioned), h.ppkRecommended ? `${Math.round((h.ppkFollowedUp / h.ppkRecommended) * 100)}%` : '-'];
          }),
        );
      }
    }

    doc.font(fonts.bold).text(rows.length > 0 ? 'C. Menurut status perkara' : 'B. Menurut status perkara');
    doc.moveDown(0.3);
    table(
      doc,
      fonts,
      [{ header: 'Status', width: 80 }, { header: 'Perkara', width: 20, align: 'right' }],
      cube.keys('case', 'state').filter(isCaseState).map((state) => [CASE_STATE_LABELS[state].id, n(cube.count('case', 'state', state))]),
    );
    doc.text(`${issuer.place}, ${indonesianDate(today)}`, { align: 'right' });
    signatureBlock(doc, fonts, `Ketua ${issuer.name}`);
  });
  return { pdf, fileName: `rekapitulasi-${election.id}-${territory.regionCode ?? 'nasional'}${focus ? `-${focus.code}` : ''}.pdf` };
}
