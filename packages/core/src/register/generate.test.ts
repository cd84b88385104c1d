import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../demo/random.ts';
import { decodeNip } from '../nip/nip.ts';
import { ASN_COLUMN_KEYS, ASN_CSV_HEADER } from './columns.ts';
import { asnRowToCsvLine, asnRowToRecord } from './csv.ts';
import { generateAsnRows, type GeneratorRegion } from './generate.ts';
import { validateAsnRow, type AsnRowContext, type NormalisedAsnRow } from './validate.ts';
import { PNS_GRADES, PPPK_GRADES } from './vocabulary.ts';

const TODAY = '2024-09-01';
const REGIONS: GeneratorRegion[] = [
  { code: '35.10', agencies: [{ code: 'PEMKAB-35.10', name: 'Pemerintah Kabupaten Banyuwangi' }] },
  { code: '35.76', agencies: [{ code: 'PEMKOT-35.76', name: 'Pemerintah Kota Mojokerto' }] },
  {
    code: '64.72',
    agencies: [
      { code: 'PEMKOT-64.72', name: 'Pemerintah Kota Samarinda' },
      { code: 'PEMPROV-64', name: 'Pemerintah Provinsi Kalimantan Timur' },
    ],
  },
];
const context: AsnRowContext = {
  today: TODAY,
  knownAgencyCodes: new Set(REGIONS.flatMap((r) => r.agencies.map((a) => a.code))),
};
const generate = (count: number, seed = 1) => generateAsnRows(createRng(seed), { count, regions: REGIONS, today: TODAY });

/** Minimal RFC 4180 reader for one line, to check what the writer produces. */
function readCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') (value += '"'), (i += 2);
        else if (line[i] === '"') break;
        else (value += line[i]), (i += 1);
      }
      cells.push(value);
      i += 2;
    } else {
      const end = line.indexOf(',', i);
      cells.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return cells;
}

describe('generateAsnRows at scale', () => {
  const COUNT = 200_000;
  const nips = new Set<string>();
  const statusCount = { pns: 0, pppk: 0 };
  const typeCount = new Map<string, number>();
  const invalid: Array<{ row: NormalisedAsnRow; reasons: unknown }> = [];
  const notRoundTripped: NormalisedAsnRow[] = [];
  // One pass over the 200,000 rows; the tests below read what it gathered.
  beforeAll(() => {
    for (const row of generate(COUNT)) {
      nips.add(row.nip);
      statusCount[row.status] += 1;
      typeCount.set(row.positionType, (typeCount.get(row.positionType) ?? 0) + 1);
      const result = validateAsnRow(asnRowToRecord(row), context);
      if (!result.ok) invalid.push({ row, reasons: result.reasons });
      else if (JSON.stringify(result.row) !== JSON.stringify(row)) notRoundTripped.push(row);
    }
  }, 120_000);

  it('gives every row a distinct NIP', () => {
    expect(nips.size).toBe(COUNT);
  });

  it('produces only rows the validator accepts, read back unchanged', () => {
    expect(invalid.slice(0, 3)).toEqual([]);
    expect(notRoundTripped.slice(0, 3)).toEqual([]);
  });

  it('mixes about 85% PNS and 15% PPPK', () => {
    expect(statusCount.pppk / COUNT).toBeGreaterThan(0.14);
    expect(statusCount.pppk / COUNT).toBeLessThan(0.16);
  });

  it('makes functional officials the largest group, with every position type present', () => {
    const sorted = [...typeCount].sort((a, b) => b[1] - a[1]);
    expect(sorted[0][0]).toBe('functional');
    expect(new Set(typeCount.keys())).toEqual(new Set(['jpt', 'administrator', 'supervisor', 'executor', 'functional', 'camat_lurah']));
  });
});

describe('generateAsnRows', () => {
  it('is reproducible from its seed', () => {
    expect([...generate(50, 9)]).toEqual([...generate(50, 9)]);
    expect([...generate(50, 9)]).not.toEqual([...generate(50, 10)]);
  });

  it('streams: rows are produced only when asked for', () => {
    const rows = generate(7_000_000);
    const first = rows.next();
    expect(first.done).toBe(false);
  });

  it('gives every row a NIP valid for its status and a grade of that status', () => {
    for (const row of generate(2_000)) {
      const decoded = decodeNip(row.nip, { kind: row.status, today: TODAY });
      expect(decoded.valid).toBe(true);
      expect(row.status === 'pppk' ? PPPK_GRADES : PNS_GRADES).toContain(row.grade);
      if (row.status === 'pppk') expect(['functional', 'executor']).toContain(row.positionType);
    }
  });

  it('keeps each region with its own agencies', () => {
    for (const row of generate(2_000)) {
      const region = REGIONS.find((r) => r.code === row.regionCode)!;
      expect(region.agencies.map((a) => a.code)).toContain(row.agencyCode);
    }
  });

  it('refuses impossible requests', () => {
    expect(() => generate(-1).next()).toThrow(RangeError);
    expect(() => generateAsnRows(createRng(1), { count: 1, regions: [], today: TODAY }).next()).toThrow(RangeError);
    expect(() => generateAsnRows(createRng(1), { count: 1, regions: [{ code: '35.10', agencies: [] }], today: TODAY }).next()).toThrow(
      RangeError,
    );
    expect(() => generateAsnRows(createRng(1), { count: 1, regions: REGIONS, today: '2024-02-30' }).next()).toThrow(RangeError);
    expect(() => generate(30_000_000).next()).toThrow(/distinct NIPs/);
  });
});

describe('asnRowToCsvLine', () => {
  it('writes the header order, quoting names with commas, readable back to the same row', () => {
    for (const row of generate(500)) {
      const cells = readCsvLine(asnRowToCsvLine(row));
      expect(cells).toHaveLength(ASN_COLUMN_KEYS.length);
      const raw = Object.fromEntries(ASN_COLUMN_KEYS.map((key, i) => [key, cells[i]]));
      const result = validateAsnRow(raw, context);
      expect(result.ok && result.row).toEqual(row);
    }
    expect(ASN_CSV_HEADER.split(',')).toEqual(ASN_COLUMN_KEYS);
  });

  it('writes the Indonesian values the import expects', () => {
    const row: NormalisedAsnRow = {
      nip: '199001012021131001',
      name: 'Dimas Pratama, S.Kom.',
      status: 'pppk',
      positionTitle: 'Pranata Komputer Ahli Pertama',
      positionType: 'functional',
      grade: 'IX',
      agencyCode: 'PEMKOT-35.76',
      agencyName: null,
      unit: 'Dinas Komunikasi dan Informatika',
      regionCode: '35.76',
      positionStart: null,
      active: false,
    };
    expect(asnRowToCsvLine(row)).toBe(
      '199001012021131001,"Dimas Pratama, S.Kom.",PPPK,Pranata Komputer Ahli Pertama,fungsional,IX,PEMKOT-35.76,,Dinas Komunikasi dan Informatika,35.76,,N',
    );
  });
});
