import { describe, expect, it } from 'vitest';
import { createRng } from '../demo/random.ts';
import { generateAsnRows } from './generate.ts';
import { plausibilityProblems, type PlausibilityRow } from './plausibility.ts';

const row = (overrides: Partial<PlausibilityRow>): PlausibilityRow => ({ status: 'pns', positionType: 'functional', positionTitle: 'Guru Ahli Muda', grade: 'III/c', unit: 'Dinas Pendidikan', ...overrides });
const codes = (r: PlausibilityRow) => plausibilityProblems(r).map((p) => p.code);

/** What a personnel officer objected to in the old demo register (issue 14), each with its basis. */
const CASES: Array<[string, PlausibilityRow, string[], RegExp | null]> = [
  ['a PPPK as department secretary (UU 20/2023 ps. 13; PP 49/2018)', row({ status: 'pppk', positionType: 'administrator', positionTitle: 'Sekretaris Dinas', grade: 'IX', unit: 'Dinas Sosial' }), ['pppk_structural'], /PP 49\/2018/],
  ['an agency head at III/a (PermenPAN-RB 22/2021: JPT from IV/c)', row({ positionType: 'jpt', positionTitle: 'Kepala Dinas Sosial', grade: 'III/a', unit: 'Dinas Sosial' }), ['grade_out_of_range'], /IV\/c/],
  ['a nurse in the regional secretariat', row({ positionTitle: 'Perawat Ahli Pertama', grade: 'III/a', unit: 'Sekretariat Daerah' }), ['functional_wrong_unit'], /fungsional/],
  ['a department head of another department', row({ positionType: 'jpt', positionTitle: 'Kepala Dinas Pendidikan', grade: 'IV/c', unit: 'Dinas Kesehatan' }), ['head_wrong_unit'], /PP 18\/2016/],
  ['a camat outside a kecamatan (UU 23/2014 ps. 224)', row({ positionType: 'camat_lurah', positionTitle: 'Camat Genteng', grade: 'IV/a', unit: 'Dinas Sosial' }), ['camat_outside_kecamatan'], /UU 23\/2014/],
  ['a teacher in education, plausible', row({}), [], null],
  ['a PPPK teacher at IX, plausible', row({ status: 'pppk', grade: 'IX', unit: 'SD Negeri 2 Sukamaju' }), [], null],
  ['a camat in his kecamatan, plausible', row({ positionType: 'camat_lurah', positionTitle: 'Camat Genteng', grade: 'IV/a', unit: 'Kecamatan Genteng' }), [], null],
];

describe('plausibility of a register row (table, with basis)', () => {
  it.each(CASES)('%s', (_name, input, expected, basis) => {
    expect(codes(input)).toEqual(expected);
    if (basis) expect(plausibilityProblems(input)[0]!.basis).toMatch(basis);
  });

  it('every row the national generator writes is plausible', () => {
    const rows = generateAsnRows(createRng(7), { count: 5000, today: '2024-10-01', regions: [{ code: '35.10', agencies: [{ code: 'PEMDA-35.10', name: 'Pemerintah Kabupaten Banyuwangi' }] }] });
    const problems = [...rows].flatMap((r) => plausibilityProblems({ status: r.status, positionType: r.positionType, positionTitle: r.positionTitle, grade: r.grade, unit: r.unit }).map((p) => `${r.positionTitle}: ${p.message.en}`));
    expect(problems).toEqual([]);
  });
});
