/**
 * The purge with a controlled clock: reports with named reporters and photos are filed in the
 * Pilkada 2024 campaign, their cases finished in October 2024; the clock then jumps to January
 * 2027. Expired identities become unreadable (their keys destroyed) and their files leave the
 * store; what a hold covers (a case, a person, a region) is untouched; the purge record says what
 * and by which rule, without content; the public figures are the same before and after.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileNotFoundError } from '../../storage/file-store.ts';
import { checkEncryptionKey } from '../../security/keys.ts';
import { openIdentity } from '../../security/vault.ts';
import { createAgency, createAsn, refreshDashboardsNow } from '../../testing/dashboards.ts';
import { fictionalReport, jpegWithExif, submitReport } from '../../testing/reports.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { insertAccount, insertPost } from '../../testing/screening.ts';
import { runNetra } from '../../testing/cli.ts';
import { RETENTION_KINDS } from '@netra/core';
import type { RequestContext } from '../../http/request-context.ts';
import { candidateBatches, candidates } from './retention.repository.ts';
import { expiryForecast, purgeRun, runPurge } from './retention.service.ts';

let t: TestApp;
let admin: StaffClient;
let bawaslu: StaffClient;

const REPORTER = 'Wulan Anggraini Fiktif';
const CLOSED_AT = '2024-10-10T03:00:00Z';
const LATER = '2027-01-15T03:00:00Z';

interface Filed {
  reportId: string;
  caseId: string;
  evidence: Array<{ id: string; storage_key: string | null; public_copy_key: string | null; sha256: string }>;
}

async function file(colour: string, regionCode = '35.10'): Promise<Filed> {
  const res = await submitReport(t, fictionalReport({ regionCode, anonymous: 'false', reporterName: REPORTER, reporterAddress: 'Jl. Kenanga 3 (fiktif)', reporterPhone: '+62 812-3333-0000' }), [
    { name: 'foto-wulan.jpg', data: await jpegWithExif(colour) },
  ]);
  expect(res.statusCode, res.body).toBe(201);
  const { receiptNumber } = res.json() as { receiptNumber: string };
  const report = await t.ctx.db.selectFrom('reports').select(['id', 'case_id']).where('receipt_number', '=', receiptNumber).executeTakeFirstOrThrow();
  const evidence = await t.ctx.db.selectFrom('evidence').select(['id', 'storage_key', 'public_copy_key', 'sha256']).where('report_id', '=', report.id).execute();
  return { reportId: report.id, caseId: report.case_id, evidence };
}

async function finish(filed: Filed, state: 'classified_not_violation' | 'not_accepted', asnId: number | null) {
  await t.ctx.db.updateTable('cases').set({ state, closed_at: new Date(CLOSED_AT), asn_id: asnId, next_deadline_code: null, next_deadline_due: null }).where('id', '=', filed.caseId).execute();
}

const sealedOf = async (reportId: string) => (await t.ctx.db.selectFrom('reporter_identities').select('sealed').where('report_id', '=', reportId).executeTakeFirstOrThrow()).sealed;
const identityOf = async (reportId: string) => openIdentity(t.ctx.db, t.ctx.encryptionKey, await sealedOf(reportId));
async function fileExists(key: string | null): Promise<boolean> {
  if (key === null) return false;
  try {
    const stream = await t.ctx.files.open(key);
    stream.destroy();
    return true;
  } catch (error) {
    if (error instanceof FileNotFoundError) return false;
    throw error;
  }
}
const publicFigures = async () => {
  await refreshDashboardsNow(t.ctx.db);
  const cube = await sql`SELECT * FROM dash_region_cube ORDER BY election_id, min_reach, region_code, subject, dimension, key`.execute(t.ctx.db);
  const agencies = await sql`SELECT * FROM dash_agency_summary ORDER BY election_id, min_reach, region_code, agency_id`.execute(t.ctx.db);
  return { cube: cube.rows, agencies: agencies.rows };
};

let expired: Filed;
let heldCase: Filed;
let heldPerson: Filed;
let heldRegion: Filed;
let notAccepted: Filed;
let open: Filed;
let person: number;
let heldAsn: number;
let post: { postId: string; accountId: string };
let linked: { accountId: string };
let inbox: { dismissed: string; held: string; recent: string };

beforeAll(async () => {
  t = await createTestApp();
  await checkEncryptionKey(t.ctx.db, t.ctx.encryptionKey);
  admin = await staffClient(t, 'administrator', null);
  bawaslu = await staffClient(t, 'bawaslu_regency', '35.10');
  const agency = await createAgency(t, '35.10', 'Dinas Pendidikan (fiktif, retensi)');
  person = (await createAsn(t, { agencyId: agency, regionCode: '35.10', name: 'Guru Fiktif Satu', positionTitle: 'Guru Ahli Muda', positionType: 'functional' })).id;
  heldAsn = (await createAsn(t, { agencyId: agency, regionCode: '35.10', name: 'Guru Fiktif Dua', positionTitle: 'Guru Ahli Pertama', positionType: 'functional' })).id;

  expired = await file('#1a5276');
  heldCase = await file('#7d3c98');
  heldPerson = await file('#b9770e');
  heldRegion = await file('#148f77', '16.07');
  notAccepted = await file('#cb4335');
  // The same photo as the held case: one stored file (content-addressed) for two reports.
  open = await file('#7d3c98');
  await finish(expired, 'classified_not_violation', person);
  await finish(heldCase, 'classified_not_violation', person);
  // The held person is the case's second person (issue 15's case_people), not its first.
  await finish(heldPerson, 'classified_not_violation', person);
  await sql`INSERT INTO case_people (case_id, asn_id) VALUES (${heldPerson.caseId}, ${heldAsn})`.execute(t.ctx.db);
  await finish(heldRegion, 'classified_not_violation', null);
  await finish(notAccepted, 'not_accepted', null);
  // Addresses for notices (issue 17), sealed with the master key: they go with the identity.
  for (const filed of [expired, heldCase]) {
    await sql`INSERT INTO reporter_notice_addresses (report_id, email_sealed) VALUES (${filed.reportId}, 'v1:segel:uji:fiktif')`.execute(t.ctx.db);
  }
  // An SMS sender (issue 17's inbox) whose messages became the expired report, and one of a held report.
  for (const filed of [expired, heldCase]) {
    const conversation = await sql<{ id: string }>`
      INSERT INTO inbox_conversations (channel, sender_key, sender_sealed, status, report_id)
      VALUES ('sms', ${`kunci-${filed.reportId}`}, 'v1:nomor:tersegel:fiktif', 'converted', ${filed.reportId}) RETURNING id`.execute(t.ctx.db);
    await sql`INSERT INTO inbox_messages (conversation_id, direction, body) VALUES (${conversation.rows[0]!.id}, 'in', 'Pak Bambang kampanye di balai desa')`.execute(t.ctx.db);
  }
  // SMS/WhatsApp conversations that never became a report (issue 17's inbox): one dismissed in
  // October 2024 with a photo, one dismissed then in a region held as a whole, one still open and recent.
  const inboxConversation = async (regionCode: string, status: 'open' | 'dismissed', at: string, withPhoto: string | null) => {
    const c = await sql<{ id: string }>`
      INSERT INTO inbox_conversations (channel, sender_key, sender_sealed, status, region_code, handled_at, last_message_at, dismiss_reason)
      VALUES ('whatsapp', ${`kunci-${regionCode}-${status}-${at}`}, 'v1:nomor:tersegel:fiktif', ${status}, ${regionCode}, ${status === 'dismissed' ? new Date(at) : null}, ${new Date(at)},
              ${status === 'dismissed' ? 'Bukan pelanggaran (fiktif).' : null}) RETURNING id`.execute(t.ctx.db);
    const m = await sql<{ id: string }>`
      INSERT INTO inbox_messages (conversation_id, direction, body, received_at) VALUES (${c.rows[0]!.id}, 'in', 'Pak Bambang membagikan sembako berstiker paslon', ${new Date(at)}) RETURNING id`.execute(t.ctx.db);
    if (withPhoto) {
      const local = join(t.ctx.evidenceDir, 'uji-retensi-wa.tmp');
      await writeFile(local, await jpegWithExif('#117864'));
      await t.ctx.files.putFile(withPhoto, local, 'image/jpeg');
      await rm(local, { force: true });
      await sql`INSERT INTO inbox_media (message_id, original_name, mime_type, size_bytes, sha256, storage_key)
                VALUES (${m.rows[0]!.id}, 'foto-wa.jpg', 'image/jpeg', 1, ${'0'.repeat(64)}, ${withPhoto})`.execute(t.ctx.db);
    }
    return c.rows[0]!.id;
  };
  inbox = {
    dismissed: await inboxConversation('35.10', 'dismissed', CLOSED_AT, 'inbox/uji-retensi-wa.jpg'),
    held: await inboxConversation('35.16', 'dismissed', CLOSED_AT, null),
    recent: await inboxConversation('35.10', 'open', '2027-01-01T03:00:00Z', null),
  };

  post = await insertPost(t.ctx.db, '35.10');
  await t.ctx.db.updateTable('screening_posts').set({ status: 'dismissed', decided_at: new Date(CLOSED_AT) }).where('id', '=', post.postId).execute();
  linked = await insertAccount(t.ctx.db, '35.10', { asnId: person, status: 'confirmed' });
  await t.ctx.db.updateTable('screening_accounts').set({ link_decided_at: new Date(CLOSED_AT) }).where('id', '=', linked.accountId).execute();

  // Holds: on a case (regional Bawaslu), on a person and on a region for one election (administrator).
  for (const [client, body] of [
    [bawaslu, { targetType: 'case', caseId: heldCase.caseId, reason: 'Gugatan di PTUN Surabaya masih berjalan (fiktif).' }],
    [admin, { targetType: 'person', asnId: heldAsn, reason: 'Permintaan penyidik atas ASN ini (fiktif).' }],
    [admin, { targetType: 'region', regionCode: '16', electionId: 'pilkada-2024', reason: 'Audit BPK atas Provinsi Sumatera Selatan (fiktif).' }],
    [admin, { targetType: 'region', regionCode: '35.16', reason: 'Pemeriksaan Ombudsman atas Kabupaten Mojokerto (fiktif).' }],
  ] as const) {
    const res = await client.post('/api/v1/retention/holds', body);
    expect(res.statusCode, res.body).toBe(201);
  }
  // Finished cases are anonymised, and originals deleted, after one year in Pilkada 2024 (an election's own rule).
  for (const kind of ['closed_case', 'evidence_original']) {
    const res = await admin.request({ method: 'PUT', url: '/api/v1/retention/rules', payload: { kind, electionId: 'pilkada-2024', keepDays: 365, legalBasis: 'Keputusan uji: satu tahun setelah selesai (fiktif).', unsure: true, reason: 'Uji retensi dengan jam terkendali.' } });
    expect(res.statusCode, res.body).toBe(200);
  }
});

afterAll(async () => {
  await t?.close();
});

describe('the purge, with a controlled clock', () => {
  let before: Awaited<ReturnType<typeof publicFigures>>;

  it('before anything expires, a purge changes nothing and records an empty run', async () => {
    const result = await runPurge(t.ctx, { dryRun: false, trigger: 'cli', actorId: null });
    expect(result).toMatchObject({ total: 0, held: 0 });
    expect(await identityOf(expired.reportId)).toContain(REPORTER);
  });

  it('a dry run on the later day lists what would go, and changes nothing', async () => {
    before = await publicFigures();
    t.setNow(LATER);
    const dry = await runPurge(t.ctx, { dryRun: true, trigger: 'console', actorId: admin.userId });
    expect(dry.total).toBeGreaterThan(0);
    const log = await t.ctx.db.selectFrom('purge_log').select(['kind', 'ids']).where('run_id', '=', dry.runId).execute();
    expect(log.find((l) => l.kind === 'reporter_identity')?.ids).toContain(expired.reportId);
    expect(await identityOf(expired.reportId)).toContain(REPORTER);
    expect(await fileExists(expired.evidence[0]!.storage_key)).toBe(true);
  });

  it('forgets what expired: identities unreadable, files gone, personal fields blank', async () => {
    const result = await runPurge(t.ctx, { dryRun: false, trigger: 'schedule', actorId: null });
    expect(result.total).toBeGreaterThan(0);

    // The identity's key is destroyed: the ciphertext is still there, and nobody can read it.
    expect(await identityOf(expired.reportId)).toBeNull();
    expect(await identityOf(notAccepted.reportId)).toBeNull();
    const key = await t.ctx.db.selectFrom('identity_keys').selectAll().where(sql<boolean>`id::text = split_part(${await sealedOf(expired.reportId)}, ':', 2)`).executeTakeFirstOrThrow();
    expect(key.wrapped).toBeNull();
    expect(key.destroyed_at).not.toBeNull();

    for (const filed of [expired, notAccepted]) {
      for (const e of filed.evidence) {
        expect(await fileExists(e.storage_key)).toBe(false);
        expect(await fileExists(e.public_copy_key)).toBe(false);
        const row = await t.ctx.db.selectFrom('evidence').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow();
        expect(row).toMatchObject({ storage_key: null, public_copy_key: null, sha256: e.sha256 });
        expect(row.original_name).not.toContain('wulan');
      }
      const report = await t.ctx.db.selectFrom('reports').selectAll().where('id', '=', filed.reportId).executeTakeFirstOrThrow();
      expect(report.description).not.toContain('guru');
      expect(report.reported_name).not.toContain('Bambang');
      expect(report.reported_nip).toBeNull();
      expect(report.personal_purged_at).not.toBeNull();
    }
    const anonymised = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', expired.caseId).executeTakeFirstOrThrow();
    expect(anonymised).toMatchObject({ asn_id: null, position_type_retained: 'functional', state: 'classified_not_violation' });
    const notices = await sql<{ report_id: string }>`SELECT report_id FROM reporter_notice_addresses`.execute(t.ctx.db);
    expect(notices.rows.map((r) => r.report_id)).toEqual([heldCase.reportId]);
    const senders = await sql<{ report_id: string; sender_sealed: string; body: string }>`
      SELECT c.report_id, c.sender_sealed, m.body FROM inbox_conversations c JOIN inbox_messages m ON m.conversation_id = c.id WHERE c.report_id IS NOT NULL ORDER BY c.sender_sealed`.execute(t.ctx.db);
    expect(senders.rows).toEqual([
      { report_id: expired.reportId, sender_sealed: '', body: '[dihapus sesuai retensi]' },
      { report_id: heldCase.reportId, sender_sealed: 'v1:nomor:tersegel:fiktif', body: 'Pak Bambang kampanye di balai desa' },
    ]);
    // An SMS/WhatsApp conversation that never became a report goes whole, its photo too; a held or recent one stays.
    const conversations = await sql<{ id: string }>`SELECT id FROM inbox_conversations WHERE report_id IS NULL ORDER BY id`.execute(t.ctx.db);
    expect(conversations.rows.map((r) => r.id).sort()).toEqual([inbox.held, inbox.recent].sort());
    expect(await fileExists('inbox/uji-retensi-wa.jpg')).toBe(false);
    expect((await sql`SELECT 1 FROM inbox_messages WHERE conversation_id = ${inbox.dismissed}`.execute(t.ctx.db)).rows).toEqual([]);
    // The screened post of someone never reported is deleted; the account's link to the civil servant undone.
    expect(await t.ctx.db.selectFrom('screening_posts').select('id').where('id', '=', post.postId).executeTakeFirst()).toBeUndefined();
    expect(await t.ctx.db.selectFrom('screening_accounts').select(['asn_id', 'link_purged_at']).where('id', '=', linked.accountId).executeTakeFirstOrThrow()).toMatchObject({ asn_id: null });
    // Sessions that ended more than 30 days ago are gone.
    expect(await t.ctx.db.selectFrom('sessions').select('id').where('user_id', '=', admin.userId).execute()).toEqual([]);
  });

  it('leaves everything a hold covers untouched, and the open case too', async () => {
    for (const [name, filed] of Object.entries({ heldCase, heldPerson, heldRegion, open })) {
      expect(await identityOf(filed.reportId), name).toContain(REPORTER);
      for (const e of filed.evidence) {
        expect(await fileExists(e.storage_key), `${name} original`).toBe(true);
        if (e.public_copy_key) expect(await fileExists(e.public_copy_key), `${name} copy`).toBe(true);
      }
      const report = await t.ctx.db.selectFrom('reports').select(['description', 'personal_purged_at']).where('id', '=', filed.reportId).executeTakeFirstOrThrow();
      expect(report.personal_purged_at).toBeNull();
      expect(report.description).toContain('guru');
    }
    const heldRow = await t.ctx.db.selectFrom('cases').select(['asn_id', 'personal_purged_at']).where('id', '=', heldPerson.caseId).executeTakeFirstOrThrow();
    expect(heldRow).toMatchObject({ asn_id: person, personal_purged_at: null });
  });

  it('records what and why, never the content; the audit chain still verifies', async () => {
    const run = await t.ctx.db.selectFrom('purge_runs').selectAll().where('dry_run', '=', false).where('trigger', '=', 'schedule').executeTakeFirstOrThrow();
    expect(run.status).toBe('done');
    // Three held cases, each with an expired identity, copy, original and personal fields.
    expect(run.held).toBeGreaterThanOrEqual(3 * 4);
    const log = await t.ctx.db.selectFrom('purge_log').selectAll().where('run_id', '=', run.id).execute();
    const identities = log.filter((l) => l.kind === 'reporter_identity');
    expect(identities.flatMap((l) => l.ids).sort()).toEqual([expired.reportId, notAccepted.reportId].sort());
    expect(identities[0]).toMatchObject({ action: 'shred_key', rule_keep_days: 730, rule_election_id: null, election_id: 'pilkada-2024', region_code: '35.10', count: 2 });
    expect(identities[0]!.rule_legal_basis).toMatch(/UU 27\/2022/);
    const cases = log.find((l) => l.kind === 'closed_case')!;
    expect(cases).toMatchObject({ action: 'anonymise', rule_election_id: 'pilkada-2024', rule_keep_days: 365, ids: [expired.caseId] });
    expect(log.find((l) => l.kind === 'not_accepted_report')?.ids).toEqual([notAccepted.caseId]);
    expect(log.find((l) => l.kind === 'inbox_conversation')).toMatchObject({ action: 'delete_row', ids: [inbox.dismissed], region_code: '35.10', rule_keep_days: 90 });
    const text = JSON.stringify(log);
    for (const secret of [REPORTER, 'Bambang', 'Kenanga', 'foto-wulan', 'Sukamaju']) expect(text).not.toContain(secret);
    for (const held of [heldCase, heldPerson, heldRegion]) expect(text).not.toContain(held.caseId);

    // The administrator reads the whole log; Bawaslu of a regency only its own territory's lines (the route passes the caller's scope).
    const as = (scope: object) => ({ actor: { id: admin.userId, role: 'administrator', scope }, language: 'id', meta: {} }) as unknown as RequestContext;
    const whole = await purgeRun(t.ctx, as({ kind: 'national' }), run.id);
    expect(whole.log.map((l) => l.kind)).toEqual(expect.arrayContaining(['reporter_identity', 'session', 'inbox_conversation']));
    expect((await purgeRun(t.ctx, as({ kind: 'region', regionCode: '35.16' }), run.id)).log).toEqual([]);
    const banyuwangi = await purgeRun(t.ctx, as({ kind: 'region', regionCode: '35.10' }), run.id);
    expect(banyuwangi.log.length).toBeGreaterThan(0);
    expect(banyuwangi.log.length).toBeLessThan(whole.log.length);
    expect(banyuwangi.log.every((l) => l.regionCode?.startsWith('35.10'))).toBe(true);

    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'data']).where('entity_id', '=', run.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('retention.purged');
    const auditor = await staffClient(t, 'administrator', null);
    const chain = await auditor.get('/api/v1/audit/verification');
    expect(chain.statusCode, chain.body).toBe(200);
    expect(chain.json()).toMatchObject({ ok: true });
  });

  it('keeps the public figures exactly as they were', async () => {
    expect(await publicFigures()).toEqual(before);
  });

  it('asks the API for a shredded identity: 410, never the old name', async () => {
    const officer = await staffClient(t, 'bawaslu_regency', '35.10');
    const res = await officer.post(`/api/v1/reports/${expired.reportId}/identity`, { reason: 'Pemeriksaan arsip setelah retensi (uji).' });
    expect(res.statusCode, res.body).toBe(410);
    expect(res.json().error.code).toBe('reporter_identity_shredded');
    expect(res.body).not.toContain(REPORTER);
  });

  it('a second purge finds nothing new; lifting a hold lets the next purge act on it', async () => {
    expect((await runPurge(t.ctx, { dryRun: false, trigger: 'cli', actorId: null })).total).toBe(0);
    const officer = await staffClient(t, 'bawaslu_regency', '35.10');
    const holds = await officer.get(`/api/v1/retention/holds/on?caseId=${heldCase.caseId}`);
    expect(holds.statusCode, holds.body).toBe(200);
    const caseHold = (holds.json() as { items: Array<{ id: string; targetType: string }> }).items.find((h) => h.targetType === 'case')!;
    const lifted = await officer.post(`/api/v1/retention/holds/${caseHold.id}/lift`, { reason: 'Putusan PTUN telah berkekuatan hukum tetap (fiktif).' });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect((await officer.post(`/api/v1/retention/holds/${caseHold.id}/lift`, { reason: 'Mencabut lagi untuk uji penolakan.' })).statusCode).toBe(409);
    const next = await runPurge(t.ctx, { dryRun: false, trigger: 'cli', actorId: null });
    expect(next.total).toBeGreaterThan(0);
    expect(await identityOf(heldCase.reportId)).toBeNull();
    expect(await identityOf(heldPerson.reportId)).toContain(REPORTER);
    // Its photo is released, but the file stays: the open case's report still refers to it.
    const released = await t.ctx.db.selectFrom('evidence').select('storage_key').where('report_id', '=', heldCase.reportId).executeTakeFirstOrThrow();
    expect(released.storage_key).toBeNull();
    expect(heldCase.evidence[0]!.storage_key).toBe(open.evidence[0]!.storage_key);
    expect(await fileExists(open.evidence[0]!.storage_key)).toBe(true);
  });
});

describe('holds and the console API', () => {
  it('shows a hold wherever its record appears: the case, its report, the person', async () => {
    const officer = await staffClient(t, 'bawaslu_regency', '35.10');
    const onPerson = await officer.get(`/api/v1/retention/holds/on?asnId=${heldAsn}`);
    expect((onPerson.json() as { items: Array<{ targetType: string }> }).items.map((h) => h.targetType)).toEqual(['person']);
    const onReport = await officer.get(`/api/v1/retention/holds/on?reportId=${heldPerson.reportId}`);
    expect((onReport.json() as { items: unknown[] }).items).toHaveLength(1);
    const national = await staffClient(t, 'bawaslu_national', null);
    const onRegion = await national.get(`/api/v1/retention/holds/on?caseId=${heldRegion.caseId}`);
    expect((onRegion.json() as { items: Array<{ targetType: string; regionCode: string }> }).items).toMatchObject([{ targetType: 'region', regionCode: '16' }]);
    // Outside the caller's scope: as if absent.
    expect((await officer.get(`/api/v1/retention/holds/on?caseId=${heldRegion.caseId}`)).statusCode).toBe(404);
    expect((await officer.get('/api/v1/retention/holds/on')).statusCode).toBe(400);
  });

  it('refuses holds outside the scope, a whole election to a regional account, and a short reason', async () => {
    const officer = await staffClient(t, 'bawaslu_regency', '35.10');
    expect((await officer.post('/api/v1/retention/holds', { targetType: 'case', caseId: heldRegion.caseId, reason: 'Di luar cakupan wilayah saya.' })).statusCode).toBe(404);
    expect((await officer.post('/api/v1/retention/holds', { targetType: 'region', regionCode: '16', reason: 'Di luar cakupan wilayah saya.' })).statusCode).toBe(403);
    expect((await officer.post('/api/v1/retention/holds', { targetType: 'election', electionId: 'pilkada-2024', reason: 'Seluruh pemilihan ditahan.' })).statusCode).toBe(403);
    const short = await officer.post('/api/v1/retention/holds?lang=en', { targetType: 'case', caseId: open.caseId, reason: 'singkat' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0]).toMatchObject({ field: 'body.reason' });
  });

  it('validates rules: the audit log stays, sessions have no per-election rule, days in range', async () => {
    const fresh = await staffClient(t, 'administrator', null);
    const put = (payload: Record<string, unknown>) => fresh.request({ method: 'PUT', url: '/api/v1/retention/rules', payload: { legalBasis: 'Dasar uji (fiktif).', reason: 'Uji validasi aturan retensi.', ...payload } });
    expect((await put({ kind: 'audit_log', keepDays: 10 })).json().error.fields[0].field).toBe('body.kind');
    expect((await put({ kind: 'session', electionId: 'pilkada-2024', keepDays: 10 })).json().error.fields[0].field).toBe('body.electionId');
    expect((await put({ kind: 'session', keepDays: -1 })).json().error.fields[0].field).toBe('body.keepDays');
    expect((await put({ kind: 'closed_case', electionId: 'pemilu-1999', keepDays: 10 })).statusCode).toBe(400);
    const rules = await fresh.get('/api/v1/retention/rules');
    const body = rules.json() as { rules: Array<{ kind: string; electionId: string | null; keepDays: number | null }> };
    expect(body.rules.find((r) => r.kind === 'audit_log')).toMatchObject({ keepDays: null });
    expect(body.rules.filter((r) => r.electionId === 'pilkada-2024').map((r) => r.kind).sort()).toEqual(['closed_case', 'evidence_original']);
  });

  it('runs from the command line: netra retention purge --dry-run', async () => {
    const saved = { key: process.env.NETRA_ENCRYPTION_KEY, dir: process.env.NETRA_DATA_DIR };
    process.env.NETRA_ENCRYPTION_KEY = t.ctx.encryptionKey.toString('base64');
    process.env.NETRA_DATA_DIR = t.ctx.evidenceDir;
    try {
      const res = await runNetra(t.ctx.db, ['retention', 'purge', '--dry-run', '--lang', 'en']);
      expect(res.code, res.stderr.join('\n')).toBe(0);
      expect(res.stdout.join('\n')).toMatch(/^Dry run \d{4}-\d{2}-\d{2} \(WIB\): \d+ items, \d+ expired items held; run [0-9a-f-]{36}$/);
    } finally {
      for (const [name, value] of [['NETRA_ENCRYPTION_KEY', saved.key], ['NETRA_DATA_DIR', saved.dir]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('forecasts 30/90 days with the holds, and runs the console purge only with the typed confirmation', async () => {
    const fresh = await staffClient(t, 'administrator', null);
    const forecast = await fresh.get('/api/v1/retention/forecast?days=90');
    expect(forecast.statusCode, forecast.body).toBe(200);
    const rows = (forecast.json() as { rows: Array<{ kind: string; held: number; regionCode: string | null }> }).rows;
    expect(rows.some((r) => r.held > 0 && r.regionCode === '16.07')).toBe(true);
    expect((await fresh.get('/api/v1/retention/forecast?days=45')).statusCode).toBe(400);
    // Read a batch at a time (here one or two candidates per batch), the forecast is the same.
    const rc = { actor: { id: fresh.userId, role: 'administrator', scope: { kind: 'national' } }, language: 'id', meta: {} } as unknown as RequestContext;
    for (const days of [30, 90]) {
      const whole = await expiryForecast(t.ctx, rc, days);
      expect(whole.rows.length).toBeGreaterThan(0);
      expect(await expiryForecast(t.ctx, rc, days, 1)).toEqual(whole);
      expect(await expiryForecast(t.ctx, rc, days, 2)).toEqual(whole);
    }
    // Every candidate once, in batches: none skipped, none twice.
    for (const kind of RETENTION_KINDS) {
      const all = (await candidates(t.ctx.db, kind, '2027-12-31')).map((c) => c.id).sort();
      const batched: string[] = [];
      for await (const batch of candidateBatches(t.ctx.db, kind, '2027-12-31', 2)) batched.push(...batch.map((c) => c.id));
      expect(batched.sort(), kind).toEqual(all);
    }
    const refused = await fresh.post('/api/v1/retention/purges', { dryRun: false });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].field).toBe('body.confirm');
    const dry = await fresh.post('/api/v1/retention/purges', { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(201);
    expect(dry.json()).toMatchObject({ dryRun: true, status: 'done' });
    const runs = await fresh.get('/api/v1/retention/purges?limit=2');
    expect((runs.json() as { total: number }).total).toBeGreaterThanOrEqual(5);
  });
});
