import { describe, expect, it } from 'vitest';
import { decodeNip, formatNip, normaliseNip, type NipProblemCode } from './nip.ts';

const today = '2026-11-22';
const codes = (input: string, kind: 'pns' | 'pppk' = 'pns'): NipProblemCode[] => {
  const result = decodeNip(input, { today, kind });
  return result.valid ? [] : result.problems.map((p) => p.code);
};

describe('PNS NIP', () => {
  it('decodes the FACTS.md example 19860926 201505 1 001', () => {
    const result = decodeNip('198609262015051001', { today });
    expect(result).toEqual({
      valid: true,
      value: {
        kind: 'pns',
        nip: '198609262015051001',
        formatted: '19860926 201505 1 001',
        birthDate: '1986-09-26',
        appointment: '2015-05',
        gender: 'male',
        sequence: 1,
      },
    });
  });

  it('accepts the printed form with spaces, dots and dashes', () => {
    const result = decodeNip('19860926 201505 2 014', { today });
    expect(result.valid && result.value.gender).toBe('female');
    expect(result.valid && result.value.sequence).toBe(14);
    expect(normaliseNip('19860926.201505-1 001')).toBe('198609262015051001');
  });

  it.each([
    ['', ['empty']],
    ['19860926201505100', ['length']],
    ['1986092620150510011', ['length']],
    ['19860926201505100A', ['characters']],
    ['1986O926201505100', ['characters', 'length']],
  ])('rejects the shape of %j', (input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('rejects an impossible appointment month 13 with that reason', () => {
    const result = decodeNip('198609262015131001', { today });
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0].code).toBe('appointment_month_impossible');
      expect(result.problems[0].message.id).toContain('bulan 13');
      expect(result.problems[0].digits).toEqual([9, 14]);
    }
  });

  it('rejects month 00', () => {
    expect(codes('198609262015001001')).toEqual(['appointment_month_impossible']);
  });

  it.each([
    ['198602302015051001', 'birth_date_impossible'], // 30 February
    ['198613012015051001', 'birth_date_impossible'], // month 13
    ['198609002015051001', 'birth_date_impossible'], // day 00
    ['180009262015051001', 'birth_date_impossible'], // before 1900
    ['203001012015051001', 'birth_date_in_future'],
    ['199002292015051001', 'birth_date_impossible'], // 1990 is no leap year
  ])('rejects the birth date of %s', (nip, code) => {
    expect(codes(nip)).toContain(code);
  });

  it('accepts 29 February in a leap year', () => {
    expect(decodeNip('198802292012051001', { today }).valid).toBe(true);
  });

  it('rejects an appointment before the age of 18, and accepts one at 18', () => {
    expect(codes('200001012017121001')).toEqual(['appointment_before_age_18']);
    expect(decodeNip('200001012018011001', { today }).valid).toBe(true);
  });

  it('rejects an appointment before birth', () => {
    expect(codes('199001012015051001'.replace('2015', '1985'))).toEqual(['appointment_before_birth']);
  });

  it('rejects an appointment in the future relative to the given day', () => {
    expect(codes('199001012026121001')).toEqual(['appointment_in_future']);
    expect(decodeNip('199001012026111001', { today }).valid).toBe(true);
  });

  it.each(['0', '3', '9'])('rejects gender digit %s', (digit) => {
    expect(codes(`19860926201505${digit}001`)).toEqual(['gender_digit']);
  });

  it('rejects sequence 000', () => {
    expect(codes('198609262015051000')).toEqual(['sequence_zero']);
  });

  it('lists every problem at once', () => {
    expect(codes('198613012015133000')).toEqual([
      'birth_date_impossible',
      'gender_digit',
      'sequence_zero',
      'appointment_month_impossible',
    ]);
  });
});

describe('NI PPPK', () => {
  it('decodes birth date, appointment year, code, gender and sequence without validating the code as a month', () => {
    const result = decodeNip('199003152022211002', { today, kind: 'pppk' });
    expect(result).toEqual({
      valid: true,
      value: {
        kind: 'pppk',
        nip: '199003152022211002',
        formatted: '19900315 2022 21 1 002',
        birthDate: '1990-03-15',
        appointmentYear: 2022,
        code: '21',
        gender: 'male',
        sequence: 2,
      },
    });
  });

  it('rejects a future appointment year, an appointment before 18 and a bad gender digit', () => {
    expect(codes('199003152027211002', 'pppk')).toEqual(['appointment_in_future']);
    expect(codes('201003152022211002', 'pppk')).toEqual(['appointment_before_age_18']);
    expect(codes('199003152022215002', 'pppk')).toEqual(['gender_digit']);
  });

  it('formats in its own groups', () => {
    expect(formatNip('199003152022211002', 'pppk')).toBe('19900315 2022 21 1 002');
  });
});
