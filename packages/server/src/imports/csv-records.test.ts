import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords, detectDelimiter, splitQuotedLine } from './csv-records.ts';

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

/** RFC 4180 by the book, one character at a time: the reference the fast paths must agree with. */
function referenceParse(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(field);
      field = '';
    } else if (c === '\n') {
      cells.push(field);
      records.push(cells);
      cells = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || cells.length > 0) records.push([...cells, field]);
  return records;
}

describe('quoted fields, found with indexOf', () => {
  it('agrees with a character-by-character reader on thousands of random records', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['Sari', ' ', ',', '"', '""', 'S.Pd.', '\n', 'é', ';', '', 'M.M.'];
    const field = () => {
      const text = Array.from({ length: Math.floor(random() * 4) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      // Quote a field that needs it, as a spreadsheet writes it; sometimes quote one that does not.
      return /[",\n]/.test(text) || random() < 0.2 ? `"${text.replaceAll('"', '""')}"` : text;
    };
    const lines = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(random() * 5) }, field).join(','));
    const text = `a,b\n${lines.join('\n')}\n`;
    const expected = referenceParse(text, ',').filter((cells) => !(cells.length === 1 && cells[0].trim() === ''));
    const records = await parse([text]);
    expect(records.map((r) => r.cells)).toEqual(expected);
  });

  it('leaves records that continue past the line, or odd quoting, to the character loop', () => {
    expect(splitQuotedLine('1,"Sari, S.Pd.",x', ',')).toEqual(['1', 'Sari, S.Pd.', 'x']);
    expect(splitQuotedLine('"a ""b""",', ',')).toEqual(['a "b"', '']);
    expect(splitQuotedLine('1,"dua baris', ',')).toBeNull();
    expect(splitQuotedLine('1,ab"c', ',')).toBeNull();
  });
});
