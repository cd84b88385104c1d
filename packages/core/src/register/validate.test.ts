import { describe, expect, it } from 'vitest';
import type { AsnColumnKey } from './columns.ts';
import { EXAMPLE_TEACHER_ROW } from './example-row.ts';
import { validateAsnRow, type AsnRowContext, type AsnRowReasonCode, type RawAsnRow } from './validate.ts';

const TODAY = '2024-09-01';

const context: AsnRowContext = {
  today: TODAY,
  knownAgencyCodes: new Set(['PEMKAB-35.10', 'PEMKOT-35.76']),
};

/** A complete, valid PNS row of a fictional teacher. */
const pnsRow = (overrides: Record<string, string> = {}): Record<string, string> => ({ ...EXAMPLE_TEACHER_ROW, ...overrides });

/** A PPPK number whose 2-digit code (13) cannot be a month, so it is not also a valid PNS NIP. */
const PPPK_NIP = '199001012021131001';

const reasonsOf = (raw: RawAsnRow, ctx: AsnRowContext = context) => {
  const result = validateAsnRow(raw, ctx);
  return result.ok ? [] : result.reasons.map((r) => ({ column: r.column, code: r.code }));
};

describe('validateAsnRow: accepted rows', () => {
  it('normalises a valid PNS row', () => {
    expect(validateAsnRow(pnsRow({ nip: '19860926 201505 1 001', nama: '  Sari Wulandari, S.Pd. ' }), context)).toEqual({
      ok: true,
      row: {
        nip: '198609262015051001',
        name: 'Sari Wulandari, S.Pd.',
        status: 'pns',
        positionTitle: 'Guru Ahli Pertama',
        positionType: 'functional',
        grade: 'III/a',
        agencyCode: 'PEMKAB-35.10',
        agencyName: 'Pemerintah Kabupaten Banyuwangi',
        unit: 'Dinas Pendidikan',
        regionCode: '35.10',
        positionStart: '2021-01-04',
        active: true,
      },
    });
  });

  it('reads a PPPK row with its own identifier and grade', () => {
    const result = validateAsnRow(pnsRow({ nip: PPPK_NIP, status_kepegawaian: 'P3K', golongan: '9', jenis_jabatan: 'JFT' }), context);
    expect(result.ok && result.row).toMatchObject({ nip: PPPK_NIP, status: 'pppk', grade: 'IX', positionType: 'functional' });
  });

  it('applies the defaults: empty optional cells, default region, active Y', () => {
    const result = validateAsnRow(pnsRow({ instansi: '', kode_wilayah: '', tmt_jabatan: '', aktif: '' }), {
      ...context,
      defaultRegionCode: '35.10',
    });
    expect(result.ok && result.row).toMatchObject({ agencyName: null, regionCode: '35.10', positionStart: null, active: true });
  });

  it('treats missing keys like empty cells', () => {
    const { instansi, tmt_jabatan, aktif, ...rest } = pnsRow();
    expect(validateAsnRow(rest, context).ok).toBe(true);
  });

  it('lets the row region win over the default and accepts a code without its dot', () => {
    const result = validateAsnRow(pnsRow({ kode_wilayah: '3576', kode_instansi: 'PEMKOT-35.76' }), { ...context, defaultRegionCode: '35.10' });
    expect(result.ok && result.row.regionCode).toBe('35.76');
  });

  it('accepts DD-MM-YYYY and DD/MM/YYYY dates and today itself', () => {
    for (const [written, iso] of [['04-01-2021', '2021-01-04'], ['04/01/2021', '2021-01-04'], [TODAY, TODAY]]) {
      const result = validateAsnRow(pnsRow({ tmt_jabatan: written }), context);
      expect(result.ok && result.row.positionStart).toBe(iso);
    }
  });

  it('accepts an agency predicate instead of a set', () => {
    const ctx = { ...context, knownAgencyCodes: (code: string) => code.startsWith('PEMKAB-') };
    expect(validateAsnRow(pnsRow(), ctx).ok).toBe(true);
    expect(reasonsOf(pnsRow({ kode_instansi: 'X' }), ctx)).toEqual([{ column: 'kode_instansi', code: 'agency_unknown' }]);
  });

  it('accepts regions inside the importer scope, province or regency', () => {
    expect(validateAsnRow(pnsRow(), { ...context, allowedRegionPrefix: '35' }).ok).toBe(true);
    expect(validateAsnRow(pnsRow(), { ...context, allowedRegionPrefix: '35.10' }).ok).toBe(true);
  });

  it('reads N, tidak and 0 as inactive', () => {
    for (const flag of ['N', 'tidak', '0', 'Tidak Aktif']) {
      const result = validateAsnRow(pnsRow({ aktif: flag }), context);
      expect(result.ok && result.row.active).toBe(false);
    }
  });
});

interface ReasonCase {
  row: Record<string, string>;
  context?: Partial<AsnRowContext>;
  column: AsnColumnKey;
}

/**
 * One row per reason code. Typed as a Record over the reason codes, so adding a code without a
 * case here fails the type check. Duplicates come from the tracker (duplicates.test.ts).
 */
