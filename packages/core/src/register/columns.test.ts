import { describe, expect, it } from 'vitest';
import { ASN_COLUMNS, ASN_COLUMN_KEYS, ASN_CSV_HEADER, asnTemplateCsv, resolveAsnHeader } from './columns.ts';
import { csvLine, normaliseHeaderName } from './import-columns.ts';
import { validateAsnRow } from './validate.ts';

const CANONICAL = [...ASN_COLUMN_KEYS];

describe('ASN_COLUMNS', () => {
  it('documents every column in both languages with an example', () => {
    for (const column of ASN_COLUMNS) {
      for (const text of [column.format, column.description]) {
        expect(text.id.length, column.key).toBeGreaterThan(0);
        expect(text.en.length, column.key).toBeGreaterThan(0);
      }
      expect(column.example.length, column.key).toBeGreaterThan(0);
      if (column.required === 'conditional') expect(column.requirementNote, column.key).toBeDefined();
    }
  });

  it('has no alias that means two columns or repeats its own key', () => {
    const owners = new Map<string, string>();
    for (const column of ASN_COLUMNS) {
      for (const name of [column.key, ...column.aliases]) {
        const normalised = normaliseHeaderName(name);
        expect(owners.get(normalised), `${name} of ${column.key}`).toBeUndefined();
        owners.set(normalised, column.key);
      }
    }
  });

  it('offers a template of the header and the examples, which form a valid row', () => {
    expect(asnTemplateCsv()).toBe(`${ASN_CSV_HEADER}\n${csvLine(ASN_COLUMNS.map((c) => c.example))}\n`);
    const example = Object.fromEntries(ASN_COLUMNS.map((c) => [c.key, c.example]));
    expect(validateAsnRow(example, { today: '2024-09-01', knownAgencyCodes: new Set(['PEMKAB-35.10']) }).ok).toBe(true);
  });
});

describe('resolveAsnHeader', () => {
  it('maps the canonical header', () => {
    const resolution = resolveAsnHeader(CANONICAL);
    expect(resolution).toEqual({ ok: true, columns: CANONICAL, missing: [], unknown: [], repeated: [] });
  });

  it('maps the aliases a SIASN-like export uses, whatever their case and punctuation', () => {
    const headers = [
      '\uFEFFNIP/NI PPPK',
      'Nama Lengkap',
      'Jenis Pegawai',
      'NAMA JABATAN',
      'Jenis Jabatan',
      'Golongan Ruang',
      'ID Instansi',
      'Nama Instansi',
      'Unor',
      'Kode Kab/Kota',
      'TMT Jabatan',
      'Status Aktif',
    ];
    expect(resolveAsnHeader(headers)).toEqual({ ok: true, columns: CANONICAL, missing: [], unknown: [], repeated: [] });
  });

  it('accepts every documented alias', () => {
    for (const column of ASN_COLUMNS) {
      for (const alias of column.aliases) expect(resolveAsnHeader([alias]).columns, alias).toEqual([column.key]);
    }
  });

  it('ignores and reports unknown columns, keeping positions', () => {
    const resolution = resolveAsnHeader(['Agama', ...CANONICAL, '']);
    expect(resolution.ok).toBe(true);
    expect(resolution.columns).toEqual([null, ...CANONICAL, null]);
    expect(resolution.unknown).toEqual(['Agama']);
  });

  it('lists missing required columns', () => {
    const resolution = resolveAsnHeader(['nama', 'jabatan', 'instansi']);
    expect(resolution.ok).toBe(false);
    expect(resolution.missing).toEqual([
      'nip',
      'status_kepegawaian',
      'jenis_jabatan',
      'golongan',
      'kode_instansi',
      'unit_kerja',
      'kode_wilayah',
    ]);
  });

  it('needs kode_wilayah only when the import gives no region', () => {
    const withoutRegion = CANONICAL.filter((k) => k !== 'kode_wilayah');
    expect(resolveAsnHeader(withoutRegion).missing).toEqual(['kode_wilayah']);
    expect(resolveAsnHeader(withoutRegion, { defaultRegionCode: '35.10' }).ok).toBe(true);
  });

  it('refuses a column given twice under different spellings', () => {
    const resolution = resolveAsnHeader([...CANONICAL, 'NIP Baru']);
    expect(resolution.ok).toBe(false);
    expect(resolution.repeated).toEqual(['nip']);
    expect(resolution.columns.at(-1)).toBe('nip');
  });
});
