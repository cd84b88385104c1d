/**
 * The letters of a case (issue 15), each filled from the case's data and laid out as an
 * Indonesian official letter (pdf.ts: letterhead, number, place and date, addressee, basis,
 * facts, conclusion, signature block), each due at its step:
 *
 * - review result (hasil kajian), Bawaslu's, once the review has concluded;
 * - Bawaslu's recommendation to BKN (KASN before 24 Aug 2024) or to the PPK, once proven;
 * - BKN's recommendation to the PPK, once BKN has verified;
 * - the notice of report status to the reporter (pemberitahuan status laporan), at any step, for
 *   a report that has a reporter (not a Bawaslu finding). It names the reporter only by the
 *   receipt number: the identity stays sealed.
 *
 * The facts are the reports' own descriptions in full: the case summary is printed only when it
 * says something the reports do not (it is often their first 200 characters, cut with "…").
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
import { indonesianDate, labelledLines, letterhead, numbered, paragraph, renderPdf, signatureBlock, type Doc, type Issuer } from './pdf.ts';
import * as repo from './repository.ts';

export const LETTER_KINDS = ['review-result', 'recommendation-bkn', 'recommendation-ppk', 'bkn-recommendation', 'status-notice'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The stored kind of each letter (case_documents.kind). */
export const STORED_KIND = {
  'review-result': 'review_result',
  'recommendation-bkn': 'recommendation_bkn',
  'recommendation-ppk': 'recommendation_ppk',
  'bkn-recommendation': 'bkn_recommendation',
  'status-notice': 'status_notice',
} as const satisfies Record<LetterKind, string>;

export const LETTER_LABELS: Record<LetterKind | 'sanction-decree', { id: string; en: string }> = {
  'review-result': { id: 'Hasil kajian', en: 'Review result' },
  'recommendation-bkn': { id: 'Rekomendasi Bawaslu kepada BKN', en: "Bawaslu's recommendation to BKN" },
  'recommendation-ppk': { id: 'Rekomendasi Bawaslu kepada PPK', en: "Bawaslu's recommendation to the PPK" },
  'bkn-recommendation': { id: 'Rekomendasi BKN kepada PPK', en: "BKN's recommendation to the PPK" },
  'status-notice': { id: 'Pemberitahuan status laporan', en: 'Notice of report status' },
  'sanction-decree': { id: 'Keputusan sanksi (ditandatangani)', en: 'Sanction decree (signed)' },
};

/** States in which Bawaslu has found an ASN neutrality violation (the recommendation's premise). */
const PROVEN_STATES = new Set(['classified_other_law', 'forwarded_to_bkn', 'verified_by_bkn', 'recommended_to_ppk', 'sanction_decided']);
const REVIEWED_STATES = new Set([...PROVEN_STATES, 'classified_not_violation', 'classified_other']);
const BKN_RECOMMENDED_STATES = new Set(['verified_by_bkn', 'recommended_to_ppk', 'sanction_decided']);
const BAWASLU_ROLES = new Set(['bawaslu_regency', 'bawaslu_province', 'bawaslu_national']);

const withoutPrefix = (name: string) => name.replace(/^(Kabupaten|Kota|Provinsi)\s+/i, '');

/** The Bawaslu that issues documents for a region: national, a province's or a regency/city's. */
export function issuerFor(regionCode: string | null, regionName: string | null): Issuer {
  if (!regionCode || !regionName) return { levelLine: 'REPUBLIK INDONESIA', name: 'Bawaslu Republik Indonesia', place: 'Jakarta' };
  if (regionCode.length === 2) return { levelLine: `PROVINSI ${regionName.toUpperCase()}`, name: `Bawaslu Provinsi ${regionName}`, place: regionName };
  return { levelLine: regionName.toUpperCase(), name: `Bawaslu ${regionName}`, place: withoutPrefix(regionName) };
}

const BKN_ISSUER: Issuer = { body: 'BADAN KEPEGAWAIAN NEGARA', levelLine: 'REPUBLIK INDONESIA', name: 'Badan Kepegawaian Negara', place: 'Jakarta' };

/** The regional head who is the PPK of a region's civil servants: governor, regent or mayor. */
export function ppkOf(regionCode: string, regionName: string): string {
  if (regionCode.length === 2) return `Gubernur ${regionName}`;
  return /^Kota\s/i.test(regionName) ? `Wali Kota ${withoutPrefix(regionName)}` : `Bupati ${withoutPrefix(regionName)}`;
}

