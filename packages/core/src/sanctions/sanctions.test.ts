import { describe, expect, it } from 'vitest';
import {
  ACT_CODES,
  PPPK_NOTE,
  PROHIBITED_ACTS,
  SANCTION_TYPES,
  SANCTION_TYPE_CODES,
  isActCode,
  sanctionTypesOf,
  type ActCode,
  type DisciplineLevel,
  type SanctionTypeCode,
} from './matrix.ts';
import { suggestSanction, validateImposedSanction } from './suggest.ts';

const LIGHT: SanctionTypeCode[] = ['verbal_reprimand', 'written_reprimand', 'written_statement_of_dissatisfaction'];
const MODERATE: SanctionTypeCode[] = ['allowance_cut_25_6_months', 'allowance_cut_25_9_months', 'allowance_cut_25_12_months'];
const HEAVY: SanctionTypeCode[] = ['demotion_12_months', 'removal_to_executor_post_12_months', 'honourable_dismissal_not_at_own_request'];
const ETHICS: SanctionTypeCode[] = ['moral_sanction_closed_statement', 'moral_sanction_open_statement'];

/** FACTS.md §2, written out independently of the data it checks. */
const MATRIX: Array<[ActCode, boolean, DisciplineLevel, DisciplineLevel | null]> = [
  ['A01', true, 'heavy', null],
  ['A02', true, 'heavy', null],
  ['A03', false, 'moderate', null],
  ['A04', true, 'heavy', null],
  ['A05', false, 'dismissal', null],
  ['A06', true, 'heavy', null],
  ['A07', true, 'heavy', null],
  ['A08', false, 'heavy', 'moderate'],
  ['A09', false, 'heavy', 'moderate'],
  ['A10', false, 'heavy', null],
  ['A11', false, 'heavy', null],
  ['A12', true, 'none', null],
];

const TYPES_BY_LEVEL: Record<DisciplineLevel, SanctionTypeCode[]> = {
  none: [],
  light: LIGHT,
  moderate: MODERATE,
  heavy: HEAVY,
  dismissal: ['dismissal_without_honour'],
};

describe('the SKB 2022 matrix', () => {
  it('holds exactly the twelve acts', () => {
    expect(ACT_CODES).toEqual(MATRIX.map(([code]) => code));
  });

  it.each(MATRIX)('%s: ethics %s, discipline %s, unsure alternative %s', (code, ethics, level, alternative) => {
    const act = PROHIBITED_ACTS[code];
    expect(act.ethics).toBe(ethics);
    expect(act.discipline).toBe(level);
    expect(act.unsure?.alternative ?? null).toBe(alternative);
    expect(act.basis).toContain('SKB');
    expect(act.description.id).not.toBe('');
    expect(act.description.en).not.toBe('');

    const suggestion = suggestSanction([code]);
    expect(suggestion.ethics.applies).toBe(ethics);
    expect(suggestion.ethics.sanctionTypes).toEqual(ethics ? ETHICS : []);
    expect(suggestion.discipline.level).toBe(level);
    expect(suggestion.discipline.sanctionTypes).toEqual(TYPES_BY_LEVEL[level]);
    expect(suggestion.discipline.determinedBy).toEqual(level === 'none' ? [] : [code]);
    expect(suggestion.discipline.alternativeLevel ?? null).toBe(alternative);
    expect(suggestion.unsure.map((u) => u.alternative)).toEqual(alternative ? [alternative] : []);
    expect(suggestion.basis).toContain(act.basis);
  });

  it('bases A05 on UU 5/2014 art. 87(4)(c) dismissal without honour', () => {
    expect(PROHIBITED_ACTS.A05.basis).toContain('UU 5/2014 ps. 87 ayat (4) huruf c');
    expect(suggestSanction(['A05']).basis).toContain('UU 5/2014 ps. 87 ayat (4) huruf c');
  });

  it('notes why A09 is unsure (moderate before determination, heavy after)', () => {
    expect(PROHIBITED_ACTS.A09.unsure?.note.en).toMatch(/moderate before the determination/);
  });

  it('recognises act codes', () => {
    expect(isActCode('A07')).toBe(true);
    expect(isActCode('A13')).toBe(false);
    expect(isActCode('a07')).toBe(false);
  });
});

describe('sanction types', () => {
  it('lists PP 94/2021 art. 8 by level, the PP 42/2004 moral sanctions and UU 5/2014 dismissal', () => {
    expect(sanctionTypesOf('discipline', 'light')).toEqual(LIGHT);
    expect(sanctionTypesOf('discipline', 'moderate')).toEqual(MODERATE);
    expect(sanctionTypesOf('discipline', 'heavy')).toEqual(HEAVY);
    expect(sanctionTypesOf('discipline', 'dismissal')).toEqual(['dismissal_without_honour']);
    expect(sanctionTypesOf('ethics', 'none')).toEqual(ETHICS);
    expect(SANCTION_TYPE_CODES).toHaveLength(12);
    for (const code of [...LIGHT, ...MODERATE, ...HEAVY]) expect(SANCTION_TYPES[code].basis).toMatch(/^PP 94\/2021 ps\. 8/);
    for (const code of ETHICS) expect(SANCTION_TYPES[code].basis).toMatch(/^PP 42\/2004 ps\. 15/);
  });
});

