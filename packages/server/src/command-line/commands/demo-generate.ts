import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dateInTimeZone } from '@netra/core';
import { ensureRegionalGovernments, writeGeneratedRegister } from '../../capabilities/register/demo-register.repository.ts';
import { createAsnImport, runAsnImport } from '../../capabilities/register/importer.ts';
import { ApiError } from '../../http/errors.ts';
import { EXIT, type Command } from '../command.ts';
import { progressBar, summaryLines } from './import-asn.ts';

export const demoGenerateCommand: Command = {
  words: ['demo', 'generate'],
  summary: {
    id: 'Buat data ASN fiktif berskala nasional dan impor lewat importer Netra (atau tulis ke CSV).',
    en: "Generate fictional national-scale ASN data and import it through Netra's importer (or write it to CSV).",
  },
  description: {
    id: 'Membuat instansi pemerintah daerah untuk setiap provinsi dan kabupaten/kota, lalu ASN fiktif (nama buatan) yang tersebar di seluruhnya. Deterministik untuk --seed yang sama.',
    en: 'Creates a regional-government agency for every province and regency/city, then fictional civil servants (generated names) across them. Deterministic for the same --seed.',
  },
  arguments: [],
  options: {
    asn: { type: 'string', valueName: 'N', description: { id: 'Jumlah ASN (bawaan 100000).', en: 'Number of civil servants (default 100000).' } },
    out: { type: 'string', valueName: 'FILE.csv', description: { id: 'Tulis CSV saja, tanpa impor.', en: 'Only write the CSV, do not import.' } },
    seed: { type: 'string', valueName: 'N', description: { id: 'Benih acak (bawaan 2024).', en: 'Random seed (default 2024).' } },
  },
  async run({ db, options, language, print, progress }) {
    const count = Number(options.asn ?? 100_000);
    const seed = Number(options.seed ?? 2024);
    if (!Number.isInteger(count) || count < 1) throw new ApiError(400, 'bad_count', { id: '--asn harus bilangan bulat positif.', en: '--asn must be a positive whole number.' });
    const regions = await ensureRegionalGovernments(db);
    const today = dateInTimeZone(new Date(), 'Asia/Jakarta');
    const out = typeof options.out === 'string' ? path.resolve(options.out) : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netra-demo-')), 'asn-demo.csv');
    progress(language === 'id' ? `Menulis ${count} ASN fiktif ke ${out} …` : `Writing ${count} fictional civil servants to ${out} …`);
    let last = 0;
    await writeGeneratedRegister(out, {
      count,
      regions,
      today,
      seed,
      onProgress: (rows) => {
        if (Date.now() - last > 2000) {
          last = Date.now();
          progress(`${rows.toLocaleString(language === 'id' ? 'id-ID' : 'en-US')} / ${count.toLocaleString(language === 'id' ? 'id-ID' : 'en-US')}`);
        }
      },
    });
    if (typeof options.out === 'string') {
      print(language === 'id' ? `CSV ditulis: ${out}` : `CSV written: ${out}`);
      return EXIT.ok;
    }
    const request = { source: 'demo' as const, filePath: out, fileName: path.basename(out), format: 'csv' as const, actor: { userId: null, scope: { kind: 'national' as const } } };
    const id = await createAsnImport(db, request);
    const started = performance.now();
    let lastLine = 0;
    const result = await runAsnImport(db, id, request, {
      now: new Date(),
      removeFile: true,
      onProgress: (p) => {
        if (performance.now() - lastLine > 2000 || p.phase !== 'reading') {
          lastLine = performance.now();
          progress(progressBar(p, (performance.now() - started) / 1000, language));
        }
      },
    });
    if (result.status === 'failed') throw new ApiError(500, result.error.code, { id: result.error.id, en: result.error.en });
    for (const line of summaryLines(result, language)) print(line);
    return result.rejected > 0 ? EXIT.failed : EXIT.ok;
  },
};
