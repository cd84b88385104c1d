import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

interface InvalidNip {
  error: {
    code: string;
    message: string;
    fields: Array<{ field: string; message: string }>;
    details: { problems: Array<{ code: string; digits: [number, number] | null; message: { id: string; en: string } }> };
  };
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // "Today" for the future-date checks.
  t.setNow('2024-10-01T03:00:00Z');
});
afterAll(async () => t.close());

async function invalid(path: string): Promise<InvalidNip> {
  const res = await t.app.inject(`/api/v1/nip/${path}`);
  expect(res.statusCode, res.body).toBe(422);
  return res.json();
}

describe('GET /api/v1/nip/:nip', () => {
  it('decodes a PNS NIP', async () => {
    const res = await t.app.inject('/api/v1/nip/198609262015051001');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kind: 'pns',
      nip: '198609262015051001',
      formatted: '19860926 201505 1 001',
      birthDate: '1986-09-26',
      appointment: '2015-05',
      gender: 'male',
      sequence: 1,
    });
  });

  it('accepts the NIP as printed, with spaces between the groups', async () => {
    const res = await t.app.inject('/api/v1/nip/19860926%20201505%201%20001');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nip: '198609262015051001', formatted: '19860926 201505 1 001' });
  });

  it('refuses month 13 with its reason, in Indonesian by default', async () => {
    const body = await invalid('198609262015131001');
    expect(body.error.code).toBe('invalid_nip');
    expect(body.error.details.problems.map((p) => p.code)).toEqual(['appointment_month_impossible']);
    expect(body.error.details.problems[0].digits).toEqual([9, 14]);
    expect(body.error.fields).toHaveLength(1);
    expect(body.error.fields[0]).toEqual({
      field: 'nip',
      message: 'Bulan pengangkatan 201513 (digit 9–14) tidak mungkin: bulan 13 tidak ada.',
    });
  });

  it('gives the reason in English with lang=en', async () => {
    const body = await invalid('198609262015131001?lang=en');
    expect(body.error.message).toBe('Invalid NIP: 1 problem(s).');
    expect(body.error.fields[0].message).toBe('Appointment month 201513 (digits 9–14) is impossible: there is no month 13.');
  });

  // Each NIP below differs from the valid 19860926 201505 1 001 in one group only.
  it.each([
    ['too short', '1986092620150510', 'length'],
    ['a letter', '19860926201505100A', 'characters'],
    ['an empty value', '%20', 'empty'],
    ['30 February', '198602302015051001', 'birth_date_impossible'],
    ['a birth date after today', '202512012015051001', 'birth_date_in_future'],
    ['an appointment after today', '198609262025011001', 'appointment_in_future'],
    ['an appointment before birth', '198609261980011001', 'appointment_before_birth'],
    ['an appointment at 17', '198609262004011001', 'appointment_before_age_18'],
    ['gender digit 3', '198609262015053001', 'gender_digit'],
    ['sequence 000', '198609262015051000', 'sequence_zero'],
  ])('refuses %s with 422 and code %s', async (_label, nip, code) => {
    const body = await invalid(nip);
    expect(body.error.details.problems.map((p) => p.code)).toContain(code);
    // Every problem appears as a field message too, so a form can list them all.
    expect(body.error.fields).toHaveLength(body.error.details.problems.length);
    expect(body.error.fields.every((f) => f.field === 'nip' && f.message.length > 0)).toBe(true);
  });

  it('lists every problem at once, not just the first', async () => {
    const body = await invalid('198602302015133000');
    expect(body.error.details.problems.map((p) => p.code).sort()).toEqual(
      ['appointment_month_impossible', 'birth_date_impossible', 'gender_digit', 'sequence_zero'].sort(),
    );
    expect(body.error.message).toBe('NIP tidak valid: 4 masalah.');
  });

  it('decodes an NI PPPK with kind=pppk, without reading its code as a month', async () => {
    const res = await t.app.inject('/api/v1/nip/199001012021231002?kind=pppk');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      kind: 'pppk',
      nip: '199001012021231002',
      formatted: '19900101 2021 23 1 002',
      birthDate: '1990-01-01',
      appointmentYear: 2021,
      code: '23',
      gender: 'male',
      sequence: 2,
    });
    // The same digits read as a PNS NIP have an impossible month 23.
    const asPns = await invalid('199001012021231002');
    expect(asPns.error.details.problems.map((p) => p.code)).toEqual(['appointment_month_impossible']);
  });

  it('names the NI PPPK in its error message', async () => {
    const body = await invalid('199001012031231002?kind=pppk');
    expect(body.error.message).toBe('NI PPPK tidak valid: 1 masalah.');
    expect(body.error.details.problems.map((p) => p.code)).toEqual(['appointment_in_future']);
  });

  it('refuses an unknown kind with 400 on the kind field', async () => {
    const res = await t.app.inject('/api/v1/nip/198609262015051001?kind=honorer');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('query.kind');
  });
});
