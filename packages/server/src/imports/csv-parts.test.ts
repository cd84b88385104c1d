import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvLayout } from './csv-parts.ts';
import { CsvParser, csvRecords, type FileRecord } from './csv-records.ts';

function tempCsv(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-csv-parts-'));
  const file = path.join(dir, 'data.csv');
  fs.writeFileSync(file, content);
  return file;
}

async function whole(content: string): Promise<FileRecord[]> {
  const records: FileRecord[] = [];
  for await (const record of csvRecords(Readable.from([Buffer.from(content)]))) records.push(record);
  return records;
}

/** Parses each part on its own, as a worker would, and joins the results. */
function byParts(file: string, count: number): { header: string[] | null; records: FileRecord[]; parts: number } {
  const layout = csvLayout(file, count);
  const bytes = fs.readFileSync(file);
  const records: FileRecord[] = [];
  for (const part of layout.parts) {
    const parser = new CsvParser({ delimiter: layout.delimiter, startLine: part.startLine });
    records.push(...parser.push(bytes.subarray(part.start, part.end).toString('utf8')), ...parser.end());
  }
  return { header: layout.header, records, parts: layout.parts.length };
}

describe('csvLayout', () => {
  // Quoted fields with delimiters, doubled quotes and line breaks; CRLF; a BOM; blank lines; a
  // multi-byte character; no line break at the end.
  const lines = Array.from({ length: 400 }, (_, i) =>
    i % 7 === 0 ? `${i};"Nama ${i}; S.Pd.";"baris\r\nkedua ""kutip"""` : i % 11 === 0 ? '' : `${i};Dúa ${i};biasa`,
  );
  const content = `\uFEFFnip;nama;jabatan\r\n${lines.join('\r\n')}`;

  it('cuts at record boundaries only, keeping the line numbers of the whole file', async () => {
    const file = tempCsv(content);
    const expected = await whole(content);
    for (const count of [1, 2, 3, 7, 50]) {
      const { header, records, parts } = byParts(file, count);
      expect(header, `${count} parts`).toEqual(['nip', 'nama', 'jabatan']);
      expect(parts).toBeLessThanOrEqual(count);
      expect(records, `${count} parts`).toEqual(expected.slice(1));
    }
    expect(byParts(file, 3).parts).toBe(3);
  });

  it('has no parts for a file without data after the header, or without a header line', () => {
    expect(csvLayout(tempCsv('nip,nama'), 2)).toMatchObject({ header: ['nip', 'nama'], parts: [] });
    expect(csvLayout(tempCsv(''), 2)).toMatchObject({ header: null, parts: [] });
    expect(csvLayout(tempCsv('\nnip,nama\n1,a\n'), 2)).toMatchObject({ header: null, parts: [] });
  });
});
