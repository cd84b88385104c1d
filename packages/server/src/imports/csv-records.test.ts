import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords, detectDelimiter } from './csv-records.ts';

async function parse(chunks: Array<string | Buffer>) {
  const records = [];
  for await (const record of csvRecords(Readable.from(chunks))) records.push(record);
  return records;
}

const TEXT =
  '\uFEFFnip;nama;jabatan\r\n' +
  '198609262015051001;"Wulandari; Sari";"Guru ""Ahli"" Pertama"\r\n' +
  '\r\n' +
  '199001012021131001;"Nama\nDua Baris";Pengemudi\n' +
  '197503122000031004;Hendra Wijaya;"tanpa baris akhir"';

describe('csvRecords', () => {
  it('reads quotes, doubled quotes, delimiters and line breaks inside quotes, a BOM, CRLF, blank lines and a last line without a break', async () => {
    expect(await parse([TEXT])).toEqual([
      { line: 1, cells: ['nip', 'nama', 'jabatan'] },
      { line: 2, cells: ['198609262015051001', 'Wulandari; Sari', 'Guru "Ahli" Pertama'] },
      { line: 4, cells: ['199001012021131001', 'Nama\nDua Baris', 'Pengemudi'] },
      { line: 5, cells: ['197503122000031004', 'Hendra Wijaya', 'tanpa baris akhir'] },
    ]);
  });

  it('gives the same records wherever the chunks are cut, even inside a multi-byte character', async () => {
    const whole = await parse([TEXT]);
    const bytes = Buffer.from(TEXT.replace('Dua', 'Dúa'));
    const expected = JSON.parse(JSON.stringify(whole).replace('Dua', 'Dúa'));
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(await parse([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at ${cut}`).toEqual(expected);
    }
  });

  it('detects the delimiter from the header, outside quotes', () => {
    expect(detectDelimiter('nip,nama,jabatan')).toBe(',');
    expect(detectDelimiter('nip;"nama, lengkap";jabatan')).toBe(';');
    expect(detectDelimiter('nip\tnama\tjabatan')).toBe('\t');
  });
});
