import { describe, expect, it } from 'vitest';
import { PEMILU_2024, PILKADA_2020, PILKADA_2024 } from '../elections/catalog.ts';
import { normaliseHeaderName } from '../register/import-columns.ts';
import { CANDIDATE_COLUMNS, candidateTemplateCsv, resolveCandidateHeader, type CandidateColumnKey } from './columns.ts';
import { validateCandidateRow, type CandidateReasonCode, type CandidateRowContext } from './validate.ts';

const context: CandidateRowContext = {
  today: '2024-09-01',
  elections: new Map([PILKADA_2024, PILKADA_2020, PEMILU_2024].map((e) => [e.id, e])),
};

/** A fictional party-nominated pair in Kabupaten Banyuwangi, the head candidate an incumbent regent. */
const pairRow = (overrides: Record<string, string> = {}): Record<string, string> => ({
  kode_pemilihan: 'pilkada-2024',
  kode_wilayah: '35.10',
  nomor_urut: '2',
  nama_calon: 'Dr. H. Bambang Setiawan, M.Si.',
  panggilan_calon: 'Mas Bambang',
  variasi_nama_calon: 'Bambang Setiawan; Bambang S.; Bambang Setiawan',
  nip_calon: '',
  nama_wakil: 'Ratna Kusuma, S.E.',
  panggilan_wakil: '',
  variasi_nama_wakil: '',
  nip_wakil: '19750312 200003 2 004',
  jalur: 'partai',
  partai: 'Partai Contoh Satu; Partai Contoh Dua',
  petahana: 'calon',
  jabatan_petahana: 'bupati',
  slogan: 'Bersama Membangun Desa',
  tagar: '#BambangRatna2024 #DesaMaju; desamaju',
  ...overrides,
});

describe('validateCandidateRow: accepted rows', () => {
  it('normalises a pair', () => {
    expect(validateCandidateRow(pairRow(), context)).toEqual({
      ok: true,
      row: {
        electionId: 'pilkada-2024',
        regionCode: '35.10',
        ballotNumber: 2,
        head: { name: 'Dr. H. Bambang Setiawan, M.Si.', nickname: 'Mas Bambang', variants: ['Bambang Setiawan', 'Bambang S.'] },
        deputy: { name: 'Ratna Kusuma, S.E.', asnNip: '197503122000032004' },
        parties: ['Partai Contoh Satu', 'Partai Contoh Dua'],
        independent: false,
        incumbent: { member: 'head', office: 'regional_head' },
        slogans: ['Bersama Membangun Desa'],
        hashtags: ['BambangRatna2024', 'DesaMaju', 'desamaju'],
      },
    });
  });

  it('accepts an independent pair without parties, ballot number or incumbent', () => {
    const result = validateCandidateRow(
      pairRow({ jalur: 'perseorangan', partai: '', nomor_urut: '', petahana: '', jabatan_petahana: '', tagar: '', slogan: '' }),
      context,
    );
    expect(result.ok && result.row).toMatchObject({ independent: true, parties: [], ballotNumber: null, incumbent: null, hashtags: [], slogans: [] });
  });

  it('records a deputy candidate who is the sitting deputy regent', () => {
    const result = validateCandidateRow(pairRow({ petahana: 'wakil', jabatan_petahana: 'wakil bupati' }), context);
    expect(result.ok && result.row.incumbent).toEqual({ member: 'deputy', office: 'deputy_regional_head' });
  });

  it('defaults the incumbent office to regional head', () => {
    const result = validateCandidateRow(pairRow({ jabatan_petahana: '' }), context);
    expect(result.ok && result.row.incumbent).toEqual({ member: 'head', office: 'regional_head' });
  });

  it('accepts a provincial contest and a PPPK candidate', () => {
    const result = validateCandidateRow(pairRow({ kode_wilayah: '64', nip_calon: '199001012021131001' }), context);
    expect(result.ok && result.row).toMatchObject({ regionCode: '64', head: { asnNip: '199001012021131001' } });
  });

  it('takes no region for a national election', () => {
    const result = validateCandidateRow(pairRow({ kode_pemilihan: 'pemilu-2024', kode_wilayah: '', petahana: '', jabatan_petahana: '' }), context);
    expect(result.ok && result.row.regionCode).toBeNull();
  });
});

