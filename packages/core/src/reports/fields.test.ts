import { describe, expect, it } from 'vitest';
import { MAX_WITNESSES, REPORT_FIELD_LIMITS, checkReportedNip, filledWitnesses, reportFieldProblems, type ReportFieldsInput } from './fields.ts';

const today = '2024-10-20';

const good: ReportFieldsInput = {
  electionId: 'pilkada-2024',
  regionCode: '35.10',
  place: 'Balai Desa Sukamaju (fiktif)',
  occurredOn: '2024-10-10',
  knownOn: '2024-10-12',
  description: 'Seorang guru mengunggah foto bersama pasangan calon (fiktif).',
  actCodes: ['A07'],
  reportedName: 'Guru SD (fiktif)',
  anonymous: false,
  reporterName: 'Sari Wulandari (fiktif)',
  reporterAddress: 'Jl. Melati 3, Banyuwangi',
  reporterBirthPlace: 'Banyuwangi',
  reporterBirthDate: '1990-05-01',
  reporterGender: 'P',
  reporterOccupation: 'Pedagang',
  reporterNationality: 'Indonesia',
  witnesses: [{ name: 'Budi Santoso (fiktif)', phone: '0812 3456 7890' }],
};

const fieldsOf = (input: ReportFieldsInput, identity: 'required' | 'optional' | 'none' = 'required') => reportFieldProblems(input, { today, identity }).map((p) => p.field);

describe('reportFieldProblems', () => {
  it('accepts a complete named report with a witness', () => {
    expect(reportFieldProblems(good, { today, identity: 'required' })).toEqual([]);
  });

  it('reports every wrong field at once, each in plain Indonesian and English', () => {
    const all = reportFieldProblems(
      {
        electionId: '',
        regionCode: 'Banyuwangi',
        place: 'x',
        occurredOn: '2024-10-25',
        occurredUntil: '2024-10-01',
        knownOn: '2024-10-02',
        description: 'pendek',
        actCodes: ['A99'],
        reportedName: 'x'.repeat(201),
        reportedNip: '198609262035131001',
        reporterName: 'Sari',
        reporterPhone: 'telepon saya',
        reporterEmail: 'sari@',
        reporterBirthDate: '2030-01-01',
        reporterGender: 'X',
        witnesses: [{ phone: '123' }],
      },
      { today, identity: 'required' },
    );
    expect(all.map((p) => p.field).sort()).toEqual(
      [
        'actCodes',
        'description',
        'electionId',
        'knownOn',
        'occurredOn',
        'occurredUntil',
        'place',
        'regionCode',
        'reportedName',
        'reportedNip',
        'reporterAddress',
        'reporterBirthDate',
        'reporterBirthPlace',
        'reporterEmail',
        'reporterGender',
        'reporterNationality',
        'reporterOccupation',
        'reporterPhone',
        'witnesses.0.name',
        'witnesses.0.phone',
      ].sort(),
    );
    const byField = Object.fromEntries(all.map((p) => [p.field, p.message]));
    expect(byField.description).toEqual({ id: 'Minimal 20 karakter (sekarang 6).', en: 'At least 20 characters (now 6).' });
    expect(byField.reportedName.id).toBe('Paling banyak 200 karakter (sekarang 201).');
    expect(byField.occurredOn.id).toBe('Tanggal tidak boleh setelah hari ini.');
    // The NIP fails on its month (13): the message says so and suggests leaving it empty.
    expect(byField.reportedNip.id).toMatch(/^NIP tidak valid: .*bulan 13.*Kosongkan bila tidak tahu\.$/);
    // No library text anywhere.
    for (const p of all) expect(`${p.message.id} ${p.message.en}`).not.toMatch(/string|expected|Terlalu|diharapkan/i);
  });

  it('asks nothing of an anonymous reporter, and only name of a paper report (the paper keeps what it held)', () => {
    expect(fieldsOf({ ...good, anonymous: true, reporterName: '', reporterAddress: '', reporterGender: '' })).toEqual([]);
    const paper = { ...good, reporterAddress: '', reporterBirthPlace: '', reporterBirthDate: '', reporterGender: '', reporterOccupation: '', reporterNationality: '' };
    expect(fieldsOf(paper, 'optional')).toEqual([]);
    expect(fieldsOf({ ...paper, reporterName: '' }, 'optional')).toEqual(['reporterName']);
    expect(fieldsOf({ ...paper, reporterName: '' }, 'none')).toEqual([]);
  });

  it('counts characters, not UTF-16 units, at the exact bounds', () => {
    const max = REPORT_FIELD_LIMITS.description.max;
    expect(fieldsOf({ ...good, description: 'é'.repeat(max) })).toEqual([]);
    expect(fieldsOf({ ...good, description: '😀'.repeat(max) })).toEqual([]);
    expect(fieldsOf({ ...good, description: 'a'.repeat(max + 1) })).toEqual(['description']);
    expect(fieldsOf({ ...good, place: 'abc' })).toEqual([]);
    expect(fieldsOf({ ...good, place: '  ab  ' })).toEqual(['place']);
  });

  it('dates: format, today allowed, after today refused, order between them, receipt after knowing', () => {
    expect(fieldsOf({ ...good, occurredOn: '2024-02-30' })).toEqual(['occurredOn']);
    expect(fieldsOf({ ...good, occurredOn: today, knownOn: today })).toEqual([]);
    expect(fieldsOf({ ...good, knownOn: '2024-10-21' })).toEqual(['knownOn']);
    expect(fieldsOf({ ...good, receivedOn: '2024-10-11' }, 'optional')).toEqual(['receivedOn']);
    expect(fieldsOf({ ...good, receivedOn: '2024-10-12' }, 'optional')).toEqual([]);
  });

  it('witnesses: blank rows are ignored, a row needs a name, at most five', () => {
    expect(fieldsOf({ ...good, witnesses: [{ name: '', address: ' ', phone: '' }] })).toEqual([]);
    expect(fieldsOf({ ...good, witnesses: [{ address: 'Jl. Mawar 1' }] })).toEqual(['witnesses.0.name']);
    const many = Array.from({ length: MAX_WITNESSES + 1 }, (_, i) => ({ name: `Saksi ${i + 1} (fiktif)` }));
    expect(fieldsOf({ ...good, witnesses: many })).toEqual(['witnesses']);
    expect(filledWitnesses([{ name: ' Ani ', phone: '' }, { name: '', address: '' }])).toEqual([{ name: 'Ani', address: null, phone: null }]);
  });
});

describe('checkReportedNip', () => {
  it('accepts a PNS NIP or an NI PPPK, spaces allowed', () => {
    expect(checkReportedNip('19860926 201505 1 001', today)).toEqual({ nip: '198609262015051001' });
    // An NI PPPK: "month" 21 is its 2-digit code, not a month.
    expect(checkReportedNip('199001012021211001', today)).toEqual({ nip: '199001012021211001' });
  });
  it('explains the PNS reading when neither fits', () => {
    const result = checkReportedNip('12345', today);
    expect('problem' in result && result.problem.id).toMatch(/18 digit/);
  });
});
