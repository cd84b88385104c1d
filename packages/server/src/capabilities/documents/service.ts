/**
 * Official documents as PDF: Bawaslu's recommendation letter for a proven case (to the head of BKN
 * — KASN before August 2024, per the election's rulebook — or to the PPK of the civil servant's
 * region), and a recap of a region's figures per election stage. Filled from the data, laid out
 * as an Indonesian official letter (pdf.ts), for an official to check and sign.
 */
import {
  CASE_STATE_LABELS,
  DISCIPLINE_LEVEL_LABELS,
  PROHIBITED_ACTS,
  SANCTION_TYPES,
  dateInTimeZone,
  formatNip,
  isActCode,
  isCaseState,
  recipientPeriodOn,
  suggestSanction,
  timeZoneOfRegion,
  type Rulebook,
} from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { stageLabel } from '../dashboards/labels.ts';
import { dashboardsRefreshedAt } from '../dashboards/refresh.ts';
import { childRegions } from '../dashboards/service.ts';
import { loadCube, headline } from '../dashboards/service.ts';
import { resolveView } from '../dashboards/view.ts';
import { indonesianDate, labelledLines, letterhead, numbered, paragraph, renderPdf, signatureBlock, table, type Issuer } from './pdf.ts';
import * as repo from './repository.ts';

/** States in which Bawaslu has found an ASN neutrality violation (the letter's premise). */
const PROVEN_STATES = new Set(['classified_other_law', 'forwarded_to_bkn', 'verified_by_bkn', 'recommended_to_ppk', 'sanction_decided']);

const withoutPrefix = (name: string) => name.replace(/^(Kabupaten|Kota|Provinsi)\s+/i, '');

/** The Bawaslu that issues documents for a region: national, a province's or a regency/city's. */
export function issuerFor(regionCode: string | null, regionName: string | null): Issuer {
  if (!regionCode || !regionName) return { levelLine: 'REPUBLIK INDONESIA', name: 'Bawaslu Republik Indonesia', place: 'Jakarta' };
  if (regionCode.length === 2) return { levelLine: `PROVINSI ${regionName.toUpperCase()}`, name: `Bawaslu Provinsi ${regionName}`, place: regionName };
  return { levelLine: regionName.toUpperCase(), name: `Bawaslu ${regionName}`, place: withoutPrefix(regionName) };
}

/** The regional head who is the PPK of a region's civil servants: governor, regent or mayor. */
export function ppkOf(regionCode: string, regionName: string): string {
  if (regionCode.length === 2) return `Gubernur ${regionName}`;
  return /^Kota\s/i.test(regionName) ? `Wali Kota ${withoutPrefix(regionName)}` : `Bupati ${withoutPrefix(regionName)}`;
}

const RECIPIENT = {
  BKN: { office: 'Kepala Badan Kepegawaian Negara', short: 'Kepala BKN', place: 'Jakarta' },
  KASN: { office: 'Ketua Komisi Aparatur Sipil Negara', short: 'Ketua KASN', place: 'Jakarta' },
} as const;

const DOTTED_NUMBER = '............/PM.00.02/....../....../' as const;

