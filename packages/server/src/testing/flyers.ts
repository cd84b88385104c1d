/**
 * Generated pictures for OCR tests and the OCR benchmark (bench/ocr): campaign flyers (a call to
 * vote, the ballot number, the pair's names, a slogan, a hashtag) drawn as SVG text on coloured
 * or gradient backgrounds with some noise, and neutral pictures (notices, menus, schedules). All
 * seeded: the same seed draws the same picture. Every name is invented.
 */
import sharp from 'sharp';
import { createRng } from '@netra/core';

export type Random = () => number;

/** The core's seeded PRNG (mulberry32) as a plain function: the same seed draws the same data. */
export const seededRandom = (seed: number): Random => createRng(seed).next;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Background and text colours that campaign material uses, each pair readable. */
const PALETTES: ReadonlyArray<{ from: string; to: string; text: string; accent: string }> = [
  { from: '#c8102e', to: '#f7b500', text: '#ffffff', accent: '#1a1a1a' },
  { from: '#003f87', to: '#0a8fd6', text: '#ffffff', accent: '#ffd400' },
  { from: '#0b6e3c', to: '#37b36b', text: '#ffffff', accent: '#fff3b0' },
  { from: '#fff4d6', to: '#ffd166', text: '#1b1b1b', accent: '#b00020' },
  { from: '#4a148c', to: '#8e24aa', text: '#ffffff', accent: '#ffe082' },
  { from: '#f5f5f5', to: '#d9d9d9', text: '#0d47a1', accent: '#c62828' },
];
const FONTS = ['DejaVu Sans', 'DejaVu Serif', 'Liberation Sans', 'Noto Sans'];

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export interface FlyerSpec {
  /** The pair as people call them ("MAS BAYU - NING LAILA"). */
  names: string;
  ballotNumber: number;
  slogan: string;
  hashtag?: string;
  /** The call to vote ("COBLOS NOMOR 1"); default from the number. */
  call?: string;
}

/** Speckles and a few faint strokes over the picture: the noise of a photographed or re-shared flyer. */
function noise(random: Random, width: number, height: number, amount: number): string {
  const marks: string[] = [];
  for (let i = 0; i < amount; i++) {
    const x = (random() * width).toFixed(1);
    const y = (random() * height).toFixed(1);
    const colour = random() < 0.5 ? '#000' : '#fff';
    marks.push(`<circle cx="${x}" cy="${y}" r="${(0.6 + random() * 1.6).toFixed(1)}" fill="${colour}" fill-opacity="${(0.15 + random() * 0.35).toFixed(2)}"/>`);
  }
  for (let i = 0; i < 6; i++) {
    marks.push(`<line x1="${random() * width}" y1="${random() * height}" x2="${random() * width}" y2="${random() * height}" stroke="#fff" stroke-opacity="0.12" stroke-width="${1 + random() * 3}"/>`);
  }
  return marks.join('');
}

function lines(random: Random, width: number, height: number, rows: ReadonlyArray<{ text: string; size: number; bold?: boolean; accent?: boolean }>, palette: (typeof PALETTES)[number]): string {
  const font = pick(random, FONTS);
  const gap = height / (rows.length + 1);
  return rows
    .map((row, i) => {
      const y = Math.round(gap * (i + 1) + row.size / 3 + (random() - 0.5) * gap * 0.2);
      const fill = row.accent ? palette.accent : palette.text;
      return `<text x="${width / 2}" y="${y}" font-family="${font}" font-size="${row.size}" ${row.bold ? 'font-weight="bold"' : ''} fill="${fill}" text-anchor="middle">${escapeXml(row.text)}</text>`;
    })
    .join('');
}

function svgOf(random: Random, width: number, height: number, body: string, palette: (typeof PALETTES)[number]): string {
  const angle = random() < 0.5 ? 'x2="1" y2="1"' : 'x2="0" y2="1"';
  const background = random() < 0.75 ? 'url(#g)' : palette.from;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" ${angle}><stop offset="0" stop-color="${palette.from}"/><stop offset="1" stop-color="${palette.to}"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="${background}"/>${body}${noise(random, width, height, Math.round((width * height) / 2500))}</svg>`;
}

/** A campaign flyer as a PNG (or JPEG when `jpeg`, as re-shared pictures usually are). */
export async function flyerImage(spec: FlyerSpec, seed: number, options: { jpeg?: boolean } = {}): Promise<Buffer> {
  const random = seededRandom(seed);
  const width = 800 + Math.floor(random() * 400);
  const height = Math.round(width * (0.62 + random() * 0.5));
  const palette = pick(random, PALETTES);
  const size = Math.round(width / 16);
  const rows = [
    { text: spec.call ?? `COBLOS NOMOR ${spec.ballotNumber}`, size: Math.round(size * 1.1), bold: true, accent: true },
    { text: spec.names, size, bold: true },
    { text: spec.slogan, size: Math.round(size * 0.8) },
    ...(spec.hashtag ? [{ text: spec.hashtag, size: Math.round(size * 0.7), accent: true }] : []),
  ];
  const svg = svgOf(random, width, height, lines(random, width, height, rows, palette), palette);
  const image = sharp(Buffer.from(svg));
  return options.jpeg ? image.jpeg({ quality: 80 }).toBuffer() : image.png().toBuffer();
}

const NEUTRAL: ReadonlyArray<readonly string[]> = [
  ['JADWAL POSYANDU BALITA', 'Senin, 9 Desember 2024', 'Balai Desa Kemiren', 'Bawa buku KIA'],
  ['MENU HARI INI', 'Nasi Pecel 12.000', 'Soto Ayam 15.000', 'Es Teh 4.000'],
  ['KERJA BAKTI', 'Minggu pagi jam 07.00', 'Bersihkan selokan RT 03', 'Bawa cangkul dan sapu'],
  ['PENGUMUMAN', 'Kantor tutup tanggal 25 Desember', 'Pelayanan buka kembali 26 Desember', 'Terima kasih'],
  ['SELAMAT ULANG TAHUN', 'Ibu Sri Wahyuni', 'Semoga sehat selalu', 'Dari keluarga besar'],
  ['LOMBA MEWARNAI', 'Untuk anak TK dan SD', 'Sabtu 14 Desember', 'Gratis, hadiah menarik'],
];

/** A picture with everyday text and no candidate: a notice, a menu, a greeting. */
export async function neutralImage(seed: number, options: { jpeg?: boolean } = {}): Promise<Buffer> {
  const random = seededRandom(seed);
  const width = 800 + Math.floor(random() * 400);
  const height = Math.round(width * (0.62 + random() * 0.5));
  const palette = pick(random, PALETTES);
  const size = Math.round(width / 17);
  const text = NEUTRAL[Math.floor(random() * NEUTRAL.length)];
  const rows = text.map((t, i) => ({ text: t, size: i === 0 ? Math.round(size * 1.1) : Math.round(size * 0.8), bold: i === 0, accent: i === 0 }));
  const svg = svgOf(random, width, height, lines(random, width, height, rows, palette), palette);
  const image = sharp(Buffer.from(svg));
  return options.jpeg ? image.jpeg({ quality: 80 }).toBuffer() : image.png().toBuffer();
}
