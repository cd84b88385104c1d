import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIdentity } from '../../security/vault.ts';
import { storedPath } from '../../storage/evidence-store.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { verifyAuditChain } from '../audit/service.ts';
import { caseLedger } from '../cases/ledger.ts';
import { fileReport } from './intake.service.ts';
import { REPORTER_PARTICULARS, fictionalReport, hasExif, jpegWithExif, pngScreenshot, samplePdf, submitReport } from '../../testing/reports.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ reports: { submissionsPerHour: 3 } });
});
afterAll(async () => t.close());

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const count = async (table: 'reports' | 'cases' | 'evidence' | 'audit_log' | 'case_events' | 'reporter_identities') =>
  Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('POST /api/v1/reports: an anonymous report with evidence', () => {
  it('answers 201 with a receipt and a secret, and opens a case with its first deadline', async () => {
    const photo = await jpegWithExif();
    const pdf = await samplePdf();
    const res = await submitReport(t, fictionalReport(), [
      { name: 'foto.jpg', data: photo, type: 'image/jpeg' },
      { name: 'tangkapan.pdf', data: pdf, type: 'application/pdf' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt.receiptNumber).toMatch(/^NTR-2024-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(receipt.secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(receipt.caseNumber).toMatch(/^NTR-2024-\d{6}$/);
    expect(receipt).toMatchObject({ receivedOn: '2024-10-01', lateByDays: 0 });
    expect(receipt.warning).toBeUndefined();

    const report = await t.ctx.db.selectFrom('reports').selectAll().where('receipt_number', '=', receipt.receiptNumber).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ source: 'public', anonymous: true, region_code: '35.10', received_on: '2024-10-01', reported_name_normalised: 'bambang sutejo fiktif', act_codes: ['A07', 'A02'] });
    // Only an Argon2id hash of the secret is stored.
    expect(report.secret_hash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(report.secret_hash).not.toContain(receipt.secret);
    const kase = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', report.case_id).executeTakeFirstOrThrow();
    // Pilkada: Bawaslu decides within 3 calendar days of receipt.
    expect(kase).toMatchObject({ number: receipt.caseNumber, state: 'received', received_on: '2024-10-01', next_deadline_code: 'review', next_deadline_due: '2024-10-04', election_id: 'pilkada-2024' });
    const events = await t.ctx.db.selectFrom('case_events').selectAll().where('case_id', '=', kase.id).execute();
    expect(events).toEqual([expect.objectContaining({ kind: 'received', to_state: 'received', public: true })]);
    expect(await t.ctx.db.selectFrom('reporter_identities').select('report_id').where('report_id', '=', report.id).execute()).toEqual([]);

    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_id', 'in', [report.id, kase.id]).orderBy('seq').execute();
    expect(audit).toEqual([
      { action: 'report.received', entity_id: report.id },
      { action: 'case.opened', entity_id: kase.id },
    ]);
    expect((await verifyAuditChain(t.ctx)).ok).toBe(true);
  });

  it('keeps the original photo (with EXIF) for the case and a stripped copy for everyone else', async () => {
    const photo = await jpegWithExif('#2e86c1');
    const pdf = await samplePdf();
    const res = await submitReport(t, fictionalReport({ reportedName: 'Sri Wahyuni Fiktif' }), [
      { name: 'IMG_0001.JPG', data: photo, type: 'image/jpeg' },
      { name: 'surat.pdf', data: pdf },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const rows = await t.ctx.db
      .selectFrom('evidence as e')
      .innerJoin('reports as r', 'r.id', 'e.report_id')
      .select(['e.original_name', 'e.mime_type', 'e.size_bytes', 'e.sha256', 'e.storage_key', 'e.public_copy_key', 'e.added_by'])
      .where('r.receipt_number', '=', res.json().receiptNumber)
      .orderBy('e.original_name')
      .execute();
    expect(rows.map((r) => [r.original_name, r.mime_type, r.size_bytes, r.sha256, r.added_by])).toEqual([
      ['IMG_0001.JPG', 'image/jpeg', photo.length, sha256(photo), 'reporter'],
      ['surat.pdf', 'application/pdf', pdf.length, sha256(pdf), 'reporter'],
    ]);
    const [image, document] = rows;
    const original = fs.readFileSync(storedPath(t.ctx.evidenceDir, image.storage_key!));
    expect(original.equals(photo)).toBe(true);
    expect(await hasExif(original)).toBe(true);
    const copy = fs.readFileSync(storedPath(t.ctx.evidenceDir, image.public_copy_key!));
    expect(await hasExif(copy)).toBe(false);
    expect(copy.includes(Buffer.from('Pelapor'))).toBe(false);
    // A PDF gets no public copy: its metadata cannot be stripped reliably.
    expect(document.public_copy_key).toBeNull();
    // Nothing is left behind in the upload area.
    expect(fs.readdirSync(path.join(t.ctx.evidenceDir, 'incoming'))).toEqual([]);
  });

  it('accepts a report as JSON without evidence, and a PNG screenshot', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { ...fictionalReport(), anonymous: true }, headers: { 'x-forwarded-for': '10.9.9.1' } });
    expect(json.statusCode, json.body).toBe(201);
    const screenshot = await submitReport(t, fictionalReport(), [{ name: 'layar.png', data: await pngScreenshot() }]);
    expect(screenshot.statusCode, screenshot.body).toBe(201);
  });
});

describe('evidence that is refused', () => {
  it('reads the type from the content: a text file named .jpg is refused with a field message', async () => {
    const before = await count('reports');
    const res = await submitReport(t, fictionalReport(), [{ name: 'foto.jpg', data: Buffer.from('ini bukan gambar, hanya teks biasa'), type: 'image/jpeg' }]);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.fields).toEqual([{ field: 'body.evidence', message: expect.stringContaining('"foto.jpg" bukan JPEG, PNG, WebP, HEIC, HEIF, PDF') }]);
    expect(await count('reports')).toBe(before);
    const english = await submitReport(t, fictionalReport(), [{ name: 'photo.jpg', data: Buffer.from('plain text') }], { query: '?lang=en' });
    expect(english.json().error.fields[0].message).toMatch(/checked from the content/);
  });

  it('refuses a sixth file', async () => {
    const photo = await jpegWithExif();
    const files = Array.from({ length: 6 }, (_, i) => ({ name: `foto-${i}.jpg`, data: photo }));
    const res = await submitReport(t, fictionalReport(), files);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'body.evidence', message: 'Paling banyak 5 berkas.' }]);
  });

  it('refuses a file over 10 MB and files over 25 MB together', async () => {
    const photo = await jpegWithExif();
    const big = Buffer.concat([photo, Buffer.alloc(10 * 1024 * 1024 + 1 - photo.length)]);
    const tooBig = await submitReport(t, fictionalReport(), [{ name: 'besar.jpg', data: big }]);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.fields[0]).toEqual({ field: 'body.evidence', message: expect.stringContaining('"besar.jpg" lebih dari 10 MB') });
    const nine = Buffer.concat([photo, Buffer.alloc(9 * 1024 * 1024 - photo.length)]);
    const together = await submitReport(t, fictionalReport(), [1, 2, 3].map((i) => ({ name: `f${i}.jpg`, data: nine })));
    expect(together.statusCode).toBe(413);
    expect(together.json().error.fields[0].message).toMatch(/semua berkas lebih dari 25 MB/);
  });
});

