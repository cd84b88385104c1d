/**
 * The layout of an Indonesian official letter (tata naskah dinas) with pdfkit: the letterhead
 * (kop surat) of the issuing Bawaslu, the Nomor/Sifat/Lampiran/Hal block, the place and date with
 * Indonesian month names, the addressee, the body and the signature block.
 *
 * Fonts: Noto Sans (Debian's fonts-noto-core, installed by .ci/run) is embedded so every
 * character of Indonesian names and addresses renders and can be copied back out; without it,
 * DejaVu Sans, and as a last resort the PDF built-in Helvetica.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { pdfBytes } from '../../pdf/output.ts';

const FONT_CANDIDATES: ReadonlyArray<{ regular: string; bold: string }> = [
  { regular: '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', bold: '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf' },
  { regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' },
];

export function letterFonts(): { regular: string; bold: string; embedded: boolean } {
  const found = FONT_CANDIDATES.find((f) => fs.existsSync(f.regular) && fs.existsSync(f.bold));
  return found ? { ...found, embedded: true } : { regular: 'Helvetica', bold: 'Helvetica-Bold', embedded: false };
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** 2024-10-01 → "1 Oktober 2024". */
export function indonesianDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${MONTHS_ID[m - 1]} ${y}`;
}

export type Doc = PDFKit.PDFDocument;

export const PAGE = { left: 70, right: 56, top: 50, bottom: 56 };

export interface Issuer {
  /** The body in capitals on the letterhead; default Bawaslu's. */
  body?: string;
  /** "KABUPATEN BANYUWANGI", "PROVINSI JAWA TIMUR" or "REPUBLIK INDONESIA". */
  levelLine: string;
  /** "Bawaslu Kabupaten Banyuwangi", for the signature and the body. */
  name: string;
  /** "Banyuwangi": where the letter is signed. */
  place: string;
}

/** Build a PDF in memory (letters are a few pages). */
export function renderPdf(info: { title: string; subject: string }, draw: (doc: Doc, fonts: { regular: string; bold: string }) => void): Promise<Buffer> {
  const fonts = letterFonts();
  const doc = new PDFDocument({ size: 'A4', margins: PAGE, info: { Title: info.title, Subject: info.subject, Author: 'Netra', Creator: 'Netra' }, lang: 'id-ID', bufferPages: true });
  if (fonts.embedded) {
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold);
  }
  const names = fonts.embedded ? { regular: 'regular', bold: 'bold' } : fonts;
  const done = pdfBytes(doc);
  doc.font(names.regular).fontSize(11);
  draw(doc, names);
  // Page numbers once the length is known ("Halaman 1 dari 2"), in the bottom margin: with the
  // margin lifted for the moment, or pdfkit would start a new page for text below it.
  const range = doc.bufferedPageRange();
  if (range.count > 1) {
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.page.margins.bottom = 0;
      doc.font(names.regular).fontSize(8).text(`Halaman ${i + 1} dari ${range.count}`, PAGE.left, doc.page.height - 36, { width: contentWidth(doc), align: 'center', lineBreak: false });
      doc.page.margins.bottom = PAGE.bottom;
    }
  }
  doc.end();
  return done;
}

export const contentWidth = (doc: Doc) => doc.page.width - PAGE.left - PAGE.right;

/** Start a new page unless `height` points still fit above the bottom margin. */
function keepTogether(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - PAGE.bottom) doc.addPage();
}

/** The letterhead: the body's name in capitals and a double rule under it. */
export function letterhead(doc: Doc, fonts: { regular: string; bold: string }, issuer: Issuer) {
  const width = contentWidth(doc);
  doc.font(fonts.bold).fontSize(14).text(issuer.body ?? 'BADAN PENGAWAS PEMILIHAN UMUM', PAGE.left, PAGE.top, { width, align: 'center' });
  doc.font(fonts.bold).fontSize(13).text(issuer.levelLine, { width, align: 'center' });
  doc.font(fonts.regular).fontSize(8.5).text('Dokumen ini disusun dengan Netra dari data perkara; periksa sebelum ditandatangani.', { width, align: 'center' });
  const y = doc.y + 4;
  doc.moveTo(PAGE.left, y).lineTo(PAGE.left + width, y).lineWidth(2).stroke();
  doc.moveTo(PAGE.left, y + 3).lineTo(PAGE.left + width, y + 3).lineWidth(0.6).stroke();
  doc.x = PAGE.left;
  doc.y = y + 14;
  doc.font(fonts.regular).fontSize(11);
}

/** Label–colon–value lines (Nomor/Sifat/Lampiran/Hal, the identity of the person). */
export function labelledLines(doc: Doc, fonts: { regular: string; bold: string }, lines: ReadonlyArray<[string, string]>, options: { indent?: number; labelWidth?: number } = {}) {
  const indent = options.indent ?? 0;
  const labelWidth = options.labelWidth ?? 70;
  const left = PAGE.left + indent;
  const valueX = left + labelWidth + 12;
  const valueWidth = contentWidth(doc) - indent - labelWidth - 12;
  for (const [label, value] of lines) {
    keepTogether(doc, doc.font(fonts.regular).heightOfString(value, { width: valueWidth }));
    const y = doc.y;
    doc.font(fonts.regular).text(label, left, y, { width: labelWidth });
    doc.text(':', left + labelWidth, y, { width: 10 });
    doc.text(value, valueX, y, { width: valueWidth });
    doc.x = PAGE.left;
  }
}

/** A paragraph across the content width. */
export function paragraph(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}) {
  doc.text(text, PAGE.left, doc.y, { width: contentWidth(doc), align: 'justify', ...options });
  doc.moveDown(0.5);
}

/** Numbered items with a hanging indent. */
export function numbered(doc: Doc, items: readonly string[], indent = 0) {
  const width = contentWidth(doc) - indent - 18;
  items.forEach((item, i) => {
    // A long item may still break across pages, but never leaves its number behind.
    keepTogether(doc, Math.min(doc.heightOfString(item, { width, align: 'justify' }), 4 * doc.currentLineHeight(true)));
    const y = doc.y;
    doc.text(`${i + 1}.`, PAGE.left + indent, y, { width: 18 });
    doc.text(item, PAGE.left + indent + 18, y, { width, align: 'justify' });
  });
  doc.x = PAGE.left;
  doc.moveDown(0.5);
}

/** The signature block on the right: office, room to sign, a line for the name. */
export function signatureBlock(doc: Doc, fonts: { regular: string; bold: string }, office: string) {
  const width = 230;
  const x = PAGE.left + contentWidth(doc) - width;
  if (doc.y > doc.page.height - PAGE.bottom - 120) doc.addPage();
  doc.moveDown(1);
  doc.font(fonts.regular).text(`${office},`, x, doc.y, { width, align: 'center' });
  doc.moveDown(4);
  doc.text('(.......................................................)', x, doc.y, { width, align: 'center' });
  doc.x = PAGE.left;
  doc.moveDown(1);
}

/** A simple table: header row in bold, rules between rows, numbers right-aligned. */
export function table(doc: Doc, fonts: { regular: string; bold: string }, columns: ReadonlyArray<{ header: string; width: number; align?: 'left' | 'right' }>, rows: ReadonlyArray<ReadonlyArray<string>>) {
  const total = columns.reduce((n, c) => n + c.width, 0);
  const scale = contentWidth(doc) / total;
  const widths = columns.map((c) => c.width * scale);
  const drawRow = (cells: ReadonlyArray<string>, bold: boolean) => {
    doc.font(bold ? fonts.bold : fonts.regular).fontSize(9);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] - 6 }))) + 6;
    if (doc.y + height > doc.page.height - PAGE.bottom - 20) doc.addPage();
    const y = doc.y;
    let x = PAGE.left;
    cells.forEach((cell, i) => {
      doc.text(cell, x + 3, y + 3, { width: widths[i] - 6, align: columns[i].align ?? 'left' });
      x += widths[i];
    });
    doc.moveTo(PAGE.left, y + height).lineTo(PAGE.left + contentWidth(doc), y + height).lineWidth(bold ? 0.8 : 0.3).stroke();
    doc.x = PAGE.left;
    doc.y = y + height;
  };
  drawRow(columns.map((c) => c.header), true);
  for (const row of rows) drawRow(row, false);
  doc.font(fonts.regular).fontSize(11);
  doc.moveDown(0.8);
}
