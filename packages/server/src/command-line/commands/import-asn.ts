import fs from 'node:fs';
import path from 'node:path';
import { isRegionCode, type Localised } from '@netra/core';
import { createAsnImport, runAsnImport, type AsnImportResult, type ImportFormat, type ImportProgress } from '../../capabilities/register/importer.ts';
import { rejectedFileName } from '../../capabilities/register/rejected-file.ts';
import { rejectedRowsOfImport } from '../../capabilities/register/service.ts';
import { ApiError } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../db/database.ts';
import { EXIT, type Command } from '../command.ts';

const PHASE: Record<ImportProgress['phase'], Localised> = {
  reading: { id: 'membaca', en: 'reading' },
  merging: { id: 'menggabungkan', en: 'merging' },
  indexing: { id: 'indeks nama', en: 'name index' },
};

const duration = (seconds: number) => {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** "[#####-----] 48% 1.234.567 baris 245.000 baris/d ETA 0:19": rows/s, and ETA from the bytes read. */
export function progressBar(p: ImportProgress, elapsedSeconds: number, language: Language): string {
  const fraction = p.bytesTotal > 0 ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
  const width = 24;
  const filled = Math.round(fraction * width);
  const rate = elapsedSeconds > 0 ? p.rows / elapsedSeconds : 0;
  const eta = fraction > 0 ? (elapsedSeconds / fraction) * (1 - fraction) : Number.POSITIVE_INFINITY;
  const locale = language === 'id' ? 'id-ID' : 'en-US';
  const rows = p.rows.toLocaleString(locale);
  const perSecond = Math.round(rate).toLocaleString(locale);
  const words = language === 'id' ? { rows: 'baris', rate: 'baris/d' } : { rows: 'rows', rate: 'rows/s' };
  const tail = p.phase === 'reading' ? `ETA ${duration(eta)}` : `${PHASE[p.phase][language]} …`;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${rows} ${words.rows} ${perSecond} ${words.rate} ${tail}`;
}

export function summaryLines(result: Extract<AsnImportResult, { status: 'done' }>, language: Language): string[] {
  return language === 'id'
    ? [`Ringkasan: ${result.rows} baris dibaca; ${result.inserted} ditambahkan, ${result.updated} diperbarui, ${result.unchanged} tidak berubah, ${result.rejected} ditolak.`]
    : [`Summary: ${result.rows} rows read; ${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected} rejected.`];
}

export async function writeRejectedBeside(db: Db, importId: string, file: string, format: 'csv' | 'xlsx', language: Language, target?: string): Promise<string> {
  const out = target ?? path.join(path.dirname(file), rejectedFileName(path.basename(file), format));
  await pipeline(await rejectedRowsOfImport(db, importId, language), fs.createWriteStream(out));
  return out;
}

export const importAsnCommand: Command = {
  words: ['import', 'asn'],
  summary: { id: 'Impor register ASN dari berkas CSV atau XLSX.', en: 'Import the ASN register from a CSV or XLSX file.' },
  description: {
    id:
      'Kolom berkas: lihat README (Register ASN) atau unduh templat di konsol. Setiap baris diperiksa (NIP, kolom wajib, instansi terdaftar, ' +
      'wilayah, duplikat); baris yang ditolak ditulis ke BERKAS-ditolak.csv dengan kolom alasan_penolakan, untuk diperbaiki lalu diimpor ulang. ' +
      'Impor ulang berkas yang sama tidak mengubah apa pun; impor yang gagal di tengah jalan dibatalkan seluruhnya.',
    en:
      'File columns: see the README (ASN register) or download the template in the console. Every row is checked (NIP, required columns, ' +
      'registered agency, region, duplicates); rejected rows are written to FILE-ditolak.csv with an alasan_penolakan column, to fix and import ' +
      'again. Importing the same file again changes nothing; an import that fails half way is rolled back entirely.',
  },
  arguments: [{ name: 'FILE', description: { id: 'Berkas .csv atau .xlsx.', en: 'A .csv or .xlsx file.' } }],
  options: {
    region: {
      type: 'string',
      valueName: 'PP.KK',
      description: {
        id: 'Batasi impor ke wilayah ini (seperti petugas BKPSDM-nya); untuk kabupaten/kota juga menjadi kode_wilayah baris yang kosong.',
        en: "Limit the import to this region (as its BKPSDM officer would be); for a regency/city it also fills empty kode_wilayah cells.",
      },
    },
    rejected: { type: 'string', valueName: 'PATH', description: { id: 'Tulis baris yang ditolak ke sini.', en: 'Write the rejected rows here.' } },
  },
  async run({ db, args: [file], options, language, print, progress }) {
    if (!fs.existsSync(file)) throw new ApiError(400, 'unreadable_file', { id: `Berkas ${file} tidak ditemukan.`, en: `File ${file} not found.` });
    const extension = path.extname(file).toLowerCase();
    const format: ImportFormat | null = extension === '.xlsx' ? 'xlsx' : extension === '.csv' || extension === '.txt' ? 'csv' : null;
    if (!format) throw new ApiError(400, 'file_type', { id: 'Berkas harus .csv atau .xlsx.', en: 'The file must be .csv or .xlsx.' });
    const region = typeof options.region === 'string' ? options.region : undefined;
    if (region !== undefined && !isRegionCode(region)) {
      throw new ApiError(400, 'bad_region', { id: `--region ${region} bukan kode Kemendagri.`, en: `--region ${region} is not a Kemendagri code.` });
    }
    const request = {
      source: 'cli' as const,
      filePath: path.resolve(file),
      fileName: path.basename(file),
      format,
      actor: { userId: null, scope: region ? { kind: 'region' as const, regionCode: region } : { kind: 'national' as const } },
      defaultRegionCode: region && /^\d{2}\.\d{2}$/.test(region) ? region : null,
    };
    const id = await createAsnImport(db, request);
    const started = performance.now();
    const tty = process.stderr.isTTY === true;
    let lastLine = 0;
    const result = await runAsnImport(db, id, request, {
      now: new Date(),
      onProgress: (p) => {
        const elapsed = (performance.now() - started) / 1000;
        const bar = progressBar(p, elapsed, language);
        if (tty) process.stderr.write(`\r${bar}\u001b[K`);
        else if (performance.now() - lastLine > 2000 || p.phase !== 'reading') {
          lastLine = performance.now();
          progress(bar);
        }
      },
    });
    if (tty) process.stderr.write('\n');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.status === 'failed') throw new ApiError(400, result.error.code, { id: result.error.id, en: result.error.en });
    for (const line of summaryLines(result, language)) print(line);
    print(language === 'id' ? `Selesai dalam ${seconds} detik (impor ${id}).` : `Done in ${seconds} s (import ${id}).`);
    if (result.rejected > 0) {
      const out = await writeRejectedBeside(db, id, file, format, language, typeof options.rejected === 'string' ? options.rejected : undefined);
      print(language === 'id' ? `Baris yang ditolak: ${out}` : `Rejected rows: ${out}`);
      // Rejected rows make the run fail, so a script notices; the accepted ones are already saved.
      return EXIT.failed;
    }
    return EXIT.ok;
  },
};
