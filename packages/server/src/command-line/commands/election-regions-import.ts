import fs from 'node:fs/promises';
import path from 'node:path';
import type { Localised } from '@netra/core';
import { importParticipatingRegions, type RegionImportRow } from '../../capabilities/elections/import-regions.ts';
import { ApiError } from '../../http/errors.ts';
import { EXIT, type Command } from '../command.ts';

const STATUS_LABEL: Record<RegionImportRow['status'], Localised> = {
  accepted: { id: 'diterima', en: 'accepted' },
  duplicate: { id: 'duplikat', en: 'duplicate' },
  rejected: { id: 'ditolak', en: 'rejected' },
};

function rowDetail(row: RegionImportRow): Localised {
  return row.status === 'accepted' ? { id: row.region.name, en: row.region.name } : row.reason;
}

async function readCsv(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? { id: 'tidak ditemukan', en: 'not found' } : { id: String(error), en: String(error) };
    throw new ApiError(400, 'unreadable_file', { id: `Berkas ${file} ${reason.id}.`, en: `File ${file} ${reason.en}.` });
  }
}

export const electionRegionsImportCommand: Command = {
  words: ['election', 'regions', 'import'],
  summary: {
    id: 'Impor wilayah peserta pemilihan dari berkas CSV.',
    en: "Import an election's participating regions from a CSV file.",
  },
  description: {
    id:
      'Berkas CSV (koma atau titik koma) dengan kolom kode_wilayah (atau code) berisi kode Kemendagri provinsi (PP) ' +
      'atau kabupaten/kota (PP.KK); kolom lain diabaikan. Setiap baris dilaporkan: diterima, duplikat, atau ditolak ' +
      'beserta alasannya. Baris yang diterima disimpan walau ada yang ditolak; perbaiki lalu impor ulang.',
    en:
      'A CSV file (comma or semicolon) with a kode_wilayah (or code) column holding Kemendagri province (PP) or ' +
      'regency/city (PP.KK) codes; other columns are ignored. Every row is reported: accepted, duplicate, or rejected ' +
      'with its reason. Accepted rows are saved even when others are rejected; fix the file and import it again.',
  },
  arguments: [
    { name: 'electionId', description: { id: 'Misalnya pilkada-2020.', en: 'For example pilkada-2020.' } },
    { name: 'file.csv', description: { id: 'Daftar kode wilayah.', en: 'The list of region codes.' } },
  ],
  options: {
    'dry-run': {
      type: 'boolean',
      description: { id: 'Periksa dan laporkan saja, tanpa menyimpan.', en: 'Check and report only; save nothing.' },
    },
  },
  async run({ db, args: [electionId, file], options, language, print }) {
    const csv = await readCsv(file);
    const report = await importParticipatingRegions(db, electionId, csv, { dryRun: options['dry-run'] === true });

    print(
      language === 'id'
        ? `${report.election.name.id}: impor dari ${path.basename(file)}`
        : `${report.election.name.en}: import from ${path.basename(file)}`,
    );
    const lineWidth = String(Math.max(0, ...report.rows.map((r) => r.line))).length;
    const valueWidth = Math.max(0, ...report.rows.map((r) => r.value.length));
    const lineWord = language === 'id' ? 'baris' : 'line';
    for (const row of report.rows) {
      const status = STATUS_LABEL[row.status][language].padEnd(9);
      print(`  ${lineWord} ${String(row.line).padStart(lineWidth)}  ${row.value.padEnd(valueWidth)}  ${status} ${rowDetail(row)[language]}`);
    }

    const count = (status: RegionImportRow['status']) => report.rows.filter((r) => r.status === status).length;
    const [accepted, duplicates, rejected] = [count('accepted'), count('duplicate'), count('rejected')];
    const blank = report.blankLines.length > 0 ? report.blankLines.join(', ') : null;
    if (language === 'id') {
      print(`Ringkasan: ${accepted} diterima, ${duplicates} duplikat, ${rejected} ditolak${blank ? `, baris kosong dilewati: ${blank}` : ''}.`);
      print(report.dryRun ? 'Uji coba: tidak ada yang disimpan.' : `${report.inserted} wilayah ditambahkan ke ${report.election.id}.`);
    } else {
      print(`Summary: ${accepted} accepted, ${duplicates} duplicate, ${rejected} rejected${blank ? `, blank lines skipped: ${blank}` : ''}.`);
      print(report.dryRun ? 'Dry run: nothing saved.' : `${report.inserted} region(s) added to ${report.election.id}.`);
    }
    // Rejected rows make the run fail, so a script notices; the accepted ones are already saved.
    return rejected > 0 ? EXIT.failed : EXIT.ok;
  },
};