describe('suggestSanction', () => {
  it('takes the heaviest discipline level across acts and the ethics track from any act', () => {
    const s = suggestSanction(['A03', 'A12']);
    expect(s.discipline.level).toBe('moderate');
    expect(s.discipline.determinedBy).toEqual(['A03']);
    expect(s.discipline.sanctionTypes).toEqual(MODERATE);
    expect(s.ethics).toEqual({ applies: true, acts: ['A12'], sanctionTypes: ETHICS });
  });

  it('lets dismissal outrank heavy, and names every act at the top level', () => {
    const s = suggestSanction(['A02', 'A05', 'A11']);
    expect(s.discipline.level).toBe('dismissal');
    expect(s.discipline.determinedBy).toEqual(['A05']);
    expect(suggestSanction(['A01', 'A02', 'A03']).discipline.determinedBy).toEqual(['A01', 'A02']);
  });

  it('drops repeated acts', () => {
    expect(suggestSanction(['A01', 'A01']).acts).toEqual(['A01']);
  });

  it('keeps an unsure act from lowering the level when a certain act sets it', () => {
    const s = suggestSanction(['A08', 'A01']);
    expect(s.discipline.level).toBe('heavy');
    expect(s.discipline.alternativeLevel).toBeUndefined();
    expect(s.unsure.map((u) => u.act)).toEqual(['A08']);
  });

  it('offers the other reading when only unsure acts set the level', () => {
    const s = suggestSanction(['A08', 'A09', 'A03']);
    expect(s.discipline.level).toBe('heavy');
    expect(s.discipline.alternativeLevel).toBe('moderate');
  });

  it('adds the PPPK note for contract staff only', () => {
    expect(suggestSanction(['A01'], { employeeKind: 'pppk' }).notes).toEqual([PPPK_NOTE]);
    expect(suggestSanction(['A01'], { employeeKind: 'pns' }).notes).toEqual([]);
    expect(PPPK_NOTE.en).toContain('PP 49/2018');
  });

  it('cites the acts and every suggested sanction type', () => {
    const s = suggestSanction(['A04']);
    expect(s.basis).toEqual(expect.arrayContaining(['PP 94/2021 ps. 8 ayat (4) huruf a', 'PP 42/2004 ps. 15 ayat (3) huruf b']));
    expect(s.basis.filter((b) => b.startsWith('SKB'))).toHaveLength(1);
  });

  it('refuses no acts and unknown acts', () => {
    expect(() => suggestSanction([])).toThrow(RangeError);
    expect(() => suggestSanction(['A01', 'B99'])).toThrow(/B99/);
  });
});

describe('validateImposedSanction', () => {
  it('is silent when the PPK follows the matrix on both tracks', () => {
    expect(validateImposedSanction(suggestSanction(['A01']), ['demotion_12_months', 'moral_sanction_open_statement'])).toEqual([]);
    expect(validateImposedSanction(suggestSanction(['A03']), ['allowance_cut_25_9_months'])).toEqual([]);
    expect(validateImposedSanction(suggestSanction(['A05']), ['dismissal_without_honour'])).toEqual([]);
    expect(validateImposedSanction(suggestSanction(['A12']), ['moral_sanction_closed_statement'])).toEqual([]);
  });

  it('does not object to a heavier penalty', () => {
    expect(validateImposedSanction(suggestSanction(['A03']), ['demotion_12_months'])).toEqual([]);
  });

  it('warns when the penalty is lighter than the matrix suggests', () => {
    const warnings = validateImposedSanction(suggestSanction(['A11']), ['written_reprimand']);
    expect(warnings.map((w) => w.code)).toEqual(['lighter_than_matrix']);
    expect(warnings[0].message.en).toContain('light disciplinary penalty');
    expect(warnings[0].message.en).toContain('heavy disciplinary penalty');
    expect(warnings[0].message.en).not.toContain('Sources disagree');
  });

  it('judges the heaviest type imposed, and a heavy type against dismissal as lighter', () => {
    expect(validateImposedSanction(suggestSanction(['A03']), ['verbal_reprimand', 'allowance_cut_25_6_months'])).toEqual([]);
    expect(validateImposedSanction(suggestSanction(['A05']), ['honourable_dismissal_not_at_own_request']).map((w) => w.code)).toEqual(['lighter_than_matrix']);
  });

  it('says so when a lighter penalty matches the other reading of an unsure act', () => {
    const [warning] = validateImposedSanction(suggestSanction(['A08']), ['allowance_cut_25_12_months']);
    expect(warning.code).toBe('lighter_than_matrix');
    expect(warning.message.en).toContain('Sources disagree');
    expect(warning.message.id).toContain('berbeda pendapat');
    const [below] = validateImposedSanction(suggestSanction(['A08']), ['verbal_reprimand']);
    expect(below.message.en).not.toContain('Sources disagree');
  });

  it('warns when no disciplinary penalty or no moral sanction was imposed where the matrix has one', () => {
    expect(validateImposedSanction(suggestSanction(['A02']), []).map((w) => w.code)).toEqual(['discipline_missing', 'ethics_missing']);
    expect(validateImposedSanction(suggestSanction(['A02']), ['moral_sanction_open_statement']).map((w) => w.code)).toEqual(['discipline_missing']);
    const [ethics] = validateImposedSanction(suggestSanction(['A02', 'A06']), ['demotion_12_months']);
    expect(ethics.code).toBe('ethics_missing');
    expect(ethics.message.en).toContain('A02, A06');
  });

  it('does not ask for a disciplinary penalty for A12 alone', () => {
    expect(validateImposedSanction(suggestSanction(['A12']), []).map((w) => w.code)).toEqual(['ethics_missing']);
  });
});