const RECIPIENT = {
  BKN: { office: 'Kepala Badan Kepegawaian Negara', short: 'Kepala BKN', place: 'Jakarta' },
  KASN: { office: 'Ketua Komisi Aparatur Sipil Negara', short: 'Ketua KASN', place: 'Jakarta' },
} as const;

const DOTTED_NUMBER = '............/PM.00.02/....../....../';

type CaseForLetter = NonNullable<Awaited<ReturnType<typeof repo.caseForLetter>>>;

/** Is the letter due at the case's step? null when it is, else why not (both languages). */
export function letterNotDue(kind: LetterKind, c: Pick<CaseForLetter, 'state' | 'sanction'>, role: string): { id: string; en: string } | null {
  const sanctionedAndClosed = c.state === 'closed' && c.sanction !== null;
  switch (kind) {
    case 'review-result':
      return REVIEWED_STATES.has(c.state) || sanctionedAndClosed ? null : { id: 'Tersedia setelah kajian ditetapkan.', en: 'Available once the review has concluded.' };
    case 'recommendation-bkn':
    case 'recommendation-ppk':
      return PROVEN_STATES.has(c.state) || sanctionedAndClosed
        ? null
        : { id: 'Surat rekomendasi hanya untuk perkara yang telah ditetapkan sebagai pelanggaran netralitas ASN.', en: 'A recommendation letter is only for a case classified as an ASN neutrality violation.' };
    case 'bkn-recommendation':
      return BKN_RECOMMENDED_STATES.has(c.state) || sanctionedAndClosed ? null : { id: 'Tersedia setelah BKN selesai memverifikasi.', en: 'Available once BKN has verified the case.' };
    case 'status-notice':
      return BAWASLU_ROLES.has(role) ? null : { id: 'Pemberitahuan kepada pelapor dibuat oleh Bawaslu.', en: 'The notice to the reporter is written by Bawaslu.' };
  }
}

interface LetterData {
  found: CaseForLetter;
  names: Map<string, string>;
  reports: Awaited<ReturnType<typeof repo.reportsOfCase>>;
  people: Awaited<ReturnType<typeof repo.peopleOfCase>>;
  issuer: Issuer;
  caseRegion: string;
  ppkRegion: string;
  ppk: string;
  today: string;
}

async function letterData(ctx: AppContext, rc: RequestContext, caseId: string): Promise<LetterData> {
  const found = await repo.caseForLetter(ctx.db, rc.actor, caseId);
  if (!found) throw notFound({ id: 'Perkara', en: 'Case' });
  const caseRegion = found.regionCode.slice(0, 5);
  const [reports, people] = await Promise.all([repo.reportsOfCase(ctx.db, found.id), repo.peopleOfCase(ctx.db, found.id)]);
  const ppkRegion = (people[0]?.agencyRegionCode ?? found.agencyRegionCode ?? caseRegion).slice(0, 5);
  const names = await repo.regionNames(ctx.db, [caseRegion, caseRegion.slice(0, 2), ppkRegion]);
  const issuer = issuerFor(caseRegion, names.get(caseRegion) ?? found.regionName);
  const ppk = `${ppkOf(ppkRegion, names.get(ppkRegion) ?? found.regionName)} selaku Pejabat Pembina Kepegawaian`;
  const today = dateInTimeZone(ctx.now(), timeZoneOfRegion(caseRegion));
  return { found, names, reports, people, issuer, caseRegion, ppkRegion, ppk, today };
}

function assertDue(kind: LetterKind, data: LetterData, role: string) {
  const reason = letterNotDue(kind, data.found, role);
  if (!reason) return;
  if (kind === 'status-notice') throw new ApiError(403, 'not_your_letter', reason);
  throw new ApiError(409, kind.startsWith('recommendation') ? 'not_proven' : 'letter_not_due', reason);
}

/** The person or people of the case as label–value lines, or what the reports said of them. */
function personLines(data: LetterData): Array<Array<[string, string]>> {
  if (data.people.length > 0) {
    return data.people.map((p) => [
      ['Nama', p.name],
      ['NIP', formatNip(p.nip, p.kind)],
      ['Pangkat/golongan', p.grade ?? '-'],
      ['Jabatan', p.position],
      ['Unit kerja/instansi', [p.unitName, p.agencyName].filter(Boolean).join(', ')],
    ]);
  }
  const first = data.reports[0];
  return [
    [
      ['Nama', data.found.asnName ?? first?.reportedName ?? '-'],
      ['NIP', first?.reportedNip ?? 'belum teridentifikasi dalam register ASN'],
      ['Jabatan', first?.reportedPosition ?? '-'],
      ['Unit kerja/instansi', first?.reportedAgency ?? '-'],
    ],
  ];
}