describe('field-level validation, in Indonesian or English', () => {
  it('names every missing or malformed field', async () => {
    const res = await submitReport(t, { electionId: 'pilkada-2024', regionCode: '3510', occurredOn: '2024-13-01', description: 'pendek' });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['body.description', 'body.knownOn', 'body.occurredOn', 'body.place', 'body.regionCode', 'body.reportedName']));
    expect(res.json().error.message).toMatch(/tidak valid/);
    const english = await submitReport(t, { electionId: 'pilkada-2024', regionCode: '3510' }, [], { headers: { 'accept-language': 'en' } });
    expect(english.json().error.message).toMatch(/invalid/);
    expect(english.json().error.fields.find((f: { field: string }) => f.field === 'body.regionCode').message).toBe('Choose a province or regency/city (code PP or PP.KK).');
  });

  it('checks dates against each other and against today', async () => {
    const order = await submitReport(t, fictionalReport({ occurredOn: '2024-09-28', occurredUntil: '2024-09-27', knownOn: '2024-09-20' }));
    expect(order.statusCode).toBe(400);
    expect(order.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body.knownOn', 'body.occurredUntil']);
    const future = await submitReport(t, fictionalReport({ occurredOn: '2024-10-02', knownOn: '2024-10-02' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual([
      { field: 'body.occurredOn', message: 'Tanggal tidak boleh setelah hari ini.' },
      { field: 'body.knownOn', message: 'Tanggal tidak boleh setelah hari ini.' },
    ]);
  });

  it('asks a named reporter for a name, and explains an impossible NIP', async () => {
    const unnamed = await submitReport(t, fictionalReport({ anonymous: 'false' }));
    expect(unnamed.json().error.fields).toEqual([{ field: 'body.reporterName', message: 'Isi nama Anda, atau pilih "kirim tanpa nama (anonim)".' }]);
    // Impossible as a PNS NIP and as an NI PPPK: there is no 13th month of birth.
    const nip = await submitReport(t, fictionalReport({ reportedNip: '198613262015051001' }));
    expect(nip.statusCode).toBe(400);
    expect(nip.json().error.fields).toEqual([{ field: 'body.reportedNip', message: expect.stringMatching(/^NIP tidak valid: .*13.*Kosongkan bila tidak tahu\.$/) }]);
  });

  it('refuses an unknown election, an unknown act and a region that does not take part', async () => {
    const unknown = await submitReport(t, fictionalReport({ electionId: 'pilkada-1999', actCodes: ['A13'] }));
    // Both at once: one pass.
    expect(unknown.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body.actCodes', 'body.electionId']);
    const election = await submitReport(t, fictionalReport({ electionId: 'pilkada-1999' }));
    expect(election.json().error.fields).toEqual([{ field: 'body.electionId', message: 'Pemilihan "pilkada-1999" tidak dikenal.' }]);
    // DI Yogyakarta elects no governor in Pilkada 2024.
    const yogyakarta = await submitReport(t, fictionalReport({ regionCode: '34' }));
    expect(yogyakarta.json().error.fields).toEqual([{ field: 'body.regionCode', message: expect.stringContaining('tidak ikut Pemilihan Kepala Daerah Serentak 2024') }]);
  });
});

describe('the civil servant named in a report', () => {
  it('links the register row with that NIP, and the case to its agency', async () => {
    const agency = await t.ctx.db.insertInto('agencies').values({ code: 'UJI-35.10', name: 'Pemerintah Kabupaten Banyuwangi (uji)', region_code: '35.10' }).returning('id').executeTakeFirstOrThrow();
    const asn = await t.ctx.db
      .insertInto('asn')
      .values({ nip: '198609262015051001', kind: 'pns', name: 'Bambang Sutejo Fiktif', gender: 'male', birth_date: '1986-09-26', position_title: 'Guru Ahli Muda', position_type: 'functional', agency_id: agency.id, region_code: '35.10' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await submitReport(t, fictionalReport({ reportedNip: '19860926 201505 1 001' }));
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.ctx.db
      .selectFrom('reports as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .select(['r.reported_nip', 'r.asn_id', 'c.asn_id as caseAsn', 'c.agency_id'])
      .where('r.receipt_number', '=', res.json().receiptNumber)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ reported_nip: '198609262015051001', asn_id: asn.id, caseAsn: asn.id, agency_id: agency.id });
  });
});

describe('a named reporter', () => {
  it("keeps the reporter's identity apart from the report, encrypted with a key outside the database", async () => {
    const res = await submitReport(
      t,
      fictionalReport({ anonymous: 'false', reporterName: 'Rina Kusumawati Fiktif', reporterAddress: 'Jl. Melati 12, Sukamaju', reporterPhone: '+62 812-0000-0000', reporterEmail: 'rina@contoh.test' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const report = await t.ctx.db.selectFrom('reports').selectAll().where('receipt_number', '=', res.json().receiptNumber).executeTakeFirstOrThrow();
    expect(report.anonymous).toBe(false);
    expect(JSON.stringify(report)).not.toContain('Rina');
    const { sealed } = await t.ctx.db.selectFrom('reporter_identities').select('sealed').where('report_id', '=', report.id).executeTakeFirstOrThrow();
    // Sealed under a data key of its own (security/vault.ts), itself wrapped by the master key.
    expect(sealed).toMatch(/^k1:/);
    expect(sealed).not.toContain('Rina');
    expect(Buffer.from(sealed.split(':').at(-1)!, 'base64').toString('latin1')).not.toContain('Rina');
    // Nowhere in the database in clear text.
    const anywhere = await sql<{ n: number }>`SELECT count(*)::int AS n FROM reporter_identities WHERE sealed ILIKE '%Kusumawati%'`.execute(t.ctx.db);
    expect(anywhere.rows[0].n).toBe(0);
    expect(JSON.parse((await openIdentity(t.ctx.db, t.ctx.encryptionKey, sealed))!)).toEqual({
      name: 'Rina Kusumawati Fiktif',
      address: 'Jl. Melati 12, Sukamaju',
      phone: '+62 812-0000-0000',
      email: 'rina@contoh.test',
      // The official form's particulars, sealed with the name.
      birthPlace: 'Banyuwangi',
      birthDate: '1988-03-14',
      gender: 'P',
      occupation: 'Pedagang',
      nationality: 'Indonesia',
      witnesses: [],
    });
  });

  it('seals the witnesses of an anonymous report in a vault of their own, with no name, and a named report must give its particulars', async () => {
    const witnesses = JSON.stringify([{ name: 'Budi Saksi Fiktif', address: 'Jl. Kenanga 4', phone: '0812 3333 4444' }, { name: '', address: '', phone: '' }]);
    const res = await submitReport(t, fictionalReport({ witnesses }));
    expect(res.statusCode, res.body).toBe(201);
    const report = await t.ctx.db.selectFrom('reports').selectAll().where('receipt_number', '=', res.json().receiptNumber).executeTakeFirstOrThrow();
    expect(report.anonymous).toBe(true);
    expect(JSON.stringify(report)).not.toContain('Budi');
    const vault = await t.ctx.db.selectFrom('reporter_identities').select(['sealed', 'named', 'witness_count']).where('report_id', '=', report.id).executeTakeFirstOrThrow();
    expect(vault).toMatchObject({ named: false, witness_count: 1 });
    expect(JSON.parse((await openIdentity(t.ctx.db, t.ctx.encryptionKey, vault.sealed))!)).toMatchObject({ name: null, witnesses: [{ name: 'Budi Saksi Fiktif', address: 'Jl. Kenanga 4', phone: '0812 3333 4444' }] });

    const bare = await submitReport(t, { ...fictionalReport(), anonymous: 'false', reporterName: 'Rina Fiktif' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(
      ['body.reporterAddress', 'body.reporterBirthDate', 'body.reporterBirthPlace', 'body.reporterGender', 'body.reporterNationality', 'body.reporterOccupation'].sort(),
    );
  });
});

describe('one pass: a report with every field wrong gets every error in one answer', () => {
  it('lists the file, the lengths, the dates, the NIP, the e-mail, the phone and the witness together, in Indonesian or English, without library text', async () => {
    const before = await count('reports');
    const everythingWrong = {
      electionId: 'pilkada-2024',
      regionCode: '35.10',
      place: 'x',
      occurredOn: '2024-10-05',
      occurredUntil: '2024-09-01',
      knownOn: '2024-09-02',
      description: 'x'.repeat(5001),
      actCodes: ['A07'],
      reportedName: 'B',
      reportedNip: '198613262015051001',
      anonymous: 'false',
      reporterName: 'Rina Fiktif',
      reporterAddress: 'Jl. Melati 12',
      reporterBirthPlace: 'Banyuwangi',
      reporterBirthDate: '1988-03-14',
      reporterGender: 'P',
      reporterOccupation: 'Guru',
      reporterNationality: 'Indonesia',
      reporterEmail: 'rina@',
      reporterPhone: 'nomor saya',
      witnesses: JSON.stringify([{ address: 'tanpa nama' }]),
    };
    const exe = { name: 'foto.jpg', data: Buffer.from('MZ\x90\x00 disguised program'), type: 'image/jpeg' };
    const res = await submitReport(t, everythingWrong, [exe]);
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as Array<{ field: string; message: string }>;
    expect(fields.map((f) => f.field).sort()).toEqual(
      [
        'body.evidence',
        'body.place',
        'body.occurredOn',
        'body.occurredUntil',
        'body.knownOn',
        'body.description',
        'body.reportedName',
        'body.reportedNip',
        'body.reporterEmail',
        'body.reporterPhone',
        'body.witnesses.0.name',
      ].sort(),
    );
    const message = (field: string) => fields.find((f) => f.field === `body.${field}`)!.message;
    expect(message('description')).toBe('Paling banyak 5000 karakter (sekarang 5001).');
    expect(message('occurredOn')).toBe('Tanggal tidak boleh setelah hari ini.');
    for (const f of fields) expect(f.message).not.toMatch(/Terlalu besar|diharapkan|string|expected/i);
    expect(await count('reports')).toBe(before);
    // Nothing of the refused file is left behind.
    expect(fs.readdirSync(path.join(t.ctx.evidenceDir, 'incoming'))).toEqual([]);

    const english = await submitReport(t, everythingWrong, [exe], { query: '?lang=en' });
    const en = english.json().error.fields as Array<{ field: string; message: string }>;
    expect(en).toHaveLength(fields.length);
    expect(en.find((f) => f.field === 'body.description')!.message).toBe('At most 5000 characters (now 5001).');
  });
});

describe('a slow phone retrying', () => {
  it('gets the same receipt and secret back for the same Idempotency-Key, and one report is stored', async () => {
    const key = 'b9d2c3f0-0000-4000-8000-retry-uji-1';
    const photo = await jpegWithExif();
    const first = await submitReport(t, fictionalReport({ reportedName: 'Joko Santoso Fiktif' }), [{ name: 'a.jpg', data: photo }], { headers: { 'idempotency-key': key } });
    expect(first.statusCode, first.body).toBe(201);
    const before = await count('reports');
    const retry = await submitReport(t, fictionalReport({ reportedName: 'Joko Santoso Fiktif' }), [{ name: 'a.jpg', data: photo }], { headers: { 'idempotency-key': key } });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await count('reports')).toBe(before);
    const track = await t.app.inject({ method: 'POST', url: '/api/v1/reports/track', payload: { receiptNumber: first.json().receiptNumber, secret: retry.json().secret } });
    expect(track.statusCode).toBe(200);
  });

  it('files both when two submissions with the same key race, answering both with one receipt', async () => {
    const key = 'race-key-0001-uji';
    const [a, b] = await Promise.all([1, 2].map(() => submitReport(t, fictionalReport({ reportedName: 'Dewi Lestari Fiktif' }), [], { headers: { 'idempotency-key': key } })));
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().receiptNumber).toBe(b.json().receiptNumber);
    const rows = await t.ctx.db.selectFrom('reports').select('id').where('reported_name', '=', 'Dewi Lestari Fiktif').execute();
    expect(rows).toHaveLength(1);
  });
});

describe('an Idempotency-Key replayed with another body', () => {
  it('is refused with 409 and answers no receipt and no secret', async () => {
    const key = 'replay-other-body-uji-0001';
    const first = await submitReport(t, fictionalReport({ reportedName: 'Teguh Prasetyo Fiktif' }), [], { headers: { 'idempotency-key': key } });
    expect(first.statusCode, first.body).toBe(201);
    const before = await count('reports');
    // Another reporter (another address) guessing or reusing the key with their own report.
    const other = await submitReport(t, fictionalReport({ reportedName: 'Teguh Prasetyo Fiktif', description: 'Isi lain yang dikirim orang lain dengan kunci yang sama, fiktif.' }), [], {
      headers: { 'idempotency-key': key },
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('idempotency_conflict');
    expect(other.body).not.toContain(first.json().receiptNumber);
    expect(other.body).not.toContain(first.json().secret);
    expect(other.body).not.toContain(first.json().caseNumber);
    // The same fields with a file added is another body too.
    const withFile = await submitReport(t, fictionalReport({ reportedName: 'Teguh Prasetyo Fiktif' }), [{ name: 'a.png', data: await pngScreenshot() }], { headers: { 'idempotency-key': key } });
    expect(withFile.statusCode).toBe(409);
    expect(await count('reports')).toBe(before);
    // The identical body still gets its receipt and secret back.
    const same = await submitReport(t, fictionalReport({ reportedName: 'Teguh Prasetyo Fiktif' }), [], { headers: { 'idempotency-key': key } });
    expect(same.statusCode).toBe(201);
    expect(same.json()).toEqual(first.json());
  });
});

describe('an anonymous public report leaves no trace of its sender', () => {
  it('stores no address or user agent in the audit log or the rate-limit counters', async () => {
    const address = '198.51.100.77';
    const agent = 'Mozilla/5.0 (Linux; Android 14; FiktifPhone) NetraUji/1.0';
    const res = await submitReport(t, fictionalReport({ reportedName: 'Yanti Sulastri Fiktif' }), [], { ip: address, headers: { 'user-agent': agent } });
    expect(res.statusCode, res.body).toBe(201);
    const report = await t.ctx.db.selectFrom('reports').select(['id', 'case_id']).where('receipt_number', '=', res.json().receiptNumber).executeTakeFirstOrThrow();
    const audit = await t.ctx.db.selectFrom('audit_log').select(['ip', 'user_agent']).where('entity_id', 'in', [report.id, report.case_id]).execute();
    expect(audit).toEqual([
      { ip: null, user_agent: null },
      { ip: null, user_agent: null },
    ]);
    // Nowhere in any table: every text column of the database searched for the address and agent.
    const hits = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (
        SELECT to_jsonb(a) AS j FROM audit_log a UNION ALL SELECT to_jsonb(r) FROM rate_limit_hits r
        UNION ALL SELECT to_jsonb(p) FROM reports p UNION ALL SELECT to_jsonb(c) FROM case_events c
      ) x WHERE j::text LIKE ${'%' + address + '%'} OR j::text LIKE ${'%FiktifPhone%'}`.execute(t.ctx.db);
    expect(hits.rows[0].n).toBe(0);
  });
});

describe('the reporting window and reception hours', () => {
  it('accepts a late report, flagged with a warning that Bawaslu may treat it as information', async () => {
    const res = await submitReport(t, fictionalReport({ occurredOn: '2024-09-10', knownOn: '2024-09-12' }));
    expect(res.statusCode).toBe(201);
    // Known 12 Sep; the 7 calendar days end on 19 Sep; filed 1 Oct: 12 days late.
    expect(res.json()).toMatchObject({ lateByDays: 12, warning: expect.stringContaining('12 hari melewati batas waktu pelaporan (paling lambat 2024-09-19') });
    expect(res.json().warning).toMatch(/informasi awal/);
    const row = await t.ctx.db.selectFrom('reports').select('late_by_days').where('receipt_number', '=', res.json().receiptNumber).executeTakeFirstOrThrow();
    expect(row.late_by_days).toBe(12);
  });

  it('tells the form before submitting whether the window has passed', async () => {
    const late = await t.app.inject('/api/v1/reports/window?electionId=pilkada-2024&regionCode=35.10&knownOn=2024-09-12&lang=en');
    expect(late.json()).toMatchObject({ withinWindow: false, daysLate: 12, lastDay: '2024-09-19', counting: 'calendar', receivedOn: '2024-10-01', warning: expect.stringContaining('12 day(s) past') });
    const inTime = await t.app.inject('/api/v1/reports/window?electionId=pilkada-2024&regionCode=35.10&knownOn=2024-09-29');
    expect(inTime.json()).toMatchObject({ withinWindow: true, daysLate: 0, lastDay: '2024-10-06' });
    expect(inTime.json().warning).toBeUndefined();
  });

  it('counts a report filed after 16:00 local time as received the next day', async () => {
    try {
      // 17:30 WIB on 1 October.
      t.setNow('2024-10-01T10:30:00Z');
      const res = await submitReport(t, fictionalReport({ knownOn: '2024-10-01', occurredOn: '2024-10-01' }));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().receivedOn).toBe('2024-10-02');
      // The receipt says why, from the same rule that dated it.
      expect(res.json().receivedNote).toBe('Dikirim 1 Oktober 2024 pukul 17.30 WIB, setelah jam penerimaan Bawaslu (08:00–16:00 WIB); dihitung diterima pada hari berikutnya, 2 Oktober 2024. Tenggat dihitung sejak tanggal itu.');
      const window = await t.app.inject('/api/v1/reports/window?electionId=pilkada-2024&regionCode=35.10&knownOn=2024-10-01&lang=en');
      expect(window.json().receivedNote).toContain('Sent on 1 October 2024 at 17:30 WIB, after Bawaslu');
      const kase = await t.ctx.db.selectFrom('cases').select(['received_on', 'next_deadline_due']).where('number', '=', res.json().caseNumber).executeTakeFirstOrThrow();
      expect(kase).toEqual({ received_on: '2024-10-02', next_deadline_due: '2024-10-05' });
      // The same instant in Kalimantan Timur (WITA) is 18:30, also after hours.
      const samarinda = await submitReport(t, fictionalReport({ regionCode: '64', knownOn: '2024-10-01', occurredOn: '2024-10-01' }));
      expect(samarinda.json().receivedOn).toBe('2024-10-02');
      expect(samarinda.json().receivedNote).toContain('pukul 18.30 WITA');
    } finally {
      t.setNow('2024-10-01T03:00:00Z');
    }
  });
});

describe('per-address limit on public submissions', () => {
  it('refuses the fourth report in an hour from one address with a friendly Indonesian message', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < 3; i++) expect((await submitReport(t, fictionalReport(), [], { ip })).statusCode).toBe(201);
    const refused = await submitReport(t, fictionalReport(), [], { ip });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toEqual({ code: 'rate_limited', message: expect.stringMatching(/^Terlalu banyak laporan dikirim dari jaringan Anda .* Isian Anda tetap tersimpan di formulir; silakan kirim lagi dalam 60 menit\.$/) });
    expect(refused.headers['retry-after']).toBeDefined();
    // Another address is not affected.
    expect((await submitReport(t, fictionalReport(), [], { ip: '192.0.2.78' })).statusCode).toBe(201);
  });
});

describe('crash safety', () => {
  it('leaves nothing behind when the transaction fails after the report was inserted', async () => {
    const photo = await jpegWithExif();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-crash-'));
    const tempPath = path.join(dir, 'upload');
    fs.writeFileSync(tempPath, photo);
    const before = await Promise.all((['reports', 'cases', 'evidence', 'audit_log', 'case_events', 'reporter_identities'] as const).map(count));
    // An evidence row PostgreSQL must refuse (size beyond `integer`): the failure comes after the
    // case, the report and the identity were inserted in the same transaction.
    const impossible = { tempPath, sha256: sha256(photo), sizeBytes: 2 ** 40, originalName: 'foto.jpg', mimeType: 'image/jpeg' };
    const input = { ...fictionalReport(), ...REPORTER_PARTICULARS, anonymous: false, reporterName: 'Pelapor Fiktif', actCodes: ['A07'] } as unknown as Parameters<typeof fileReport>[3];
    await expect(fileReport(t.ctx, caseLedger, { actor: null, meta: { ip: null, userAgent: null } }, input, [impossible], { source: 'public' })).rejects.toThrow(/out of range/);
    const after = await Promise.all((['reports', 'cases', 'evidence', 'audit_log', 'case_events', 'reporter_identities'] as const).map(count));
    expect(after).toEqual(before);
    expect((await verifyAuditChain(t.ctx)).ok).toBe(true);
    // The file itself was made durable first: an orphan, content-addressed, harmless.
    expect(fs.existsSync(storedPath(t.ctx.evidenceDir, `sha256/${sha256(photo).slice(0, 2)}/${sha256(photo)}`))).toBe(true);
  });

  it('files every other report of a group commit when one of them fails, each with its case, identity, evidence and audit entries', async () => {
    const photo = await jpegWithExif('#884400');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-group-'));
    const upload = (name: string, sizeBytes = photo.length) => {
      const tempPath = path.join(dir, name);
      fs.writeFileSync(tempPath, photo);
      return { tempPath, sha256: sha256(photo), sizeBytes, originalName: 'foto.jpg', mimeType: 'image/jpeg' };
    };
    const tables = ['reports', 'cases', 'evidence', 'audit_log', 'case_events', 'reporter_identities'] as const;
    const before = await Promise.all(tables.map(count));
    const named = (name: string) => ({ ...fictionalReport({ reportedName: name }), ...REPORTER_PARTICULARS, anonymous: false, reporterName: 'Pelapor Fiktif', actCodes: ['A07'] }) as unknown as Parameters<typeof fileReport>[3];
    const filer = { actor: null, meta: { ip: null, userAgent: null } };
    // Filed together (they arrive while others commit): one evidence row PostgreSQL must refuse.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        fileReport(t.ctx, caseLedger, filer, i % 2 ? named(`Kelompok ${i} Fiktif`) : fictionalReport({ reportedName: `Kelompok ${i} Fiktif` }), [upload(`u${i}`, i === 5 ? 2 ** 40 : photo.length)], {
          source: 'public',
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(String((outcomes[5] as PromiseRejectedResult).reason)).toMatch(/out of range/);
    const receipts = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(new Set(receipts.map((r) => r.receiptNumber)).size).toBe(7);
    const after = await Promise.all(tables.map(count));
    // 7 reports, cases, evidence rows and first events; 14 audit entries; the 3 named reporters' identities.
    expect(after.map((n, i) => n - before[i])).toEqual([7, 7, 7, 14, 7, 3]);
    for (const receipt of receipts) {
      const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', 'in', [receipt.reportId, receipt.caseId]).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['report.received', 'case.opened']);
    }
    expect((await verifyAuditChain(t.ctx)).ok).toBe(true);
  });
});