const REASON_CASES: Record<Exclude<CandidateReasonCode, `nip_${string}`>, { row: Record<string, string>; column: CandidateColumnKey }> = {
  required: { row: pairRow({ nama_wakil: '' }), column: 'nama_wakil' },
  too_long: { row: pairRow({ panggilan_calon: 'x'.repeat(61) }), column: 'panggilan_calon' },
  election_unknown: { row: pairRow({ kode_pemilihan: 'pilkada-2029' }), column: 'kode_pemilihan' },
  region_code_format: { row: pairRow({ kode_wilayah: 'Banyuwangi' }), column: 'kode_wilayah' },
  region_not_contest_level: { row: pairRow({ kode_wilayah: '35.10.01' }), column: 'kode_wilayah' },
  region_not_participating: { row: pairRow({ kode_wilayah: '34' }), column: 'kode_wilayah' },
  region_not_applicable: { row: pairRow({ kode_pemilihan: 'pemilu-2024', kode_wilayah: '35.10' }), column: 'kode_wilayah' },
  ballot_number_format: { row: pairRow({ nomor_urut: '0' }), column: 'nomor_urut' },
  route_unknown: { row: pairRow({ jalur: 'koalisi rakyat' }), column: 'jalur' },
  parties_missing: { row: pairRow({ partai: ' ; ' }), column: 'partai' },
  parties_for_independent: { row: pairRow({ jalur: 'independen' }), column: 'partai' },
  incumbent_unknown: { row: pairRow({ petahana: 'mungkin' }), column: 'petahana' },
  incumbent_office_unknown: { row: pairRow({ jabatan_petahana: 'camat' }), column: 'jabatan_petahana' },
  incumbent_office_without_incumbent: { row: pairRow({ petahana: 'tidak' }), column: 'jabatan_petahana' },
  hashtag_format: { row: pairRow({ tagar: '#Desa-Maju' }), column: 'tagar' },
};

describe('validateCandidateRow: every rejection reason', () => {
  for (const [code, c] of Object.entries(REASON_CASES)) {
    it(`${code} on ${c.column}`, () => {
      const result = validateCandidateRow(c.row, context);
      expect(result.ok ? [] : result.reasons.map((r) => ({ column: r.column, code: r.code }))).toContainEqual({ column: c.column, code });
    });
  }

  it('checks each member\'s NIP as either a PNS NIP or an NI PPPK', () => {
    const result = validateCandidateRow(pairRow({ nip_calon: '19860926201505100A', nip_wakil: '198609262015051000' }), context);
    expect(!result.ok && result.reasons.map((r) => [r.column, r.code])).toEqual([
      ['nip_calon', 'nip_characters'],
      ['nip_wakil', 'nip_sequence_zero'],
    ]);
  });

  it('requires the region for a regional election and lists every problem', () => {
    const result = validateCandidateRow(pairRow({ kode_wilayah: '', nama_calon: '', nomor_urut: '100', jalur: '' }), context);
    expect(!result.ok && result.reasons.map((r) => [r.column, r.code])).toEqual([
      ['kode_wilayah', 'required'],
      ['nomor_urut', 'ballot_number_format'],
      ['nama_calon', 'required'],
      ['jalur', 'required'],
    ]);
  });

  it('still checks the region format when the election is unknown', () => {
    const result = validateCandidateRow(pairRow({ kode_pemilihan: 'x', kode_wilayah: '35.10.01' }), context);
    expect(!result.ok && result.reasons.map((r) => r.code)).toEqual(['election_unknown', 'region_not_contest_level']);
  });
});

describe('candidate import columns', () => {
  it('documents every column and resolves every alias to it', () => {
    const owners = new Map<string, string>();
    for (const column of CANDIDATE_COLUMNS) {
      expect(column.description.id && column.description.en && column.format.id && column.format.en, column.key).toBeTruthy();
      for (const name of [column.key, ...column.aliases]) {
        expect(owners.get(normaliseHeaderName(name)), name).toBeUndefined();
        owners.set(normaliseHeaderName(name), column.key);
        expect(resolveCandidateHeader([name]).columns).toEqual([column.key]);
      }
    }
  });

  it('requires the always-required columns in the header', () => {
    expect(resolveCandidateHeader(['kode_pemilihan', 'nama_calon']).missing).toEqual(['nama_wakil', 'jalur']);
  });

  it('offers a template whose example row is a valid pair', () => {
    const [header] = candidateTemplateCsv().split('\n');
    expect(header.split(',')).toEqual(CANDIDATE_COLUMNS.map((c) => c.key));
    const example = Object.fromEntries(CANDIDATE_COLUMNS.map((c) => [c.key, c.example]));
    expect(validateCandidateRow(example, context).ok).toBe(true);
  });
});
