/**
 * Test helpers for the reports capability: real multipart bodies (built by the platform's own
 * FormData, as a browser would), real files (a JPEG with EXIF, a PDF), and a fictional report.
 * Every person and place named here is invented.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import type { StaffClient } from './staff.ts';
import type { TestApp } from './test-database.ts';

export interface TestFile {
  name: string;
  data: Buffer;
  /** What the "browser" claims; the server must not believe it. */
  type?: string;
}

export async function multipartBody(fields: Record<string, string | string[] | undefined>, files: TestFile[] = []) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const item of [value].flat()) form.append(name, item);
  }
  for (const file of files) form.append('evidence', new Blob([new Uint8Array(file.data)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const encoded = new Response(form);
  return { payload: Buffer.from(await encoded.arrayBuffer()), headers: { 'content-type': encoded.headers.get('content-type')! } };
}

/** A small photo carrying EXIF that must never leave the case. */
export function jpegWithExif(colour = '#c0392b'): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: colour } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Copyright: 'Fictional', Artist: 'Pelapor' } } })
    .toBuffer();
}

export function pngScreenshot(): Promise<Buffer> {
  return sharp({ create: { width: 200, height: 400, channels: 4, background: '#ffffff' } }).png().toBuffer();
}

export function samplePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A6' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Tangkapan layar unggahan (fiktif)');
  doc.end();
  return done;
}

export async function hasExif(image: Buffer): Promise<boolean> {
  return Boolean((await sharp(image).metadata()).exif);
}

/**
 * The official form's particulars of a fictional named reporter (Perbawaslu 8/2020 jo. 9/2024),
 * which a named public report must carry.
 */
export const REPORTER_PARTICULARS: Readonly<Record<string, string>> = {
  reporterAddress: 'Jl. Melati 12, Desa Sukamaju (fiktif)',
  reporterBirthPlace: 'Banyuwangi',
  reporterBirthDate: '1988-03-14',
  reporterGender: 'P',
  reporterOccupation: 'Pedagang',
  reporterNationality: 'Indonesia',
};

/**
 * A complete, timely report about a fictional civil servant in Kabupaten Banyuwangi; anonymous
 * unless `anonymous: 'false'` is given, which brings the reporter's particulars along.
 */
export function fictionalReport(overrides: Record<string, string | string[] | undefined> = {}): Record<string, string | string[] | undefined> {
  return {
    ...(overrides.anonymous === 'false' ? REPORTER_PARTICULARS : {}),
    electionId: 'pilkada-2024',
    regionCode: '35.10',
    place: 'Balai Desa Sukamaju, Kecamatan Fiktif',
    occurredOn: '2024-09-28',
    knownOn: '2024-09-29',
    description: 'Seorang guru SD Negeri 2 Sukamaju mengunggah foto bersama pasangan calon nomor urut 2 sambil mengacungkan dua jari.',
    actCodes: ['A07', 'A02'],
    reportedName: 'Drs. Bambang Sutejo Fiktif, M.Pd.',
    reportedAgency: 'Dinas Pendidikan',
    reportedPosition: 'Guru Ahli Muda',
    anonymous: 'true',
    ...overrides,
  };
}

let address = 0;
/** A fresh network address, so tests do not share the per-address submission limit. */
export const freshAddress = () => `10.0.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

export async function submitReport(
  t: TestApp,
  fields: Record<string, string | string[] | undefined>,
  files: TestFile[] = [],
  options: { ip?: string; headers?: Record<string, string>; query?: string } = {},
): Promise<LightMyRequestResponse> {
  const body = await multipartBody(fields, files);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/reports${options.query ?? ''}`,
    payload: body.payload,
    headers: { ...body.headers, 'x-forwarded-for': options.ip ?? freshAddress(), ...options.headers },
  });
}

export async function staffSubmit(staff: StaffClient, url: string, fields: Record<string, string | string[] | undefined>, files: TestFile[] = [], extra: Partial<InjectOptions> = {}) {
  const body = await multipartBody(fields, files);
  return staff.request({ method: 'POST', url, payload: body.payload, ...extra, headers: { ...body.headers, ...(extra.headers ?? {}) } });
}