const REASON_CASES: Record<Exclude<AsnRowReasonCode, 'duplicate_nip'>, ReasonCase> = {
  required: { row: pnsRow({ nama: '   ' }), column: 'nama' },
  too_long: { row: pnsRow({ nama: 'A'.repeat(151) }), column: 'nama' },
  nip_empty: { row: pnsRow({ nip: '-.-' }), column: 'nip' },
  nip_characters: { row: pnsRow({ nip: '19860926201505100A' }), column: 'nip' },
  nip_length: { row: pnsRow({ nip: '1986092620150510' }), column: 'nip' },
  nip_birth_date_impossible: { row: pnsRow({ nip: '198602302015051001' }), column: 'nip' },
  nip_birth_date_in_future: { row: pnsRow({ nip: '202501012015051001' }), column: 'nip' },
  // Alone, an impossible month makes a valid NI PPPK (nip_other_kind); a zero sequence fails both readings.
  nip_appointment_month_impossible: { row: pnsRow({ nip: '198609262015131000' }), column: 'nip' },
  nip_appointment_in_future: { row: pnsRow({ nip: '198609262025011001' }), column: 'nip' },
  nip_appointment_before_birth: { row: pnsRow({ nip: '198609261980051001' }), column: 'nip' },
  nip_appointment_before_age_18: { row: pnsRow({ nip: '198609262000051001' }), column: 'nip' },
  nip_gender_digit: { row: pnsRow({ nip: '198609262015053001' }), column: 'nip' },
  nip_sequence_zero: { row: pnsRow({ nip: '198609262015051000' }), column: 'nip' },
  nip_other_kind: { row: pnsRow({ nip: PPPK_NIP }), column: 'nip' },
  status_unknown: { row: pnsRow({ status_kepegawaian: 'honorer' }), column: 'status_kepegawaian' },
  position_type_unknown: { row: pnsRow({ jenis_jabatan: 'staf khusus' }), column: 'jenis_jabatan' },
  grade_unknown: { row: pnsRow({ golongan: 'V/a' }), column: 'golongan' },
  grade_not_for_status: { row: pnsRow({ golongan: 'IX' }), column: 'golongan' },
  agency_unknown: { row: pnsRow({ kode_instansi: 'PEMKAB-99.99' }), column: 'kode_instansi' },
  region_code_format: { row: pnsRow({ kode_wilayah: '35-10' }), column: 'kode_wilayah' },
  region_not_regency: { row: pnsRow({ kode_wilayah: '35.10.01' }), column: 'kode_wilayah' },
  region_outside_scope: { row: pnsRow(), context: { allowedRegionPrefix: '64' }, column: 'kode_wilayah' },
  region_unknown: { row: pnsRow(), context: { knownRegionCodes: new Set(['35.76']) }, column: 'kode_wilayah' },
  date_format: { row: pnsRow({ tmt_jabatan: '4 Januari 2021' }), column: 'tmt_jabatan' },
  date_impossible: { row: pnsRow({ tmt_jabatan: '2023-02-29' }), column: 'tmt_jabatan' },
  date_in_future: { row: pnsRow({ tmt_jabatan: '2024-09-02' }), column: 'tmt_jabatan' },
  active_flag_unknown: { row: pnsRow({ aktif: 'mungkin' }), column: 'aktif' },
};