function drawPeople(doc: Doc, fonts: { regular: string; bold: string }, data: LetterData) {
  for (const lines of personLines(data)) {
    labelledLines(doc, fonts, lines, { indent: 24, labelWidth: 110 });
    doc.moveDown(0.4);
  }
}

const folded = (text: string) => text.replace(/[…\s.]+$/u, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The facts: every report's description in full, with where and when. The case summary comes
 * first only when it is not a (cut) copy of a report's own text.
 */
export function factItems(summary: string, reports: ReadonlyArray<{ occurredOn: string; occurredUntil: string | null; place: string; description: string; reportedName?: string }>): { lead: string | null; items: string[] } {
  const lead = folded(summary);
  // Intake writes "<reported name>: <description>" cut at 200 characters.
  const colon = lead.indexOf(': ');
  const leads = colon > 0 && colon < 160 ? [lead, lead.slice(colon + 2)] : [lead];
  const repeated = reports.some((r) => {
    const full = folded(r.description);
    return leads.some((l) => l.length > 0 && full.startsWith(l));
  });
  return {
    lead: repeated || lead.length === 0 ? null : summary,
    items: reports.map((r) => {
      const when = r.occurredUntil && r.occurredUntil !== r.occurredOn ? `${indonesianDate(r.occurredOn)} s.d. ${indonesianDate(r.occurredUntil)}` : indonesianDate(r.occurredOn);
      return `Pada ${when} di ${r.place}: ${r.description}`;
    }),
  };
}

function drawFacts(doc: Doc, fonts: { regular: string; bold: string }, data: LetterData, heading = 'Uraian fakta') {
  doc.font(fonts.bold).text(heading, doc.page.margins.left);
  doc.font(fonts.regular);
  const facts = factItems(data.found.summary, data.reports);
  if (facts.lead) paragraph(doc, facts.lead);
  numbered(doc, facts.items.length > 0 ? facts.items : ['(belum ada uraian kejadian)'], 24);
}

function actLines(data: LetterData): string[] {
  const acts = data.found.actCodes.filter(isActCode);
  return acts.length > 0 ? acts.map((code) => `${code}: ${PROHIBITED_ACTS[code].description.id}.`) : ['(jenis pelanggaran belum dicatat pada perkara)'];
}

function sanctionLines(data: LetterData) {
  const acts = data.found.actCodes.filter(isActCode);
  const kind = data.people[0]?.kind ?? data.found.asnKind ?? undefined;
  const suggestion = acts.length > 0 ? suggestSanction(acts, { employeeKind: kind }) : null;
  const lines: string[] = [];
  if (suggestion?.ethics.applies) {
    lines.push(`Sanksi moral (kode etik): ${suggestion.ethics.sanctionTypes.map((t) => SANCTION_TYPES[t].label.id.replace(/^Sanksi moral: /, '')).join(' atau ')} (PP 42/2004 ps. 15).`);
  }
  if (suggestion && suggestion.discipline.level !== 'none') {
    const level = DISCIPLINE_LEVEL_LABELS[suggestion.discipline.level].id;
    lines.push(`${level}: ${suggestion.discipline.sanctionTypes.map((t) => `${SANCTION_TYPES[t].label.id} (${SANCTION_TYPES[t].basis})`).join('; ')}.`);
  }
  return { suggestion, lines: lines.length > 0 ? lines : ['sanksi sesuai ketentuan peraturan perundang-undangan.'] };
}

function subjectName(data: LetterData): string {
  const names = data.people.length > 0 ? data.people.map((p) => p.name) : [data.found.asnName ?? data.reports[0]?.reportedName ?? '-'];
  return names.join(', ');
}

function dateLine(doc: Doc, place: string, today: string) {
  doc.text(`${place}, ${indonesianDate(today)}`, { align: 'right' });
  doc.moveDown(0.5);
}

function addressee(doc: Doc, fonts: { regular: string; bold: string }, office: string, place: string) {
  doc.moveDown(1);
  doc.text('Kepada Yth.');
  doc.font(fonts.bold).text(office);
  doc.font(fonts.regular).text('di');
  doc.text(place, { indent: 24 });
  doc.moveDown(1);
}

// ---- Bawaslu's recommendation to BKN (or the PPK)

function drawRecommendation(doc: Doc, fonts: { regular: string; bold: string }, data: LetterData, to: 'bkn' | 'ppk', number: string | null) {
  const { found, issuer, ppk, names, caseRegion, ppkRegion, today, reports } = data;
  const recipient = RECIPIENT[recipientPeriodOn(found.rulebook as Rulebook, found.forwardedToBknOn ?? today)?.recipient ?? 'BKN'];
  const { suggestion, lines } = sanctionLines(data);
  letterhead(doc, fonts, issuer);
  dateLine(doc, issuer.place, today);
  labelledLines(doc, fonts, [
    ['Nomor', number ?? DOTTED_NUMBER],
    ['Sifat', 'Penting'],
    ['Lampiran', `${reports.length} (berkas laporan/temuan)`],
    ['Hal', `Rekomendasi Pelanggaran Netralitas ASN a.n. ${subjectName(data)}`],
  ]);
  if (to === 'bkn') addressee(doc, fonts, recipient.office, recipient.place);
  else addressee(doc, fonts, ppk, withoutPrefix(names.get(ppkRegion) ?? '') || issuer.place);
  paragraph(doc, 'Dengan hormat,');
  paragraph(
    doc,
    `Berdasarkan hasil penanganan pelanggaran oleh ${issuer.name} atas perkara nomor ${found.number} dalam ${found.electionName}, yang diterima pada ${indonesianDate(found.receivedOn)}, bersama ini kami sampaikan bahwa Aparatur Sipil Negara berikut:`,
  );
  drawPeople(doc, fonts, data);
  paragraph(
    doc,
    'telah terbukti melakukan pelanggaran netralitas Aparatur Sipil Negara sebagaimana diatur dalam Keputusan Bersama (SKB) tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN dalam Penyelenggaraan Pemilu dan Pemilihan, berupa:',
  );
  numbered(doc, actLines(data), 24);
  drawFacts(doc, fonts, data);
  doc.font(fonts.bold).text('Rekomendasi', doc.page.margins.left);
  doc.font(fonts.regular);
  paragraph(
    doc,
    to === 'bkn'
      ? `Berdasarkan hal tersebut, ${issuer.name} merekomendasikan kepada ${recipient.short} untuk melakukan verifikasi dan menyampaikan rekomendasi kepada ${ppk} agar menjatuhkan sanksi kepada yang bersangkutan sesuai ketentuan peraturan perundang-undangan, yaitu:`
      : `Berdasarkan hal tersebut, ${issuer.name} merekomendasikan kepada Saudara selaku Pejabat Pembina Kepegawaian untuk menjatuhkan sanksi kepada yang bersangkutan sesuai ketentuan peraturan perundang-undangan, yaitu:`,
  );
  numbered(doc, lines, 24);
  for (const unsure of suggestion?.unsure ?? []) paragraph(doc, `Catatan ${unsure.act}: ${unsure.note.id}`, { align: 'left' });
  for (const note of suggestion?.notes ?? []) paragraph(doc, `Catatan: ${note.id}`, { align: 'left' });
  if (suggestion) paragraph(doc, `Dasar hukum: ${suggestion.basis.join('; ')}.`, { align: 'left' });
  paragraph(doc, 'Demikian rekomendasi ini kami sampaikan untuk ditindaklanjuti sesuai ketentuan peraturan perundang-undangan. Atas perhatian dan kerja samanya, kami ucapkan terima kasih.');
  signatureBlock(doc, fonts, `Ketua ${issuer.name}`);
  doc.font(fonts.bold).fontSize(10).text('Tembusan:');
  doc.font(fonts.regular);
  const province = caseRegion.length > 2 ? [`Ketua Bawaslu Provinsi ${names.get(caseRegion.slice(0, 2)) ?? ''}`] : [];
  numbered(doc, to === 'bkn' ? [ppk, ...province, 'Ketua Bawaslu Republik Indonesia', 'Arsip'] : [recipient.office, ...province, 'Arsip']);
}

// ---- BKN's recommendation to the PPK

async function drawBknRecommendation(ctx: AppContext, doc: Doc, fonts: { regular: string; bold: string }, data: LetterData, numbers: { bawaslu: string | null; bkn: string | null }) {
  const { found, ppk, names, ppkRegion, today } = data;
  const { suggestion, lines } = sanctionLines(data);
  const rule = (found.rulebook as Rulebook).ppkFollowUp;
  const days = rule?.days ?? 14;
  const counted = rule?.counting === 'working' ? 'hari kerja' : 'hari';
  const place = BKN_ISSUER.place;
  letterhead(doc, fonts, BKN_ISSUER);
  dateLine(doc, place, found.recommendedToPpkOn ?? today);
  labelledLines(doc, fonts, [
    ['Nomor', numbers.bkn ?? '............/R/PK.02/....../......'],
    ['Sifat', 'Segera'],
    ['Lampiran', '1 (satu) berkas rekomendasi Bawaslu'],
    ['Hal', `Rekomendasi Penjatuhan Sanksi Pelanggaran Netralitas ASN a.n. ${subjectName(data)}`],
  ]);
  addressee(doc, fonts, ppk, withoutPrefix(names.get(ppkRegion) ?? '') || 'tempat');
  paragraph(doc, 'Dengan hormat,');
  paragraph(
    doc,
    `Menindaklanjuti surat rekomendasi ${data.issuer.name} Nomor ${numbers.bawaslu ?? DOTTED_NUMBER}${found.forwardedToBknOn ? ` tanggal ${indonesianDate(found.forwardedToBknOn)}` : ''} atas perkara nomor ${found.number} dalam ${found.electionName}, Badan Kepegawaian Negara telah melakukan verifikasi dan menyatakan bahwa Aparatur Sipil Negara berikut:`,
  );
  drawPeople(doc, fonts, data);
  paragraph(doc, 'terbukti melakukan pelanggaran netralitas Aparatur Sipil Negara berupa:');
  numbered(doc, actLines(data), 24);
  drawFacts(doc, fonts, data);
  doc.font(fonts.bold).text('Rekomendasi', doc.page.margins.left);
  doc.font(fonts.regular);
  paragraph(doc, `Sehubungan dengan hal tersebut, kami merekomendasikan kepada Saudara selaku Pejabat Pembina Kepegawaian untuk menjatuhkan sanksi kepada yang bersangkutan, yaitu:`);
  numbered(doc, lines, 24);
  if (suggestion) paragraph(doc, `Dasar hukum: ${suggestion.basis.join('; ')}.`, { align: 'left' });
  paragraph(
    doc,
    `Tindak lanjut atas rekomendasi ini agar disampaikan kepada Badan Kepegawaian Negara paling lambat ${days} ${counted} sejak surat ini diterima. Apabila tidak ditindaklanjuti, Badan Kepegawaian Negara dapat memblokir data kepegawaian yang bersangkutan pada Sistem Informasi ASN (SIASN) sampai sanksi dijatuhkan.`,
  );
  paragraph(doc, 'Demikian kami sampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.');
  signatureBlock(doc, fonts, 'a.n. Kepala Badan Kepegawaian Negara\nDeputi Bidang Pengawasan dan Pengendalian');
  doc.font(fonts.bold).fontSize(10).text('Tembusan:');
  doc.font(fonts.regular);
  numbered(doc, [`Ketua ${data.issuer.name}`, 'Ketua Bawaslu Republik Indonesia', 'Arsip']);
  void ctx;
}

// ---- Review result (hasil kajian)

function drawReviewResult(doc: Doc, fonts: { regular: string; bold: string }, data: LetterData, reviewedOn: string | null) {
  const { found, issuer, today, reports } = data;
  const state = isCaseState(found.state) ? CASE_STATE_LABELS[found.state].id : found.state;
  const proven = PROVEN_STATES.has(found.state) || (found.state === 'closed' && found.sanction !== null);
  letterhead(doc, fonts, issuer);
  doc.font(fonts.bold).fontSize(12).text('HASIL KAJIAN', { align: 'center' });
  doc.font(fonts.regular).fontSize(11).text(`Dugaan Pelanggaran Netralitas ASN, Perkara Nomor ${found.number}`, { align: 'center' });
  doc.moveDown(1);
  labelledLines(doc, fonts, [
    ['Pemilihan', found.electionName],
    ['Diterima', indonesianDate(found.receivedOn)],
    ['Laporan/temuan', reports.map((r) => `${r.receiptNumber} (${r.source === 'finding' ? 'temuan' : 'laporan'})`).join(', ') || '-'],
    ['Tanggal kajian', indonesianDate(reviewedOn ?? today)],
  ], { labelWidth: 110 });
  doc.moveDown(0.5);
  doc.font(fonts.bold).text('I. Terlapor', doc.page.margins.left);
  doc.font(fonts.regular);
  drawPeople(doc, fonts, data);
  drawFacts(doc, fonts, data, 'II. Uraian fakta');
  doc.font(fonts.bold).text('III. Kajian', doc.page.margins.left);
  doc.font(fonts.regular);
  paragraph(
    doc,
    `Fakta di atas dikaji terhadap larangan bagi ASN dalam SKB tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN dalam Penyelenggaraan Pemilu dan Pemilihan serta ketentuan dalam UU 20/2023 tentang ASN, PP 94/2021 tentang Disiplin PNS dan PP 42/2004 tentang Pembinaan Jiwa Korps dan Kode Etik PNS. Perbuatan yang dinilai:`,
  );
  numbered(doc, actLines(data), 24);
  if (found.otherClass) paragraph(doc, `Klasifikasi lain: ${found.otherClass}.`);
  doc.font(fonts.bold).text('IV. Kesimpulan', doc.page.margins.left);
  doc.font(fonts.regular);
  paragraph(
    doc,
    proven
      ? `Terlapor terbukti melakukan pelanggaran netralitas ASN. Status perkara: ${state}.`
      : `Perbuatan yang dilaporkan tidak dapat dinyatakan sebagai pelanggaran netralitas ASN. Status perkara: ${state}.`,
  );
  doc.font(fonts.bold).text('V. Rekomendasi', doc.page.margins.left);
  doc.font(fonts.regular);
  paragraph(
    doc,
    proven
      ? `Meneruskan rekomendasi kepada Badan Kepegawaian Negara untuk diverifikasi dan disampaikan kepada Pejabat Pembina Kepegawaian guna penjatuhan sanksi.`
      : 'Perkara tidak ditindaklanjuti sebagai pelanggaran netralitas ASN; pelapor diberi tahu status laporannya.',
  );
  dateLine(doc, issuer.place, reviewedOn ?? today);
  signatureBlock(doc, fonts, `Ketua ${issuer.name}`);
}

// ---- Notice of report status to the reporter

function drawStatusNotice(doc: Doc, fonts: { regular: string; bold: string }, data: LetterData, report: NonNullable<Awaited<ReturnType<typeof repo.reportForNotice>>>) {
  const { found, issuer, today } = data;
  const state = isCaseState(found.state) ? CASE_STATE_LABELS[found.state].id : found.state;
  letterhead(doc, fonts, issuer);
  dateLine(doc, issuer.place, today);
  labelledLines(doc, fonts, [
    ['Nomor', DOTTED_NUMBER],
    ['Sifat', 'Biasa'],
    ['Lampiran', '-'],
    ['Hal', 'Pemberitahuan Status Laporan'],
  ]);
  addressee(doc, fonts, `Pelapor dengan tanda terima ${report.receiptNumber}`, 'tempat');
  paragraph(doc, 'Dengan hormat,');
  paragraph(
    doc,
    `Berdasarkan Peraturan Bawaslu tentang Penanganan Pelanggaran, bersama ini ${issuer.name} memberitahukan status laporan Saudara dengan tanda terima ${report.receiptNumber} yang diterima pada ${indonesianDate(report.receivedOn)} mengenai dugaan pelanggaran netralitas ASN oleh ${report.reportedName} dalam ${found.electionName}, sebagai berikut:`,
  );
  labelledLines(doc, fonts, [
    ['Nomor perkara', found.number],
    ['Status per tanggal', indonesianDate(today)],
    ['Status laporan', state],
  ], { indent: 24, labelWidth: 120 });
  doc.moveDown(0.5);
  paragraph(
    doc,
    PROVEN_STATES.has(found.state) || found.sanction
      ? 'Laporan Saudara telah dikaji dan dinyatakan sebagai pelanggaran netralitas ASN; rekomendasi diteruskan kepada Badan Kepegawaian Negara dan Pejabat Pembina Kepegawaian untuk penjatuhan sanksi.'
      : 'Perkembangan penanganan dapat diikuti melalui halaman lacak laporan Netra dengan nomor tanda terima dan kode rahasia Saudara.',
  );
  paragraph(doc, 'Identitas pelapor dirahasiakan dan tidak dicantumkan dalam surat ini. Demikian pemberitahuan ini disampaikan, atas perhatian Saudara diucapkan terima kasih.');
  signatureBlock(doc, fonts, `Ketua ${issuer.name}`);
}

/** Render one letter of a case (checked as due at its step for the caller). */
export async function renderLetter(ctx: AppContext, rc: RequestContext, caseId: string, kind: LetterKind, reportId?: string): Promise<{ pdf: Buffer; fileName: string; caseId: string; reportId: string | null }> {
  const data = await letterData(ctx, rc, caseId);
  assertDue(kind, data, rc.actor.role);
  const { found } = data;
  const title = `${LETTER_LABELS[kind].id} ${found.number}`;
  switch (kind) {
    case 'recommendation-bkn':
    case 'recommendation-ppk': {
      const number = await repo.letterNumberOf(ctx.db, found.id, 'forward_to_bkn');
      const pdf = await renderPdf({ title, subject: 'Rekomendasi pelanggaran netralitas ASN' }, (doc, fonts) => drawRecommendation(doc, fonts, data, kind === 'recommendation-bkn' ? 'bkn' : 'ppk', number));
      return { pdf, fileName: `rekomendasi-${kind === 'recommendation-bkn' ? 'bkn' : 'ppk'}-${found.number}.pdf`, caseId: found.id, reportId: null };
    }
    case 'bkn-recommendation': {
      const [bawaslu, bkn] = await Promise.all([repo.letterNumberOf(ctx.db, found.id, 'forward_to_bkn'), repo.letterNumberOf(ctx.db, found.id, 'recommend_to_ppk')]);
      const pdf = await renderPdf({ title, subject: 'Rekomendasi BKN kepada PPK' }, (doc, fonts) => void drawBknRecommendation(ctx, doc, fonts, data, { bawaslu, bkn }));
      return { pdf, fileName: `rekomendasi-bkn-ke-ppk-${found.number}.pdf`, caseId: found.id, reportId: null };
    }
    case 'review-result': {
      const at = await repo.transitionDateOf(ctx.db, found.id, ['classify_violation', 'classify_not_violation', 'classify_other']);
      const reviewedOn = at ? dateInTimeZone(at, timeZoneOfRegion(data.caseRegion)) : null;
      const pdf = await renderPdf({ title, subject: 'Hasil kajian dugaan pelanggaran netralitas ASN' }, (doc, fonts) => drawReviewResult(doc, fonts, data, reviewedOn));
      return { pdf, fileName: `hasil-kajian-${found.number}.pdf`, caseId: found.id, reportId: null };
    }
    case 'status-notice': {
      const chosen = reportId ?? data.reports.find((r) => r.source !== 'finding')?.id;
      const report = chosen ? await repo.reportForNotice(ctx.db, found.id, chosen) : undefined;
      if (!report || report.source === 'finding') {
        const message = { id: 'Pilih laporan dari pelapor pada perkara ini (temuan Bawaslu tidak memiliki pelapor).', en: 'Choose a report by a reporter on this case (a Bawaslu finding has no reporter).' };
        throw new ApiError(422, 'validation_failed', message, [{ field: 'query.report', message }]);
      }
      const pdf = await renderPdf({ title, subject: 'Pemberitahuan status laporan' }, (doc, fonts) => drawStatusNotice(doc, fonts, data, report));
      return { pdf, fileName: `pemberitahuan-status-${report.receiptNumber}.pdf`, caseId: found.id, reportId: report.id };
    }
  }
}

/** Which letters are due at the case's step, for the caller. */
export async function lettersOf(ctx: AppContext, rc: RequestContext, caseId: string) {
  const found = await repo.caseForLetter(ctx.db, rc.actor, caseId);
  if (!found) throw notFound({ id: 'Perkara', en: 'Case' });
  const reports = await repo.reportsOfCase(ctx.db, found.id);
  return {
    found,
    letters: LETTER_KINDS.map((kind) => {
      const reason = letterNotDue(kind, found, rc.actor.role);
      return { kind, label: LETTER_LABELS[kind][rc.language], due: reason === null, reason: reason ? reason[rc.language] : null };
    }),
    reporterReports: reports.filter((r) => r.source !== 'finding').map((r) => ({ id: r.id, receiptNumber: r.receiptNumber })),
  };
}