export async function recommendationLetter(ctx: AppContext, rc: RequestContext, caseId: string, to: 'bkn' | 'ppk'): Promise<{ pdf: Buffer; fileName: string }> {
  const found = await repo.caseForLetter(ctx.db, rc.actor, caseId);
  if (!found) throw notFound({ id: 'Perkara', en: 'Case' });
  const proven = PROVEN_STATES.has(found.state) || (found.state === 'closed' && found.sanction !== null);
  if (!proven) {
    throw new ApiError(409, 'not_proven', {
      id: 'Surat rekomendasi hanya untuk perkara yang telah ditetapkan sebagai pelanggaran netralitas ASN.',
      en: 'A recommendation letter is only for a case classified as an ASN neutrality violation.',
    });
  }
  const caseRegion = found.regionCode.slice(0, 5);
  const ppkRegion = (found.agencyRegionCode ?? caseRegion).slice(0, 5);
  const [names, reports, forwardedNumber] = await Promise.all([
    repo.regionNames(ctx.db, [caseRegion, caseRegion.slice(0, 2), ppkRegion]),
    repo.reportsOfCase(ctx.db, found.id),
    repo.letterNumberOf(ctx.db, found.id, 'forward_to_bkn'),
  ]);
  const issuer = issuerFor(caseRegion, names.get(caseRegion) ?? found.regionName);
  const ppk = `${ppkOf(ppkRegion, names.get(ppkRegion) ?? found.regionName)} selaku Pejabat Pembina Kepegawaian`;
  const today = dateInTimeZone(ctx.now(), timeZoneOfRegion(caseRegion));
  // The recipient on the day the case was forwarded (or today): KASN until 23 Aug 2024, BKN after.
  const recipient = RECIPIENT[recipientPeriodOn(found.rulebook as Rulebook, found.forwardedToBknOn ?? today)?.recipient ?? 'BKN'];
  const first = reports[0];
  const person = {
    name: found.asnName ?? first?.reportedName ?? '-',
    nip: found.asnNip ? formatNip(found.asnNip, found.asnKind ?? 'pns') : first?.reportedNip ?? '-',
    position: found.asnPosition ?? first?.reportedPosition ?? '-',
    agency: [found.unitName, found.agencyName ?? first?.reportedAgency].filter(Boolean).join(', ') || '-',
  };
  const acts = found.actCodes.filter(isActCode);
  const suggestion = acts.length > 0 ? suggestSanction(acts, { employeeKind: found.asnKind ?? undefined }) : null;
  const addressee = to === 'bkn' ? { office: recipient.office, place: recipient.place } : { office: ppk, place: withoutPrefix(names.get(ppkRegion) ?? '') || issuer.place };

  const pdf = await renderPdf({ title: `Rekomendasi ${found.number}`, subject: 'Rekomendasi pelanggaran netralitas ASN' }, (doc, fonts) => {
    letterhead(doc, fonts, issuer);
    doc.text(`${issuer.place}, ${indonesianDate(today)}`, { align: 'right' });
    doc.moveDown(0.5);
    labelledLines(doc, fonts, [
      ['Nomor', forwardedNumber ?? DOTTED_NUMBER],
      ['Sifat', 'Penting'],
      ['Lampiran', `${reports.length} (berkas laporan/temuan)`],
      ['Hal', `Rekomendasi Pelanggaran Netralitas ASN a.n. ${person.name}`],
    ]);
    doc.moveDown(1);
    doc.text('Kepada Yth.');
    doc.font(fonts.bold).text(addressee.office);
    doc.font(fonts.regular).text('di');
    doc.text(addressee.place, { indent: 24 });
    doc.moveDown(1);
    paragraph(doc, 'Dengan hormat,');
    paragraph(
      doc,
      `Berdasarkan hasil penanganan pelanggaran oleh ${issuer.name} atas perkara nomor ${found.number} dalam ${found.electionName}, yang diterima pada ${indonesianDate(found.receivedOn)}, bersama ini kami sampaikan bahwa Aparatur Sipil Negara berikut:`,
    );
    labelledLines(doc, fonts, [['Nama', person.name], ['NIP', person.nip], ['Jabatan', person.position], ['Unit kerja/instansi', person.agency]], { indent: 24, labelWidth: 110 });
    doc.moveDown(0.5);
    paragraph(
      doc,
      'telah terbukti melakukan pelanggaran netralitas Aparatur Sipil Negara sebagaimana diatur dalam Keputusan Bersama (SKB) tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN dalam Penyelenggaraan Pemilu dan Pemilihan, berupa:',
    );
    numbered(doc, acts.length > 0 ? acts.map((code) => `${code}: ${PROHIBITED_ACTS[code].description.id}.`) : ['(jenis pelanggaran belum dicatat pada perkara)'], 24);
    doc.font(fonts.bold).text('Uraian fakta', doc.page.margins.left);
    doc.font(fonts.regular);
    paragraph(doc, found.summary);
    numbered(
      doc,
      reports.map((r) => {
        const when = r.occurredUntil && r.occurredUntil !== r.occurredOn ? `${indonesianDate(r.occurredOn)} s.d. ${indonesianDate(r.occurredUntil)}` : indonesianDate(r.occurredOn);
        return `Pada ${when} di ${r.place}: ${r.description}`;
      }),
      24,
    );
    doc.font(fonts.bold).text('Rekomendasi', doc.page.margins.left);
    doc.font(fonts.regular);
    const sanctions: string[] = [];
    if (suggestion?.ethics.applies) {
      sanctions.push(`Sanksi moral (kode etik): ${suggestion.ethics.sanctionTypes.map((t) => SANCTION_TYPES[t].label.id.replace(/^Sanksi moral: /, '')).join(' atau ')} (PP 42/2004 ps. 15).`);
    }
    if (suggestion && suggestion.discipline.level !== 'none') {
      const level = DISCIPLINE_LEVEL_LABELS[suggestion.discipline.level].id;
      sanctions.push(`${level}: ${suggestion.discipline.sanctionTypes.map((t) => `${SANCTION_TYPES[t].label.id} (${SANCTION_TYPES[t].basis})`).join('; ')}.`);
    }
    paragraph(
      doc,
      to === 'bkn'
        ? `Berdasarkan hal tersebut, ${issuer.name} merekomendasikan kepada ${recipient.short} untuk melakukan verifikasi dan menyampaikan rekomendasi kepada ${ppk} agar menjatuhkan sanksi kepada yang bersangkutan sesuai ketentuan peraturan perundang-undangan, yaitu:`
        : `Berdasarkan hal tersebut, ${issuer.name} merekomendasikan kepada Saudara selaku Pejabat Pembina Kepegawaian untuk menjatuhkan sanksi kepada yang bersangkutan sesuai ketentuan peraturan perundang-undangan, yaitu:`,
    );
    numbered(doc, sanctions.length > 0 ? sanctions : ['sanksi sesuai ketentuan peraturan perundang-undangan.'], 24);
    for (const unsure of suggestion?.unsure ?? []) paragraph(doc, `Catatan ${unsure.act}: ${unsure.note.id}`, { align: 'left' });
    for (const note of suggestion?.notes ?? []) paragraph(doc, `Catatan: ${note.id}`, { align: 'left' });
    if (suggestion) paragraph(doc, `Dasar hukum: ${suggestion.basis.join('; ')}.`, { align: 'left' });
    paragraph(doc, 'Demikian rekomendasi ini kami sampaikan untuk ditindaklanjuti sesuai ketentuan peraturan perundang-undangan. Atas perhatian dan kerja samanya, kami ucapkan terima kasih.');
    signatureBlock(doc, fonts, `Ketua ${issuer.name}`);
    doc.font(fonts.bold).fontSize(10).text('Tembusan:');
    doc.font(fonts.regular);
    const copies =
      to === 'bkn'
        ? [ppk, ...(caseRegion.length > 2 ? [`Ketua Bawaslu Provinsi ${names.get(caseRegion.slice(0, 2)) ?? ''}`] : []), 'Ketua Bawaslu Republik Indonesia', 'Arsip']
        : [recipient.office, ...(caseRegion.length > 2 ? [`Ketua Bawaslu Provinsi ${names.get(caseRegion.slice(0, 2)) ?? ''}`] : []), 'Arsip'];
    numbered(doc, copies);
  });
  return { pdf, fileName: `rekomendasi-${to}-${found.number}.pdf` };
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
    doc.fontSize(9).text(`Data per ${refreshedAt ? `${indonesianDate(dateInTimeZone(refreshedAt, 'Asia/Jakarta'))} pukul ${refreshedAt.toLocaleTimeString('id-ID', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit' })} WIB` : '-'}`, { align: 'center' });
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