describe('validateAsnRow: every rejection reason', () => {
  for (const [code, c] of Object.entries(REASON_CASES)) {
    it(`${code} on ${c.column}`, () => {
      const result = validateAsnRow(c.row, { ...context, ...c.context });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const found = result.reasons.find((r) => r.code === code);
      expect(found, JSON.stringify(result.reasons)).toBeDefined();
      expect(found!.column).toBe(c.column);
      expect(found!.message.id.length).toBeGreaterThan(0);
      expect(found!.message.en.length).toBeGreaterThan(0);
    });
  }

  it('names the value and the allowed choices in the message', () => {
    const result = validateAsnRow(pnsRow({ jenis_jabatan: 'staf khusus' }), context);
    expect(!result.ok && result.reasons[0].message).toEqual({
      id: 'Jenis jabatan "staf khusus" tidak dikenal: JPT, administrator, pengawas, pelaksana, fungsional, camat/lurah.',
      en: 'Position type "staf khusus" is unknown: JPT, administrator, pengawas, pelaksana, fungsional, camat/lurah.',
    });
  });

  it('requires every required column', () => {
    const empty = Object.fromEntries(Object.keys(pnsRow()).map((k) => [k, '']));
    expect(reasonsOf(empty)).toEqual(
      ['nip', 'nama', 'status_kepegawaian', 'jabatan', 'jenis_jabatan', 'golongan', 'kode_instansi', 'unit_kerja', 'kode_wilayah'].map(
        (column) => ({ column, code: 'required' }),
      ),
    );
  });

  it('requires a region code only when the import gives no default', () => {
    expect(reasonsOf(pnsRow({ kode_wilayah: '' }))).toEqual([{ column: 'kode_wilayah', code: 'required' }]);
    expect(reasonsOf(pnsRow({ kode_wilayah: '' }), { ...context, defaultRegionCode: '35.10' })).toEqual([]);
  });

  it('checks the default region like a written one', () => {
    expect(reasonsOf(pnsRow({ kode_wilayah: '' }), { ...context, defaultRegionCode: '35' })).toEqual([
      { column: 'kode_wilayah', code: 'region_not_regency' },
    ]);
  });

  it('lists every problem of a row, in column order', () => {
    const row = pnsRow({
      nip: '198613262015131000',
      golongan: 'XX',
      kode_instansi: 'NOPE',
      kode_wilayah: '64.71',
      tmt_jabatan: '2024-13-01',
      aktif: '?',
    });
    expect(reasonsOf(row, { ...context, allowedRegionPrefix: '35' })).toEqual([
      { column: 'nip', code: 'nip_birth_date_impossible' },
      { column: 'nip', code: 'nip_sequence_zero' },
      { column: 'nip', code: 'nip_appointment_month_impossible' },
      { column: 'golongan', code: 'grade_unknown' },
      { column: 'kode_instansi', code: 'agency_unknown' },
      { column: 'kode_wilayah', code: 'region_outside_scope' },
      { column: 'tmt_jabatan', code: 'date_impossible' },
      { column: 'aktif', code: 'active_flag_unknown' },
    ]);
  });

  it('refuses regency numbers 00 and 70, which no regency or city has', () => {
    expect(reasonsOf(pnsRow({ kode_wilayah: '35.00' }))).toEqual([{ column: 'kode_wilayah', code: 'region_code_format' }]);
    expect(reasonsOf(pnsRow({ kode_wilayah: '35.70' }))).toEqual([{ column: 'kode_wilayah', code: 'region_code_format' }]);
  });

  it('reports both the unknown region and the scope when both fail', () => {
    expect(reasonsOf(pnsRow({ kode_wilayah: '64.71' }), { ...context, allowedRegionPrefix: '35', knownRegionCodes: () => false })).toEqual([
      { column: 'kode_wilayah', code: 'region_outside_scope' },
      { column: 'kode_wilayah', code: 'region_unknown' },
    ]);
  });

  it('checks the optional agency name length', () => {
    expect(reasonsOf(pnsRow({ instansi: 'x'.repeat(201) }))).toEqual([{ column: 'instansi', code: 'too_long' }]);
  });
});

describe('validateAsnRow: PNS versus PPPK', () => {
  it('reads the NIP as the stated status says', () => {
    // Valid as PNS: appointment month 05. As PPPK the same digits are year 2015 and code 05.
    expect(validateAsnRow(pnsRow({ status_kepegawaian: 'PPPK', golongan: 'IX' }), context).ok).toBe(true);
    expect(reasonsOf(pnsRow({ nip: PPPK_NIP }))).toEqual([{ column: 'nip', code: 'nip_other_kind' }]);
    expect(reasonsOf(pnsRow({ nip: PPPK_NIP, status_kepegawaian: 'PPPK', golongan: 'IX' }))).toEqual([]);
  });

  it('says a PPPK number is one when the row claims PNS', () => {
    const result = validateAsnRow(pnsRow({ nip: PPPK_NIP }), context);
    expect(!result.ok && result.reasons[0].message.en).toBe(
      'This number is a valid NI PPPK, but status_kepegawaian says PNS: check one of them.',
    );
  });

  it('refuses grades of the other status', () => {
    expect(reasonsOf(pnsRow({ golongan: 'XVII' }))).toEqual([{ column: 'golongan', code: 'grade_not_for_status' }]);
    expect(reasonsOf(pnsRow({ nip: PPPK_NIP, status_kepegawaian: 'PPPK', golongan: 'III/a' }))).toEqual([
      { column: 'golongan', code: 'grade_not_for_status' },
    ]);
  });

  it('counts a CPNS as PNS', () => {
    const result = validateAsnRow(pnsRow({ status_kepegawaian: 'CPNS' }), context);
    expect(result.ok && result.row.status).toBe('pns');
  });

  it('with an unknown status, reports only NIP problems that hold for either kind', () => {
    // Month 13 is impossible for a PNS NIP but a valid PPPK code: not reported.
    expect(reasonsOf(pnsRow({ status_kepegawaian: 'honorer', nip: PPPK_NIP }))).toEqual([
      { column: 'status_kepegawaian', code: 'status_unknown' },
    ]);
    // A letter is wrong whatever the kind.
    expect(reasonsOf(pnsRow({ status_kepegawaian: '', nip: '19860926201505100A' }))).toEqual([
      { column: 'nip', code: 'nip_characters' },
      { column: 'status_kepegawaian', code: 'required' },
    ]);
    // No grade-for-status check without a status.
    expect(reasonsOf(pnsRow({ status_kepegawaian: 'honorer', golongan: 'IX' }))).toEqual([
      { column: 'status_kepegawaian', code: 'status_unknown' },
    ]);
  });
});
