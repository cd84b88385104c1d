/**
 * The receipt slip: an A6 PDF the reporter keeps (or prints) with the receipt number, the secret,
 * the case number, the date and where to follow the report. It is generated on request from a
 * POST carrying the secret, so the secret never appears in a URL, a server log or a cache.
 * pdfkit's built-in Helvetica covers the Latin alphabet Bahasa Indonesia is written in.
 */
import PDFDocument from 'pdfkit';
import { pdfBytes } from '../../pdf/output.ts';
import type { Language } from '../../http/language.ts';

export interface SlipContent {
  receiptNumber: string;
  secret: string;
  caseNumber: string;
  receivedAt: Date;
  trackUrl: string;
}

const TEXT = {
  id: {
    title: 'Tanda Terima Laporan',
    subtitle: 'Netra: pengawasan netralitas ASN',
    receipt: 'Nomor tanda terima',
    secret: 'Kode rahasia',
    caseNumber: 'Nomor perkara',
    received: 'Diterima',
    track: 'Pantau laporan Anda di',
    keep: 'Simpan slip ini di tempat aman. Siapa pun yang memegang nomor tanda terima dan kode rahasia dapat melihat status laporan dan menambahkan keterangan. Kode rahasia tidak dapat ditampilkan ulang.',
  },
  en: {
    title: 'Report receipt',
    subtitle: 'Netra: civil-servant neutrality supervision',
    receipt: 'Receipt number',
    secret: 'Secret',
    caseNumber: 'Case number',
    received: 'Received',
    track: 'Follow your report at',
    keep: 'Keep this slip somewhere safe. Anyone holding the receipt number and the secret can see the status of the report and add information. The secret cannot be shown again.',
  },
} as const;

export function renderSlip(content: SlipContent, language: Language): Promise<Buffer> {
  const t = TEXT[language];
  const doc = new PDFDocument({ size: 'A6', margin: 24, info: { Title: `${t.title} ${content.receiptNumber}`, Producer: 'Netra' } });
  const done = pdfBytes(doc);
  const received = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(content.receivedAt);
  const width = doc.page.width - 48;

  doc.font('Helvetica-Bold').fontSize(14).text(t.title, { width });
  doc.font('Helvetica').fontSize(8).fillColor('#555555').text(t.subtitle, { width }).moveDown(0.8);
  const field = (label: string, value: string, size = 12) => {
    doc.font('Helvetica').fontSize(8).fillColor('#555555').text(label, { width });
    doc.font('Courier-Bold').fontSize(size).fillColor('#000000').text(value, { width }).moveDown(0.5);
  };
  field(t.receipt, content.receiptNumber);
  field(t.secret, content.secret);
  field(t.caseNumber, content.caseNumber, 10);
  doc.font('Helvetica').fontSize(8).fillColor('#555555').text(t.received, { width });
  doc.font('Helvetica').fontSize(10).fillColor('#000000').text(`${received} WIB`, { width }).moveDown(0.5);
  doc.font('Helvetica').fontSize(8).fillColor('#555555').text(t.track, { width });
  doc.font('Helvetica-Bold').fontSize(10).fillColor('#0b5d6b').text(content.trackUrl, { width, link: content.trackUrl }).moveDown(0.8);
  doc.font('Helvetica').fontSize(7.5).fillColor('#333333').text(t.keep, { width });
  doc.end();
  return done;
}
