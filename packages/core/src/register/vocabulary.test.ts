import { describe, expect, it } from 'vitest';
import {
  PNS_GRADES,
  PPPK_GRADES,
  parseActiveFlag,
  parseEmploymentStatus,
  parseGrade,
  parsePositionType,
  parseRegisterDate,
} from './vocabulary.ts';

describe('parsePositionType', () => {
  it.each([
    ['JPT', 'jpt'],
    ['JPT Pratama', 'jpt'],
    ['Jabatan Pimpinan Tinggi', 'jpt'],
    ['administrator', 'administrator'],
    ['Jabatan_Administrator', 'administrator'],
    ['pengawas', 'supervisor'],
    ['PENGAWAS', 'supervisor'],
    ['pelaksana', 'executor'],
    ['JFU', 'executor'],
    ['fungsional', 'functional'],
    ['Jabatan Fungsional Tertentu', 'functional'],
    ['camat', 'camat_lurah'],
    ['Lurah', 'camat_lurah'],
    ['camat/lurah', 'camat_lurah'],
    ['functional', 'functional'],
    ['camat_lurah', 'camat_lurah'],
  ])('%s → %s', (written, code) => {
    expect(parsePositionType(written)).toBe(code);
  });

  it('refuses anything else', () => {
    expect(parsePositionType('staf ahli')).toBeNull();
    expect(parsePositionType('')).toBeNull();
  });
});

describe('parseEmploymentStatus', () => {
  it.each([
    ['PNS', 'pns'],
    ['pns', 'pns'],
    ['CPNS', 'pns'],
    ['Pegawai Negeri Sipil', 'pns'],
    ['PPPK', 'pppk'],
    ['P3K', 'pppk'],
  ])('%s → %s', (written, code) => {
    expect(parseEmploymentStatus(written)).toBe(code);
  });

  it('refuses honorary staff, who are not ASN', () => {
    expect(parseEmploymentStatus('honorer')).toBeNull();
  });
});

describe('parseGrade', () => {
  it('knows 17 PNS grades and 17 PPPK grades', () => {
    expect(PNS_GRADES).toHaveLength(17);
    expect(PPPK_GRADES).toHaveLength(17);
    for (const grade of PNS_GRADES) expect(parseGrade(grade)).toEqual({ status: 'pns', grade });
    for (const grade of PPPK_GRADES) expect(parseGrade(grade)).toEqual({ status: 'pppk', grade });
  });

  it.each([
    ['III/a', 'III/a'],
    ['III/A', 'III/a'],
    ['iii/a', 'III/a'],
    ['III-a', 'III/a'],
    ['III a', 'III/a'],
    ['IIIa', 'III/a'],
    ['3/a', 'III/a'],
    ['3a', 'III/a'],
    ['IV/e', 'IV/e'],
    ['4E', 'IV/e'],
  ])('PNS %s → %s', (written, grade) => {
    expect(parseGrade(written)).toEqual({ status: 'pns', grade });
  });

  it.each([
    ['IX', 'IX'],
    ['ix', 'IX'],
    ['9', 'IX'],
    ['17', 'XVII'],
    ['1', 'I'],
  ])('PPPK %s → %s', (written, grade) => {
    expect(parseGrade(written)).toEqual({ status: 'pppk', grade });
  });

  it.each(['IV/f', 'V/a', 'I/e', 'XVIII', '18', '0', 'golongan III/a'])('refuses %s', (written) => {
    expect(parseGrade(written)).toBeNull();
  });
});

describe('parseActiveFlag', () => {
  it.each([
    ['Y', true],
    ['y', true],
    ['Ya', true],
    ['1', true],
    ['aktif', true],
    ['N', false],
    ['T', false],
    ['tidak', false],
    ['0', false],
    ['nonaktif', false],
  ])('%s → %s', (written, active) => {
    expect(parseActiveFlag(written)).toBe(active);
  });

  it('refuses other values', () => {
    expect(parseActiveFlag('pensiun')).toBeNull();
  });
});

describe('parseRegisterDate', () => {
  it.each([
    ['2021-01-04', '2021-01-04'],
    ['04-01-2021', '2021-01-04'],
    ['04/01/2021', '2021-01-04'],
    ['2024-02-29', '2024-02-29'],
    ['31/12/1999', '1999-12-31'],
  ])('%s → %s', (written, iso) => {
    expect(parseRegisterDate(written)).toEqual({ ok: true, date: iso });
  });

  it.each(['2021-1-4', '2021/01/04', '04-01/2021', '04.01.2021', 'abcd-ef-gh', '2021-01-04T00:00', '', '4 Jan 2021'])(
    'refuses the format of %s',
    (written) => {
      expect(parseRegisterDate(written)).toEqual({ ok: false, problem: 'format' });
    },
  );

  it.each(['2023-02-29', '2024-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '31/11/2024', '1899-12-31'])(
    'refuses the impossible %s',
    (written) => {
      expect(parseRegisterDate(written)).toEqual({ ok: false, problem: 'impossible' });
    },
  );
});
