/**
 * The RBAC walk: every role × every endpoint × a record inside and outside the caller's scope,
 * against the expected status. The endpoints come from the running app's own route table, so a
 * new endpoint without an expectation here fails the first test instead of escaping the walk.
 *
 * Status rule for a staff endpoint, in order: not signed in → 401; role not allowed → 403;
 * record outside scope → 404 (403 for writing into another region); role allowed but refused by
 * the domain (e.g. a personnel officer moving a case) → 403; otherwise 200/201. A list answers
 * 200 either way: there, "404" means the record is absent from the page.
 */
import { createHash, randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import { can, PERMISSION_ACTIONS, PERMISSIONS, regionWithinScope, ROLE_CODES, rolesFor, type PermissionAction, type RoleCode } from '@netra/core';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { encrypt } from './security/encryption.ts';
import { storeBuffer } from './storage/evidence-store.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffGuardOf } from './http/guard.ts';
import { insertNotification } from './capabilities/notifications/repository.ts';
import { fictionalReport, jpegWithExif, multipartBody, submitReport } from './testing/reports.ts';
import { createCase } from './testing/cases.ts';
import { cookieFrom, createStaffAccount, staffClient, TEST_PASSWORD, totpCode, type StaffClient } from './testing/staff.ts';
import { createTestApp, type TestApp } from './testing/test-database.ts';
import { inviteOfficer } from './capabilities/users/invitations.service.ts';
import { requestTotpReset } from './capabilities/users/service.ts';
import { createAgency, createAsn, createUnit } from './testing/dashboards.ts';
import { csvOf } from './testing/register.ts';
import { importForm, insertAccount, insertPost, seedAsn } from './testing/screening.ts';

/** Every route as Fastify registers it, hooks included (for walking the permission table). */
const registeredRoutes: RouteOptions[] = [];
subscribe('fastify.initialization', (message) => {
  (message as { fastify: FastifyInstance }).fastify.addHook('onRoute', (route) => {
    registeredRoutes.push(route);
  });
});

const IN_REGION = '35.10'; // Kabupaten Banyuwangi
const OUT_REGION = '16.07'; // Kabupaten Banyuasin: outside every regional scope below
const SCOPES: Record<RoleCode, string | null> = {
  bawaslu_regency: IN_REGION,
  bawaslu_province: '35',
  bawaslu_national: null,
  bkn_verifier: null,
  bkpsdm_officer: IN_REGION,
  ppk_delegate: IN_REGION,
  analyst: null,
  administrator: null,
};

const BAWASLU: readonly RoleCode[] = ['bawaslu_regency', 'bawaslu_province', 'bawaslu_national'];
const CASE_ROLES: readonly RoleCode[] = [...BAWASLU, 'bkn_verifier', 'bkpsdm_officer', 'ppk_delegate'];
const NOTE = 'Catatan pemeriksaan untuk uji hak akses.';

type Axis = 'in' | 'out';
interface Actor {
  role: RoleCode;
  client: StaffClient;
}
interface Probe extends InjectOptions {
  /** The status that counts (a bulk result inside a 200, presence in a list). */
  effective?: (res: LightMyRequestResponse) => number;
}
interface StaffRule {
  roles: readonly RoleCode[] | 'all';
  /** 409 where every walk account is already in the state the action creates (TOTP enrolled). */
  ok: 200 | 201 | 202 | 409;
  /** False for endpoints without a record to be in or out of scope. */
  scoped?: boolean;
  outOfScope?: 403 | 404;
  /** Past the role guard, but the domain refuses the role this action (403). */
  refused?: readonly RoleCode[];
  /** Default: the record's region lies in the actor's scope. */
  inScope?: (actor: Actor, axis: Axis) => boolean;
  /** For endpoints that end or change the session itself. */
  freshSession?: boolean;
  request(actor: Actor, axis: Axis): Promise<Probe>;
}
type Rule = { public: true; request?: InjectOptions } | StaffRule;

let t: TestApp;
const actors = new Map<RoleCode, Actor>();
const regionOf = (axis: Axis) => (axis === 'in' ? IN_REGION : OUT_REGION);
const present = (found: (body: unknown) => boolean) => (res: LightMyRequestResponse) => (res.statusCode === 200 ? (found(res.json()) ? 200 : 404) : res.statusCode);
const hasItem = (id: string | number) => (body: unknown) => (body as { items: Array<{ id: string | number }> }).items.some((i) => i.id === id);

/** A case at the stage where `role` has something to do (Bawaslu: just received). */
async function caseForRole(role: RoleCode, axis: Axis) {
  const regionCode = regionOf(axis);
  if (role === 'bkn_verifier') return createCase(t, { regionCode, state: 'forwarded_to_bkn', receivedOn: '2024-09-20', forwardedToBknOn: '2024-09-28', actCodes: ['A02'] });
  // The personnel office sees a case from the recommendation on, and never moves it.
  // A civil servant is linked: recording the sanction needs one (issue 15).
  if (role === 'ppk_delegate' || role === 'bkpsdm_officer') return createCase(t, { regionCode, state: 'recommended_to_ppk', receivedOn: '2024-09-10', recommendedToPpkOn: '2024-09-28', actCodes: ['A02'], asnId: (await asnIn(axis)).id });
  return createCase(t, { regionCode });
}

function transitionFor(role: RoleCode): Record<string, unknown> {
  if (role === 'bkn_verifier') return { transition: 'bkn_verify', note: NOTE };
  if (role === 'ppk_delegate' || role === 'bkpsdm_officer') return { transition: 'record_sanction', note: NOTE, sanctionTypes: ['demotion_12_months'], decreeNumber: '800/1/2024', decreeDate: '2024-09-30' };
  return { transition: 'start_check', note: NOTE };
}

async function reportIdOf(caseId: string): Promise<string> {
  return (await t.ctx.db.selectFrom('reports').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow()).id;
}

/**
 * A public report with a photo and a named reporter, filed through the public form, its case
 * moved on to where `role` sees it.
 */
async function publicReport(axis: Axis, role: RoleCode = 'bawaslu_regency'): Promise<{ reportId: string; evidenceId: string }> {
  const res = await submitReport(
    t,
    fictionalReport({ regionCode: regionOf(axis), anonymous: 'false', reporterName: 'Sri Fiktif', reporterAddress: 'Jl. Fiktif 1', reporterPhone: '+6281200000000' }),
    [{ name: 'foto.jpg', data: await jpegWithExif() }],
  );
  if (res.statusCode !== 201) throw new Error(`public report failed ${res.statusCode}: ${res.body}`);
  const { receiptNumber } = res.json() as { receiptNumber: string };
  const report = await t.ctx.db.selectFrom('reports').select('id').where('receipt_number', '=', receiptNumber).executeTakeFirstOrThrow();
  const evidence = await t.ctx.db.selectFrom('evidence').select('id').where('report_id', '=', report.id).executeTakeFirstOrThrow();
  if (!BAWASLU.includes(role)) {
    const caseOf = t.ctx.db.selectFrom('reports').select('case_id').where('id', '=', report.id);
    await t.ctx.db.updateTable('cases').set({ state: 'recommended_to_ppk', forwarded_to_bkn_on: '2024-09-29', recommended_to_ppk_on: '2024-09-30' }).where('id', 'in', caseOf).execute();
  }
  return { reportId: report.id, evidenceId: evidence.id };
}

async function mergeProposal(axis: Axis): Promise<string> {
  const earlier = await reportIdOf((await createCase(t, { regionCode: regionOf(axis) })).id);
  const later = await reportIdOf((await createCase(t, { regionCode: regionOf(axis) })).id);
  const row = await t.ctx.db
    .insertInto('merge_proposals')
    .values({ report_id: later, duplicate_of_report_id: earlier, reasons: JSON.stringify([{ code: 'same_text', message: { id: 'Teks sama', en: 'Same text' } }]), similarity: 0.97 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A notification to the actor (in) or to somebody else (out). */
async function notificationFor(actor: Actor, axis: Axis): Promise<number> {
  const someoneElse = [...actors.values()].find((a) => a.client.userId !== actor.client.userId)!;
  const userId = axis === 'in' ? actor.client.userId : someoneElse.client.userId;
  const key = `rbac:${randomBytes(6).toString('hex')}`;
  await insertNotification(t.ctx.db, { to: { userId }, caseId: null, kind: 'test', message: { id: 'Uji', en: 'Test' }, dedupeKey: key });
  return Number((await t.ctx.db.selectFrom('notifications').select('id').where('dedupe_key', '=', key).executeTakeFirstOrThrow()).id);
}

const caseEndpoint = (path: (id: string) => string, method: InjectOptions['method'] = 'GET', body?: (role: RoleCode) => unknown): StaffRule => ({
  roles: CASE_ROLES,
  ok: 200,
  ...(method === 'GET' ? {} : { refused: ['bkpsdm_officer'] as const }),
  request: async (actor, axis) => {
    const c = await caseForRole(actor.role, axis);
    return { method, url: path(c.id), ...(body ? { payload: body(actor.role) as InjectOptions['payload'] } : {}) };
  },
});

const SCREENING_READERS: readonly RoleCode[] = [...BAWASLU, 'analyst'];
const screeningAsns = new Map<string, Promise<{ id: number; nip: string }>>();
/** One fictional civil servant per region to link watched accounts to. */
function screeningAsn(regionCode: string) {
  if (!screeningAsns.has(regionCode)) {
    const nip = regionCode === IN_REGION ? '198609262015052001' : '199001152019031002';
    screeningAsns.set(regionCode, seedAsn(t.ctx.db, { nip, name: `Pegawai Uji ${regionCode}`, regionCode, agencyName: `Pemerintah Daerah Uji ${regionCode}` }));
  }
  return screeningAsns.get(regionCode)!;
}

// ---- Register, candidates, rotations, prevention, exports: fixtures made once per region or per probe.
const ALL_BUT_ANALYST: readonly RoleCode[] = ROLE_CODES.filter((r) => r !== 'analyst');
const CANDIDATE_EDITORS: readonly RoleCode[] = ['bkpsdm_officer', 'bawaslu_regency', 'bawaslu_province', 'administrator'];
const ROTATION_RECORDERS: readonly RoleCode[] = ['bkpsdm_officer', ...BAWASLU, 'administrator'];
const PREVENTION_READERS: readonly RoleCode[] = [...BAWASLU, 'bkpsdm_officer', 'ppk_delegate'];
const PLEDGE_RECORDERS: readonly RoleCode[] = ['bkpsdm_officer', 'ppk_delegate'];
const E = '/api/v1/prevention/pilkada-2024';
const hex = () => randomBytes(4).toString('hex');
const admin = () => actors.get('administrator')!.client;

/** A fresh election made by the administrator (elections console routes). */
async function walkElection(): Promise<string> {
  const id = `uji-${hex()}`;
  const res = await admin().post('/api/v1/elections', { id, kind: 'pilkada', nameId: 'Pilkada Uji Hak Akses', nameEn: 'Access Test Election', votingDay: '2029-11-28', basis: 'PKPU uji' });
  if (res.statusCode !== 201) throw new Error(`election failed ${res.statusCode}: ${res.body}`);
  return id;
}

const agencies = new Map<string, Promise<number>>();
/** One fictional agency per region (memoised). */
function agencyIn(regionCode: string) {
  if (!agencies.has(regionCode)) agencies.set(regionCode, createAgency(t, regionCode, `Dinas Uji Hak Akses ${regionCode} (fiktif)`));
  return agencies.get(regionCode)!;
}
async function asnIn(axis: Axis) {
  return createAsn(t, { agencyId: await agencyIn(regionOf(axis)), regionCode: regionOf(axis) });
}

/** A multipart upload with optional fields first and the file under "file". */
async function upload(url: string, fileName: string, content: string, fields: Record<string, string> = {}, method: InjectOptions['method'] = 'POST'): Promise<Probe> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([content], { type: 'text/csv' }), fileName);
  const encoded = new Response(form);
  return { method, url, payload: Buffer.from(await encoded.arrayBuffer()), headers: { 'content-type': encoded.headers.get('content-type')! } };
}

/** A write into another region refused as a field error (400 on body.regionCode) counts as the 403 it stands for. */
const regionRefused = (res: LightMyRequestResponse) => (res.statusCode === 400 && /outside your scope|di luar wilayah tugas/.test(res.body) ? 403 : res.statusCode);
/** An import's single row: stored (200), refused for its region (403), or rejected otherwise (422). */
const importedRow = (res: LightMyRequestResponse) => {
  if (res.statusCode !== 200) return res.statusCode;
  const row = (res.json() as { rows: Array<{ status: string; reasons?: Array<{ code: string }> }> }).rows[0];
  if (row.status !== 'rejected') return 200;
  return row.reasons?.some((r) => r.code === 'region_not_participating' || r.code === 'region_outside_scope') ? 403 : 422;
};

const pairBody = (regionCode: string, overrides: Record<string, unknown> = {}) => ({
  electionId: 'pilkada-2024',
  regionCode,
  head: { name: `Calon Fiktif ${hex()}` },
  deputy: { name: `Wakil Fiktif ${hex()}` },
  independent: true,
  parties: [],
  incumbent: null,
  slogans: [],
  hashtags: [],
  ...overrides,
});
/** A candidate pair in the region, added by the (national) administrator; with an ASN deputy when asked. */
async function pairIn(axis: Axis, withAsn = false): Promise<string> {
  const deputy = withAsn ? { name: 'Wakil ASN Fiktif', asnNip: (await asnIn(axis)).nip } : { name: `Wakil Fiktif ${hex()}` };
  const res = await admin().post('/api/v1/candidates', pairBody(regionOf(axis), { deputy }));
  if (res.statusCode !== 201) throw new Error(`candidate pair failed ${res.statusCode}: ${res.body}`);
  return (res.json() as { id: string }).id;
}

const rotationBody = (regionCode: string) => ({
  electionId: 'pilkada-2024',
  regionCode,
  nip: '197503122000031004',
  name: 'Hendra Wijaya, S.Sos.',
  fromPosition: 'Kepala Dinas Pendidikan',
  toPosition: 'Staf Ahli Bupati Bidang Kemasyarakatan',
  decreeNumber: `821.2/${hex()}/2024`,
  decreeDate: '2024-05-10',
  signerName: 'Agus Santoso',
  signerRole: 'regional_head',
  ministerApproval: false,
});
const incumbents = new Map<string, Promise<string>>();
/** A rotation in the region, flagged under art. 71(2): the sitting regent (an incumbent candidate) signed it in the window. */
async function rotationIn(axis: Axis): Promise<string> {
  const regionCode = regionOf(axis);
  if (!incumbents.has(regionCode)) {
    incumbents.set(
      regionCode,
      admin()
        .post('/api/v1/candidates', pairBody(regionCode, { head: { name: 'H. Agus Santoso, S.H.', variants: ['Agus Santoso Wibowo'] }, independent: false, parties: ['Partai Contoh Satu'], incumbent: { member: 'head', office: 'regional_head' } }))
        .then((r) => r.body),
    );
  }
  await incumbents.get(regionCode);
  const res = await admin().post('/api/v1/rotations', rotationBody(regionCode));
  if (res.statusCode !== 201) throw new Error(`rotation failed ${res.statusCode}: ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** A finished register import run within the region. */
async function importIn(axis: Axis): Promise<string> {
  const row = await t.ctx.db
    .insertInto('asn_imports')
    .values({ source: 'web', file_name: 'rbac.csv', file_format: 'csv', header: JSON.stringify(['nip', 'nama']) as never, delimiter: ',', scope_region_code: regionOf(axis), status: 'done', inserted: 0, updated: 0, unchanged: 0, rejected: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A socialisation event in the region, recorded by national Bawaslu. */
async function eventIn(axis: Axis): Promise<string> {
  const res = await actors.get('bawaslu_national')!.client.post(`${E}/events`, { regionCode: regionOf(axis), kind: 'sosialisasi', title: 'Sosialisasi Netralitas ASN (uji)', heldOn: '2024-09-16', place: 'Aula Kantor (fiktif)', organiser: 'Bawaslu' });
  if (res.statusCode !== 201) throw new Error(`event failed ${res.statusCode}: ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** An export made by the actor (in) or by somebody else (out). */
async function exportFor(actor: Actor, axis: Axis): Promise<string> {
  const owner = axis === 'in' ? actor : [...actors.values()].find((a) => a.client.userId !== actor.client.userId)!;
  const res = await owner.client.post('/api/v1/exports', { source: 'dashboard', format: 'csv', filter: { electionId: 'pilkada-2024', table: 'state' } });
  if (res.statusCode !== 200) throw new Error(`export failed ${res.statusCode}: ${res.body}`);
  return (res.json() as { id: string }).id;
}
const ownExport = (_actor: Actor, axis: Axis) => axis === 'in';
/** The smallest file that sniffs as a PDF (a decree upload). */
const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Today's date by the test app's clock (WIB), for dates that may not lie in the future. */
const todayInTest = () => new Date(t.ctx.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
/** A case at the PPK whose SIASN block was requested yesterday (as the deadline sweep does). */
async function blockedCase(axis: Axis): Promise<string> {
  const c = await createCase(t, { regionCode: regionOf(axis), state: 'recommended_to_ppk', receivedOn: '2024-09-10', recommendedToPpkOn: '2024-09-12', actCodes: ['A02'], asnId: (await asnIn(axis)).id });
  await t.ctx.db.insertInto('siasn_blocks').values({ case_id: c.id, status: 'requested', requested_at: new Date(t.ctx.now().getTime() - 86_400_000), requested_basis: '{}' }).execute();
  return c.id;
}

const ownNotification = (actor: Actor, axis: Axis) => axis === 'in';
const RETENTION_READERS: readonly RoleCode[] = [...BAWASLU, 'administrator'];
/** An SMS conversation in the region (issue 17's inbox), with one message and, when asked, a stored photo. */
async function conversationIn(axis: Axis, withMedia = false): Promise<{ id: string; mediaId: string | null }> {
  const now = t.ctx.now();
  const c = await t.ctx.db
    .insertInto('inbox_conversations')
    .values({ channel: 'sms', sender_key: hex() + hex(), sender_sealed: encrypt(t.ctx.encryptionKey, '6281200000000'), region_code: regionOf(axis), created_at: now, last_message_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const m = await t.ctx.db.insertInto('inbox_messages').values({ conversation_id: c.id, direction: 'in', provider_message_id: hex(), body: 'Pesan uji hak akses: seorang ASN fiktif ikut berkampanye untuk pasangan calon di balai desa pada hari Sabtu.', sent_by: null, received_at: now }).returning('id').executeTakeFirstOrThrow();
  if (!withMedia) return { id: c.id, mediaId: null };
  const stored = await storeBuffer(t.ctx.files, await jpegWithExif());
  const media = await t.ctx.db
    .insertInto('inbox_media')
    .values({ message_id: m.id, original_name: 'sms.jpg', mime_type: 'image/jpeg', size_bytes: stored.sizeBytes, sha256: stored.sha256, storage_key: stored.key, public_copy_key: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: c.id, mediaId: media.id };
}

const PUBLIC: Rule = { public: true };

const RULES: Record<string, Rule> = {
  'GET /api/v1/health': PUBLIC,
  'GET /api/v1/regions': PUBLIC,
  'GET /api/v1/regions/:code': { public: true, request: { method: 'GET', url: '/api/v1/regions/35.10' } },
  'GET /api/v1/elections': PUBLIC,
  'GET /api/v1/elections/:id': { public: true, request: { method: 'GET', url: '/api/v1/elections/pilkada-2024' } },
  'GET /api/v1/elections/:id/calendar': { public: true, request: { method: 'GET', url: '/api/v1/elections/pilkada-2024/calendar?region=35.10' } },
  // ---- Elections console (issue 14): national data, administrators only
  'POST /api/v1/elections': {
    roles: ['administrator'],
    ok: 201,
    scoped: false,
    request: async () => ({ method: 'POST', url: '/api/v1/elections', payload: { id: `uji-${hex()}`, kind: 'pilkada', nameId: 'Pilkada Uji Hak Akses', nameEn: 'Access Test Election', votingDay: '2029-11-28', basis: 'PKPU uji' } }),
  },
  'PUT /api/v1/elections/:id': {
    roles: ['administrator'],
    ok: 200,
    scoped: false,
    request: async () => ({ method: 'PUT', url: `/api/v1/elections/${await walkElection()}`, payload: { nameId: 'Pilkada Uji Berganti', nameEn: 'Renamed Test Election', votingDay: '2029-11-28', basis: 'PKPU uji' } }),
  },
  'PUT /api/v1/elections/:id/stages': {
    roles: ['administrator'],
    ok: 200,
    scoped: false,
    request: async () => ({
      method: 'PUT',
      url: `/api/v1/elections/${await walkElection()}/stages`,
      payload: { stages: [{ code: 'voting', nameId: 'Pemungutan suara', nameEn: 'Voting', start: '2029-11-28', end: '2029-11-28', critical: true, basis: 'PKPU uji' }] },
    }),
  },
  'POST /api/v1/elections/:id/regions/import': {
    roles: ['administrator'],
    ok: 200,
    scoped: false,
    request: async () => upload(`/api/v1/elections/${await walkElection()}/regions/import`, 'wilayah.csv', 'kode_wilayah\n35.10\n'),
  },
  'DELETE /api/v1/elections/:id/regions/:code': {
    roles: ['administrator'],
    ok: 200,
    scoped: false,
    request: async () => {
      const id = await walkElection();
      await t.ctx.db.insertInto('election_regions').values({ election_id: id, region_code: '35.10', source: 'import' }).execute();
      return { method: 'DELETE', url: `/api/v1/elections/${id}/regions/35.10` };
    },
  },
  'GET /api/v1/elections/:id/rulebook/versions': {
    roles: ['administrator'],
    ok: 200,
    scoped: false,
    request: async () => ({ method: 'GET', url: '/api/v1/elections/pilkada-2024/rulebook/versions' }),
  },
  'POST /api/v1/elections/:id/rulebook': {
    roles: ['administrator'],
    ok: 201,
    scoped: false,
    request: async () => {
      const id = await walkElection();
      const { rulebook } = (await admin().get(`/api/v1/elections/${id}`)).json() as { rulebook: { review: { days: number } } };
      return { method: 'POST', url: `/api/v1/elections/${id}/rulebook`, payload: { rulebook: { ...rulebook, review: { ...rulebook.review, days: 4 } }, reason: 'Uji hak akses perubahan buku aturan', regulation: 'PKPU uji' } };
    },
  },
  'GET /api/v1/nip/:nip': { public: true, request: { method: 'GET', url: '/api/v1/nip/198609262015051001' } },
  'POST /api/v1/auth/login': PUBLIC,
  'GET /api/v1/reports/form': PUBLIC,
  'GET /api/v1/reports/window': PUBLIC,
  'POST /api/v1/reports': PUBLIC,
  'POST /api/v1/reports/track': PUBLIC,
  'POST /api/v1/reports/track/slip': PUBLIC,
  'POST /api/v1/reports/track/information': PUBLIC,
  'GET /api/v1/reports/track/evidence/:id': { public: true, request: { method: 'GET', url: '/api/v1/reports/track/evidence/00000000-0000-4000-8000-000000000000?token=x' } },

  'GET /api/v1/auth/session': { roles: 'all', ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/auth/session' }) },
  // Every walk account has TOTP enrolled, and an enrolled secret cannot be replaced by its owner
  // (enrolment itself is tested in capabilities/auth/auth.test.ts).
  'POST /api/v1/auth/totp/setup': { roles: 'all', ok: 409, scoped: false, freshSession: true, request: async () => ({ method: 'POST', url: '/api/v1/auth/totp/setup' }) },
  'POST /api/v1/auth/totp/verify': {
    roles: 'all',
    ok: 200,
    scoped: false,
    freshSession: true,
    request: async (actor) => {
      // The next 30-second step: the one used to sign in cannot be replayed.
      t.setNow(new Date(t.ctx.now().getTime() + 30_000));
      return { method: 'POST', url: '/api/v1/auth/totp/verify', payload: { code: totpCode(actor.client.totpSecret, t.ctx.now()) } };
    },
  },
  'POST /api/v1/auth/logout': { roles: 'all', ok: 200, scoped: false, freshSession: true, request: async () => ({ method: 'POST', url: '/api/v1/auth/logout', payload: { everywhere: false } }) },

  'GET /api/v1/users': { roles: ['administrator'], ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/users' }) },
  'POST /api/v1/users/:id/active': {
    roles: ['administrator'],
    ok: 200,
    scoped: false,
    request: async () => ({ method: 'POST', url: `/api/v1/users/${(await createStaffAccount(t, 'analyst', null)).userId}/active`, payload: { active: false } }),
  },

  'POST /api/v1/users/invitations': {
    roles: ['administrator'],
    ok: 201,
    scoped: false,
    request: async () => ({ method: 'POST', url: '/api/v1/users/invitations', payload: { email: `undang.${randomBytes(4).toString('hex')}@uji.netra`, name: 'Petugas Undangan Fiktif', role: 'analyst', regionCode: null } }),
  },
  'POST /api/v1/users/:id/invitation': {
    roles: ['administrator'],
    ok: 201,
    scoped: false,
    request: async () => {
      const { user } = await inviteOfficer(t.ctx, { actor: null, meta: { ip: null, userAgent: 'test' } }, { email: `ulang.${randomBytes(4).toString('hex')}@uji.netra`, name: 'Petugas Ulang Fiktif', role: 'analyst', regionCode: null }, 'http://localhost', { manual: true });
      return { method: 'POST', url: `/api/v1/users/${user.id}/invitation` };
    },
  },
  'POST /api/v1/users/:id/access': {
    roles: ['administrator'],
    ok: 200,
    scoped: false,
    request: async () => ({ method: 'POST', url: `/api/v1/users/${(await createStaffAccount(t, 'analyst', null)).userId}/access`, payload: { role: 'bkn_verifier', regionCode: null, reason: 'Pindah tugas ke BKN (uji hak akses)' } }),
  },
  'POST /api/v1/users/:id/totp-reset': {
    roles: ['administrator'],
    ok: 201,
    scoped: false,
    request: async () => ({ method: 'POST', url: `/api/v1/users/${(await createStaffAccount(t, 'analyst', null)).userId}/totp-reset`, payload: { reason: 'Perangkat hilang (uji hak akses)' } }),
  },
  'GET /api/v1/users/totp-resets': { roles: ['administrator'], ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/users/totp-resets' }) },
  'POST /api/v1/users/totp-resets/:id/decision': {
    roles: ['administrator'],
    ok: 200,
    scoped: false,
    request: async () => {
      const target = await createStaffAccount(t, 'analyst', null);
      const asker = await createStaffAccount(t, 'administrator', null);
      const actor = { id: asker.userId, email: asker.email, name: 'Admin Peminta', role: 'administrator' as const, scope: { kind: 'national' as const }, sessionId: '', csrfToken: '', mfa: 'passed' as const };
      const asked = await requestTotpReset(t.ctx, { actor, language: 'id', meta: { ip: null, userAgent: 'test' } }, target.userId, 'Perangkat hilang (uji hak akses)');
      return { method: 'POST', url: `/api/v1/users/totp-resets/${asked.id}/decision`, payload: { approve: false } };
    },
  },
  'GET /api/v1/users/coverage': { roles: ['administrator'], ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/users/coverage?region=35.10' }) },
  'GET /api/v1/invitations/:token': { public: true, request: { method: 'GET', url: '/api/v1/invitations/tautan-yang-tidak-ada-sama-sekali' } },
  'POST /api/v1/invitations/:token/totp': { public: true, request: { method: 'POST', url: '/api/v1/invitations/tautan-yang-tidak-ada-sama-sekali/totp' } },
  'POST /api/v1/invitations/:token/accept': { public: true, request: { method: 'POST', url: '/api/v1/invitations/tautan-yang-tidak-ada-sama-sekali/accept', payload: { password: 'kata-sandi-panjang-sekali', code: '123456' } } },
  'GET /api/v1/audit': { roles: ['administrator', 'bawaslu_national'], ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/audit?action=user.&limit=5' }) },
  'GET /api/v1/audit/vocabulary': { roles: ['administrator', 'bawaslu_national'], ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/audit/vocabulary' }) },
  'GET /api/v1/audit/verification': { roles: ['administrator', 'bawaslu_national'], ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/audit/verification' }) },

  // Retention and legal hold (issue 13): holds seen by every official in scope, placed by Bawaslu and administrators; rules and purge by administrators.
  'GET /api/v1/retention/rules': { roles: RETENTION_READERS, ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/retention/rules' }) },
  'PUT /api/v1/retention/rules': {
    roles: ['administrator'],
    ok: 200,
    scoped: false,
    request: async () => ({ method: 'PUT', url: '/api/v1/retention/rules', payload: { kind: 'session', keepDays: 30, legalBasis: 'UU 27/2022 (uji hak akses)', reason: 'Uji hak akses atas aturan retensi.' } }),
  },
  'DELETE /api/v1/retention/rules/:id': {
    roles: ['administrator'],
    ok: 200,
    scoped: false,
    request: async () => {
      const row = await t.ctx.db
        .insertInto('retention_rules')
        .values({ kind: 'screened_post', election_id: 'pemilu-2024', keep_days: 30, legal_basis: 'Aturan uji hak akses', unsure: true })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      const id = row?.id ?? (await t.ctx.db.selectFrom('retention_rules').select('id').where('kind', '=', 'screened_post').where('election_id', '=', 'pemilu-2024').executeTakeFirstOrThrow()).id;
      return { method: 'DELETE', url: `/api/v1/retention/rules/${id}`, payload: { reason: 'Uji hak akses: kembali ke aturan umum.' } };
    },
  },
  'GET /api/v1/retention/holds': { roles: RETENTION_READERS, ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/retention/holds?active=true' }) },
  'GET /api/v1/retention/holds/on': {
    roles: ALL_BUT_ANALYST,
    ok: 200,
    // Seen where the case is: each role's case at the stage it reaches them.
    request: async (actor, axis) => ({ method: 'GET', url: `/api/v1/retention/holds/on?caseId=${(await caseForRole(actor.role, axis)).id}` }),
  },
  'POST /api/v1/retention/holds': {
    roles: RETENTION_READERS,
    ok: 201,
    request: async (_actor, axis) => ({
      method: 'POST',
      url: '/api/v1/retention/holds',
      payload: { targetType: 'case', caseId: (await createCase(t, { regionCode: regionOf(axis) })).id, reason: 'Uji hak akses: perkara ditahan.' },
    }),
  },
  'POST /api/v1/retention/holds/:id/lift': {
    roles: RETENTION_READERS,
    ok: 200,
    request: async (_actor, axis) => {
      const c = await createCase(t, { regionCode: regionOf(axis) });
      const hold = await t.ctx.db
        .insertInto('legal_holds')
        .values({ target_type: 'case', case_id: c.id, reason: 'Uji hak akses: ditahan.', placed_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { method: 'POST', url: `/api/v1/retention/holds/${hold.id}/lift`, payload: { reason: 'Uji hak akses: dicabut.' } };
    },
  },
  'GET /api/v1/retention/forecast': { roles: RETENTION_READERS, ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/retention/forecast?days=30' }) },
  'GET /api/v1/retention/purges': { roles: RETENTION_READERS, ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/retention/purges' }) },
  'GET /api/v1/retention/purges/:id': {
    roles: RETENTION_READERS,
    ok: 200,
    scoped: false,
    request: async () => {
      const run = await t.ctx.db.insertInto('purge_runs').values({ dry_run: true, trigger: 'cli', actor_id: null, today: '2024-10-01', started_at: new Date() }).returning('id').executeTakeFirstOrThrow();
      return { method: 'GET', url: `/api/v1/retention/purges/${run.id}` };
    },
  },
  'POST /api/v1/retention/purges': { roles: ['administrator'], ok: 201, scoped: false, request: async () => ({ method: 'POST', url: '/api/v1/retention/purges', payload: { dryRun: true } }) },

  'GET /api/v1/cases': {
    roles: CASE_ROLES,
    ok: 200,
    request: async (actor, axis) => {
      const c = await caseForRole(actor.role, axis);
      return { method: 'GET', url: `/api/v1/cases?queue=all&q=${c.number}`, effective: present(hasItem(c.id)) };
    },
  },
  'GET /api/v1/cases/:id': caseEndpoint((id) => `/api/v1/cases/${id}`),
  'GET /api/v1/cases/:id/sanction-suggestion': caseEndpoint((id) => `/api/v1/cases/${id}/sanction-suggestion`),
  'GET /api/v1/cases/:id/assignable-staff': caseEndpoint((id) => `/api/v1/cases/${id}/assignable-staff`),
  'POST /api/v1/cases/:id/transitions': caseEndpoint((id) => `/api/v1/cases/${id}/transitions`, 'POST', transitionFor),
  'POST /api/v1/cases/:id/lock': caseEndpoint((id) => `/api/v1/cases/${id}/lock`, 'POST'),
  'DELETE /api/v1/cases/:id/lock': caseEndpoint((id) => `/api/v1/cases/${id}/lock`, 'DELETE'),
  'POST /api/v1/cases/:id/assign': {
    ...caseEndpoint((id) => `/api/v1/cases/${id}/assign`, 'POST'),
    request: async (actor, axis) => ({ method: 'POST', url: `/api/v1/cases/${(await caseForRole(actor.role, axis)).id}/assign`, payload: { userId: actor.client.userId } }),
  },
  'POST /api/v1/cases/bulk': {
    roles: CASE_ROLES,
    ok: 200,
    refused: ['bkpsdm_officer'],
    request: async (actor, axis) => {
      const c = await caseForRole(actor.role, axis);
      return {
        method: 'POST',
        url: '/api/v1/cases/bulk',
        payload: { action: 'assign', userId: actor.client.userId, caseIds: [c.id] },
        effective: (res) => (res.statusCode === 200 ? (res.json() as { results: Array<{ status: number }> }).results[0].status : res.statusCode),
      };
    },
  },

  // ---- Issue 15: the person of a case and the SIASN block
  'GET /api/v1/cases/:id/people': caseEndpoint((id) => `/api/v1/cases/${id}/people`),
  'POST /api/v1/cases/:id/people': {
    roles: BAWASLU,
    ok: 201,
    request: async (_actor, axis) => ({ method: 'POST', url: `/api/v1/cases/${(await createCase(t, { regionCode: regionOf(axis) })).id}/people`, payload: { asnId: (await asnIn(axis)).id } }),
  },
  'DELETE /api/v1/cases/:id/people/:asnId': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => {
      const asn = await asnIn(axis);
      const c = await createCase(t, { regionCode: regionOf(axis), asnId: asn.id });
      return { method: 'DELETE', url: `/api/v1/cases/${c.id}/people/${asn.id}` };
    },
  },
  'PUT /api/v1/cases/:id/person-unknown': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'PUT', url: `/api/v1/cases/${(await createCase(t, { regionCode: regionOf(axis) })).id}/person-unknown`, payload: { reason: 'not_named' } }),
  },
  'GET /api/v1/cases/:id/siasn-blocks': caseEndpoint((id) => `/api/v1/cases/${id}/siasn-blocks`),
  'POST /api/v1/cases/:id/siasn-blocks/impose': {
    roles: ['bkn_verifier'],
    ok: 200,
    request: async (_actor, axis) => ({ method: 'POST', url: `/api/v1/cases/${await blockedCase(axis)}/siasn-blocks/impose`, payload: { reference: `SIASN/${hex()}/2024`, imposedOn: todayInTest() } }),
  },
  'POST /api/v1/cases/:id/siasn-blocks/lift': {
    roles: ['bkn_verifier'],
    ok: 200,
    request: async (_actor, axis) => ({ method: 'POST', url: `/api/v1/cases/${await blockedCase(axis)}/siasn-blocks/lift`, payload: { reason: 'Permintaan dicabut dalam uji hak akses.', liftedOn: todayInTest() } }),
  },
  'GET /api/v1/siasn-blocks/summary': { roles: 'all', ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/siasn-blocks/summary' }) },

  'GET /api/v1/workload': { roles: 'all', ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/workload' }) },
  // ---- Issue 17: the SMS/WhatsApp inbox (webhooks answer 404 here: no channel is configured)
  'POST /api/v1/inbox/webhooks/sms': PUBLIC,
  'GET /api/v1/inbox/webhooks/whatsapp': PUBLIC,
  'POST /api/v1/inbox/webhooks/whatsapp': PUBLIC,
  'GET /api/v1/inbox/conversations': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => {
      const { id } = await conversationIn(axis);
      return { method: 'GET', url: '/api/v1/inbox/conversations?limit=100', effective: present(hasItem(id)) };
    },
  },
  'GET /api/v1/inbox/conversations/:id': { roles: BAWASLU, ok: 200, request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/inbox/conversations/${(await conversationIn(axis)).id}` }) },
  'GET /api/v1/inbox/media/:id': { roles: BAWASLU, ok: 200, request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/inbox/media/${(await conversationIn(axis, true)).mediaId}` }) },
  'POST /api/v1/inbox/conversations/:id/region': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'POST', url: `/api/v1/inbox/conversations/${(await conversationIn(axis)).id}/region`, payload: { regionCode: regionOf(axis) } }),
  },
  'POST /api/v1/inbox/conversations/:id/reply': {
    roles: BAWASLU,
    ok: 201,
    request: async (_actor, axis) => ({ method: 'POST', url: `/api/v1/inbox/conversations/${(await conversationIn(axis)).id}/reply`, payload: { text: 'Balasan uji hak akses.' } }),
  },
  'POST /api/v1/inbox/conversations/:id/dismiss': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'POST', url: `/api/v1/inbox/conversations/${(await conversationIn(axis)).id}/dismiss`, payload: { reason: 'Uji hak akses: bukan laporan.' } }),
  },
  'POST /api/v1/inbox/conversations/:id/report': {
    roles: BAWASLU,
    ok: 201,
    request: async (_actor, axis) => ({
      method: 'POST',
      url: `/api/v1/inbox/conversations/${(await conversationIn(axis)).id}/report`,
      payload: { electionId: 'pilkada-2024', place: 'Balai Desa Fiktif', occurredOn: '2024-09-20', knownOn: '2024-09-20', actCodes: ['A02'], reportedName: 'ASN Fiktif Uji' },
    }),
  },
  'GET /api/v1/notifications/settings': { roles: 'all', ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/notifications/settings' }) },
  'PUT /api/v1/notifications/settings': { roles: 'all', ok: 200, scoped: false, request: async () => ({ method: 'PUT', url: '/api/v1/notifications/settings', payload: { emailAssigned: true, emailDeadlines: false } }) },
  // ---- Issue 17: the reporter's thread
  'POST /api/v1/reports/track/messages': PUBLIC,
  'POST /api/v1/reports/track/messages/send': PUBLIC,
  'POST /api/v1/reports/track/notices': PUBLIC,
  'GET /api/v1/cases/:id/messages': caseEndpoint((id) => `/api/v1/cases/${id}/messages`),
  'POST /api/v1/cases/:id/messages': {
    roles: BAWASLU,
    ok: 201,
    request: async (actor, axis) => {
      const { reportId } = await publicReport(axis, actor.role);
      const { case_id } = await t.ctx.db.selectFrom('reports').select('case_id').where('id', '=', reportId).executeTakeFirstOrThrow();
      return { method: 'POST', url: `/api/v1/cases/${case_id}/messages`, payload: { text: 'Pertanyaan uji hak akses kepada pelapor.' } };
    },
  },

  'GET /api/v1/notifications': {
    roles: 'all',
    ok: 200,
    inScope: ownNotification,
    request: async (actor, axis) => {
      const id = await notificationFor(actor, axis);
      return { method: 'GET', url: '/api/v1/notifications?limit=100', effective: present((body) => (body as { items: Array<{ id: number }> }).items.some((n) => n.id === id)) };
    },
  },
  'POST /api/v1/notifications/:id/read': {
    roles: 'all',
    ok: 200,
    inScope: ownNotification,
    request: async (actor, axis) => ({ method: 'POST', url: `/api/v1/notifications/${await notificationFor(actor, axis)}/read` }),
  },
  'POST /api/v1/notifications/read-all': { roles: 'all', ok: 200, scoped: false, request: async () => ({ method: 'POST', url: '/api/v1/notifications/read-all' }) },

  'GET /api/v1/reports': {
    roles: CASE_ROLES,
    ok: 200,
    request: async (actor, axis) => {
      const c = await caseForRole(actor.role, axis);
      const reportId = await reportIdOf(c.id);
      return { method: 'GET', url: `/api/v1/reports?caseId=${c.id}`, effective: present(hasItem(reportId)) };
    },
  },
  'GET /api/v1/reports/:id': {
    roles: CASE_ROLES,
    ok: 200,
    request: async (actor, axis) => ({ method: 'GET', url: `/api/v1/reports/${await reportIdOf((await caseForRole(actor.role, axis)).id)}` }),
  },
  'GET /api/v1/evidence/:id': {
    roles: CASE_ROLES,
    ok: 200,
    request: async (actor, axis) => ({ method: 'GET', url: `/api/v1/evidence/${(await publicReport(axis, actor.role)).evidenceId}` }),
  },
  'POST /api/v1/reports/:id/identity': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => ({
      method: 'POST',
      url: `/api/v1/reports/${(await publicReport(axis)).reportId}/identity`,
      payload: { reason: 'Perlu menghubungi pelapor untuk klarifikasi bukti.' },
    }),
  },
  'POST /api/v1/intake/reports': {
    roles: BAWASLU,
    ok: 201,
    outOfScope: 403,
    request: async (_actor, axis) => {
      const body = await multipartBody({ ...fictionalReport({ regionCode: regionOf(axis) }), source: 'finding' });
      return { method: 'POST', url: '/api/v1/intake/reports', payload: body.payload, headers: body.headers };
    },
  },
  'GET /api/v1/merge-proposals': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => {
      const id = await mergeProposal(axis);
      return { method: 'GET', url: '/api/v1/merge-proposals?limit=200', effective: present(hasItem(id)) };
    },
  },
  'POST /api/v1/merge-proposals/:id/merge': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'POST', url: `/api/v1/merge-proposals/${await mergeProposal(axis)}/merge`, payload: {} }),
  },
  'POST /api/v1/merge-proposals/:id/dismiss': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'POST', url: `/api/v1/merge-proposals/${await mergeProposal(axis)}/dismiss`, payload: { reason: 'Bukan kejadian yang sama.' } }),
  },

  // Screening: Bawaslu and analysts read, Bawaslu decides; posts and accounts are scoped by their region.
  'POST /api/v1/screening/score': {
    roles: SCREENING_READERS,
    ok: 200,
    scoped: false,
    request: async () => ({ method: 'POST', url: '/api/v1/screening/score', payload: { text: 'Ayo coblos nomor 1!', electionId: 'pilkada-2024', regionCode: IN_REGION } }),
  },
  'POST /api/v1/screening/posts/import': {
    roles: BAWASLU,
    ok: 200,
    outOfScope: 403,
    request: async (_actor, axis) => {
      const line = JSON.stringify({ platform: 'x', handle: 'rbac.import', url: `https://x.example/rbac/${randomBytes(6).toString('hex')}`, text: 'Ayo coblos nomor 1!', postedAt: '2024-09-28T08:00:00+07:00' });
      return { method: 'POST', url: '/api/v1/screening/posts/import', ...importForm('rbac.jsonl', `${line}\n`, { electionId: 'pilkada-2024', regionCode: regionOf(axis) }) };
    },
  },
  'GET /api/v1/screening/posts': {
    roles: SCREENING_READERS,
    ok: 200,
    request: async (_actor, axis) => {
      const { postId } = await insertPost(t.ctx.db, regionOf(axis), { score: 99 });
      return { method: 'GET', url: '/api/v1/screening/posts?minScore=99&limit=200', effective: present(hasItem(postId)) };
    },
  },
  'GET /api/v1/screening/posts/:id': {
    roles: SCREENING_READERS,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/screening/posts/${(await insertPost(t.ctx.db, regionOf(axis))).postId}` }),
  },
  'POST /api/v1/screening/posts/:id/confirm': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'POST', url: `/api/v1/screening/posts/${(await insertPost(t.ctx.db, regionOf(axis))).postId}/confirm`, payload: {} }),
  },
  'POST /api/v1/screening/posts/:id/dismiss': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'POST', url: `/api/v1/screening/posts/${(await insertPost(t.ctx.db, regionOf(axis))).postId}/dismiss`, payload: { reason: 'satire' } }),
  },
  'GET /api/v1/screening/lexicon': {
    roles: SCREENING_READERS,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/screening/lexicon?electionId=pilkada-2024&regionCode=${regionOf(axis)}&limit=1` }),
  },
  'POST /api/v1/screening/lexicon/edits': {
    roles: BAWASLU,
    ok: 201,
    outOfScope: 403,
    request: async (_actor, axis) => ({
      method: 'POST',
      url: '/api/v1/screening/lexicon/edits',
      payload: { electionId: 'pilkada-2024', regionCode: regionOf(axis), action: 'add', term: `rbac${randomBytes(3).toString('hex')}`, kind: 'support_cue' },
    }),
  },
  'GET /api/v1/screening/accounts': {
    roles: SCREENING_READERS,
    ok: 200,
    request: async (_actor, axis) => {
      const { accountId, handle } = await insertAccount(t.ctx.db, regionOf(axis));
      return { method: 'GET', url: `/api/v1/screening/accounts?q=${handle}`, effective: present(hasItem(accountId)) };
    },
  },
  'POST /api/v1/screening/accounts/:id/link': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => {
      const { nip } = await screeningAsn(regionOf(axis));
      return { method: 'POST', url: `/api/v1/screening/accounts/${(await insertAccount(t.ctx.db, regionOf(axis))).accountId}/link`, payload: { asnNip: nip } };
    },
  },
  'POST /api/v1/screening/accounts/:id/unlink': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => {
      const asn = await screeningAsn(regionOf(axis));
      return { method: 'POST', url: `/api/v1/screening/accounts/${(await insertAccount(t.ctx.db, regionOf(axis), { asnId: asn.id, status: 'confirmed' })).accountId}/unlink` };
    },
  },
  'POST /api/v1/screening/accounts/:id/link/confirm': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => {
      const asn = await screeningAsn(regionOf(axis));
      return { method: 'POST', url: `/api/v1/screening/accounts/${(await insertAccount(t.ctx.db, regionOf(axis), { asnId: asn.id, status: 'proposed' })).accountId}/link/confirm` };
    },
  },
  'POST /api/v1/screening/accounts/:id/link/reject': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => {
      const asn = await screeningAsn(regionOf(axis));
      return { method: 'POST', url: `/api/v1/screening/accounts/${(await insertAccount(t.ctx.db, regionOf(axis), { asnId: asn.id, status: 'proposed' })).accountId}/link/reject` };
    },
  },
  'POST /api/v1/screening/accounts/propose-links': {
    roles: BAWASLU,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'POST', url: '/api/v1/screening/accounts/propose-links', payload: { regionCode: regionOf(axis) } }),
  },
  // Register: file format docs are public; readers are every role but the analyst, importers the personnel office and administrators.
  'GET /api/v1/register/columns': PUBLIC,
  // ---- Agencies and units console (issue 14): fresh agencies, so renames and merges leave the walk's own alone
  'GET /api/v1/register/agencies/template.csv': PUBLIC,
  'GET /api/v1/register/agencies/:id': {
    roles: ['bkpsdm_officer', 'administrator'],
    ok: 200,
    outOfScope: 404,
    request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/register/agencies/${await createAgency(t, regionOf(axis), 'Instansi Uji Kelola (fiktif)')}` }),
  },
  'PUT /api/v1/register/agencies/:id': {
    roles: ['bkpsdm_officer', 'administrator'],
    ok: 200,
    outOfScope: 404,
    request: async (_actor, axis) => ({ method: 'PUT', url: `/api/v1/register/agencies/${await createAgency(t, regionOf(axis), 'Instansi Uji Ganti Nama')}`, payload: { name: 'Instansi Uji Nama Baru', regionCode: regionOf(axis) } }),
  },
  'POST /api/v1/register/agencies/:id/merge': {
    roles: ['bkpsdm_officer', 'administrator'],
    ok: 200,
    outOfScope: 404,
    request: async (_actor, axis) => {
      const [from, into] = [await createAgency(t, regionOf(axis), 'Instansi Uji Ganda'), await createAgency(t, regionOf(axis), 'Instansi Uji Tujuan')];
      return { method: 'POST', url: `/api/v1/register/agencies/${from}/merge`, payload: { intoId: into, reason: 'Kode ganda (uji hak akses)' } };
    },
  },
  'POST /api/v1/register/agencies/:id/units': {
    roles: ['bkpsdm_officer', 'administrator'],
    ok: 201,
    outOfScope: 404,
    request: async (_actor, axis) => ({ method: 'POST', url: `/api/v1/register/agencies/${await createAgency(t, regionOf(axis), 'Instansi Uji Unit')}/units`, payload: { name: `Bidang Uji ${hex()}` } }),
  },
  'PUT /api/v1/register/units/:id': {
    roles: ['bkpsdm_officer', 'administrator'],
    ok: 200,
    outOfScope: 404,
    request: async (_actor, axis) => ({ method: 'PUT', url: `/api/v1/register/units/${await createUnit(t, await createAgency(t, regionOf(axis), 'Instansi Uji Unit'), 'Bidang Lama')}`, payload: { name: 'Bidang Baru' } }),
  },
  'POST /api/v1/register/units/:id/merge': {
    roles: ['bkpsdm_officer', 'administrator'],
    ok: 200,
    outOfScope: 404,
    request: async (_actor, axis) => {
      const agency = await createAgency(t, regionOf(axis), 'Instansi Uji Unit');
      const [from, into] = [await createUnit(t, agency, 'Bidang Ganda'), await createUnit(t, agency, 'Bidang Tujuan')];
      return { method: 'POST', url: `/api/v1/register/units/${from}/merge`, payload: { intoId: into } };
    },
  },
  'POST /api/v1/register/agencies/import': {
    roles: ['bkpsdm_officer', 'administrator'],
    ok: 200,
    outOfScope: 403,
    request: async (_actor, axis) => ({
      ...(await upload('/api/v1/register/agencies/import', 'instansi.csv', `kode_instansi,nama_instansi,kode_wilayah\nRBAC-${hex()},Instansi Uji Impor,${regionOf(axis)}\n`)),
      effective: (res) => (res.statusCode !== 200 ? res.statusCode : (res.json() as { rows: Array<{ reasons?: Array<{ code: string }> }> }).rows[0]?.reasons?.some((r) => r.code === 'region_outside_scope') ? 403 : 200),
    }),
  },
  'GET /api/v1/register/template.csv': PUBLIC,
  'GET /api/v1/register/template.xlsx': PUBLIC,
  'GET /api/v1/register/agencies': {
    roles: ALL_BUT_ANALYST,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/register/agencies?q=${encodeURIComponent('Hak Akses')}&limit=200`, effective: present(hasItem(await agencyIn(regionOf(axis)))) }),
  },
  'POST /api/v1/register/agencies': {
    roles: ['bkpsdm_officer', 'administrator'],
    ok: 201,
    outOfScope: 403,
    request: async (_actor, axis) => ({ method: 'POST', url: '/api/v1/register/agencies', payload: { code: `RBAC-${hex()}`, name: 'Instansi Uji Hak Akses', regionCode: regionOf(axis) } }),
  },
  // Known bug (fails here on purpose): repository.listUnits filters only by scope.agencyIds, not by the
  // agency's region, so a regional officer reads the units of another region's agency.
  'GET /api/v1/register/agencies/:id/units': {
    roles: ALL_BUT_ANALYST,
    ok: 200,
    request: async (_actor, axis) => {
      const agencyId = await agencyIn(regionOf(axis));
      const unitId = await createUnit(t, agencyId, `Bidang Uji ${hex()}`);
      return { method: 'GET', url: `/api/v1/register/agencies/${agencyId}/units`, effective: present((body) => (body as Array<{ id: number }>).some((u) => u.id === unitId)) };
    },
  },
  'POST /api/v1/register/imports': {
    roles: ['bkpsdm_officer', 'administrator'],
    ok: 202,
    outOfScope: 403,
    request: async (_actor, axis) => upload('/api/v1/register/imports', 'rbac.csv', csvOf([]), { regionCode: regionOf(axis) }),
  },
  'GET /api/v1/register/imports': {
    roles: ['bkpsdm_officer', 'administrator'],
    ok: 200,
    request: async (_actor, axis) => ({ method: 'GET', url: '/api/v1/register/imports?limit=200', effective: present(hasItem(await importIn(axis))) }),
  },
  'GET /api/v1/register/imports/:id': {
    roles: ['bkpsdm_officer', 'administrator'],
    ok: 200,
    request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/register/imports/${await importIn(axis)}` }),
  },
  'GET /api/v1/register/imports/:id/rejected': {
    roles: ['bkpsdm_officer', 'administrator'],
    ok: 200,
    request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/register/imports/${await importIn(axis)}/rejected` }),
  },
  'GET /api/v1/register/asn': {
    roles: ALL_BUT_ANALYST,
    ok: 200,
    request: async (_actor, axis) => {
      const asn = await asnIn(axis);
      return { method: 'GET', url: `/api/v1/register/asn?nip=${asn.nip}`, effective: present(hasItem(asn.id)) };
    },
  },
  'GET /api/v1/register/asn/:id': {
    roles: ALL_BUT_ANALYST,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/register/asn/${(await asnIn(axis)).id}` }),
  },

  // Candidates: every role but the analyst reads, Bawaslu (regency, province), the personnel office and administrators edit.
  'GET /api/v1/candidates/columns': PUBLIC,
  'GET /api/v1/candidates/template.csv': PUBLIC,
  'GET /api/v1/candidates': {
    roles: ALL_BUT_ANALYST,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'GET', url: '/api/v1/candidates?electionId=pilkada-2024', effective: present(hasItem(await pairIn(axis))) }),
  },
  'GET /api/v1/candidates/:id': { roles: ALL_BUT_ANALYST, ok: 200, request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/candidates/${await pairIn(axis)}` }) },
  'POST /api/v1/candidates': {
    roles: CANDIDATE_EDITORS,
    ok: 201,
    outOfScope: 403,
    request: async (_actor, axis) => ({ method: 'POST', url: '/api/v1/candidates', payload: pairBody(regionOf(axis)), effective: regionRefused }),
  },
  'PUT /api/v1/candidates/:id': {
    roles: CANDIDATE_EDITORS,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'PUT', url: `/api/v1/candidates/${await pairIn(axis)}`, payload: pairBody(regionOf(axis), { slogans: ['Maju Bersama'] }) }),
  },
  'POST /api/v1/candidates/import': {
    roles: CANDIDATE_EDITORS,
    ok: 200,
    outOfScope: 403,
    request: async (_actor, axis) => {
      const header = 'kode_pemilihan,kode_wilayah,nomor_urut,nama_calon,panggilan_calon,variasi_nama_calon,nip_calon,nama_wakil,panggilan_wakil,variasi_nama_wakil,nip_wakil,jalur,partai,petahana,jabatan_petahana,slogan,tagar';
      const row = `pilkada-2024,${regionOf(axis)},,Calon Impor ${hex()},,,,Wakil Impor ${hex()},,,,perseorangan,,,,,`;
      return { ...(await upload('/api/v1/candidates/import', 'paslon.csv', `${header}\n${row}\n`)), effective: importedRow };
    },
  },
  'POST /api/v1/candidates/:id/obligations': {
    roles: ['bkpsdm_officer', 'ppk_delegate', 'administrator'],
    ok: 200,
    request: async (_actor, axis) => ({
      method: 'POST',
      url: `/api/v1/candidates/${await pairIn(axis, true)}/obligations`,
      payload: { member: 'deputy', obligation: 'notice', doneOn: '2024-08-28', letterNumber: '800/123/429.201/2024' },
    }),
  },

  // Rotations: every role but the analyst reads; the personnel office, Bawaslu and administrators record; Bawaslu makes findings.
  'GET /api/v1/rotations/columns': PUBLIC,
  'GET /api/v1/rotations/template.csv': PUBLIC,
  'GET /api/v1/rotations': {
    roles: ALL_BUT_ANALYST,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'GET', url: '/api/v1/rotations?limit=200', effective: present(hasItem(await rotationIn(axis))) }),
  },
  'GET /api/v1/rotations/:id': { roles: ALL_BUT_ANALYST, ok: 200, request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/rotations/${await rotationIn(axis)}` }) },
  'POST /api/v1/rotations': {
    roles: ROTATION_RECORDERS,
    ok: 201,
    outOfScope: 403,
    request: async (_actor, axis) => ({ method: 'POST', url: '/api/v1/rotations', payload: rotationBody(regionOf(axis)), effective: regionRefused }),
  },
  'POST /api/v1/rotations/import': {
    roles: ROTATION_RECORDERS,
    ok: 200,
    outOfScope: 403,
    request: async (_actor, axis) => {
      const header = 'kode_pemilihan,kode_wilayah,nip,nama,jabatan_lama,jabatan_baru,nomor_sk,tanggal_sk,penandatangan,kapasitas_penandatangan,persetujuan_menteri';
      const row = `pilkada-2024,${regionOf(axis)},197503122000031004,Hendra Wijaya,Kepala Dinas Pendidikan,Staf Ahli Bupati,821.2/${hex()}/2024,2024-05-10,Agus Santoso,kepala_daerah,N`;
      return { ...(await upload('/api/v1/rotations/import', 'mutasi.csv', `${header}\n${row}\n`)), effective: importedRow };
    },
  },
  'GET /api/v1/rotations/terms': { roles: ALL_BUT_ANALYST, ok: 200, scoped: false, request: async () => ({ method: 'GET', url: '/api/v1/rotations/terms' }) },
  'PUT /api/v1/rotations/terms/:regionCode': {
    roles: ROTATION_RECORDERS,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'PUT', url: `/api/v1/rotations/terms/${regionOf(axis)}`, payload: { termEnd: '2026-02-20', basis: 'SK pelantikan nomor 131.35-0001 tahun 2021' } }),
  },
  'POST /api/v1/reports/:id/finding': {
    roles: BAWASLU,
    ok: 201,
    request: async (_actor, axis) => {
      // An anonymous public report: it fails the formal requirements, so it may become a finding.
      const c = await createCase(t, { regionCode: regionOf(axis) });
      const report = await t.ctx.db.updateTable('reports').set({ source: 'public', anonymous: true }).where('case_id', '=', c.id).returning('id').executeTakeFirstOrThrow();
      return { method: 'POST', url: `/api/v1/reports/${report.id}/finding`, payload: { note: 'Pelapor anonim; diambil sebagai temuan (uji hak akses).' } };
    },
  },
  'POST /api/v1/rotations/:id/finding': { roles: BAWASLU, ok: 201, request: async (_actor, axis) => ({ method: 'POST', url: `/api/v1/rotations/${await rotationIn(axis)}/finding` }) },

  // Dashboards, recaps and exports: aggregate figures, every staff role for its own territory.
  'GET /api/v1/dashboards/:electionId': { roles: 'all', ok: 200, request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/dashboards/pilkada-2024?region=${regionOf(axis)}` }) },
  'GET /api/v1/dashboards/:electionId/agencies': { roles: 'all', ok: 200, request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/dashboards/pilkada-2024/agencies?region=${regionOf(axis)}` }) },
  'POST /api/v1/dashboards/refresh': { roles: 'all', ok: 200, scoped: false, request: async () => ({ method: 'POST', url: '/api/v1/dashboards/refresh' }) },
  'GET /api/v1/transparency/:electionId': { public: true, request: { method: 'GET', url: '/api/v1/transparency/pilkada-2024' } },
  'GET /api/v1/transparency/:electionId/:regionCode': { public: true, request: { method: 'GET', url: '/api/v1/transparency/pilkada-2024/35.10' } },
  'GET /api/v1/documents/cases/:id/recommendation': {
    roles: CASE_ROLES,
    ok: 200,
    // Proven and recommended to the PPK: a case every case role sees.
    request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/documents/cases/${(await caseForRole('ppk_delegate', axis)).id}/recommendation?to=ppk` }),
  },
  // ---- Issue 15: letters at their step, files kept with the case, the signed decree
  'GET /api/v1/documents/cases/:id': {
    roles: CASE_ROLES,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/documents/cases/${(await caseForRole('ppk_delegate', axis)).id}` }),
  },
  'GET /api/v1/documents/cases/:id/letters/:kind': {
    roles: CASE_ROLES,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/documents/cases/${(await caseForRole('ppk_delegate', axis)).id}/letters/recommendation-bkn` }),
  },
  'GET /api/v1/documents/cases/:id/files/:fileId': {
    roles: CASE_ROLES,
    ok: 200,
    request: async (_actor, axis) => {
      const c = await caseForRole('ppk_delegate', axis);
      const sha256 = createHash('sha256').update(MINIMAL_PDF).digest('hex');
      const key = `sha256/${sha256.slice(0, 2)}/${sha256}`;
      await t.ctx.files.putBuffer(key, MINIMAL_PDF, 'application/pdf');
      const row = await t.ctx.db
        .insertInto('case_documents')
        .values({ case_id: c.id, kind: 'sanction_decree', report_id: null, file_name: 'keputusan.pdf', content_type: 'application/pdf', storage_key: key, sha256, size_bytes: MINIMAL_PDF.length })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { method: 'GET', url: `/api/v1/documents/cases/${c.id}/files/${row.id}` };
    },
  },
  'POST /api/v1/documents/cases/:id/decree': {
    roles: ['ppk_delegate'],
    ok: 201,
    request: async (_actor, axis) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(MINIMAL_PDF)], { type: 'application/pdf' }), 'keputusan.pdf');
      const encoded = new Response(form);
      const c = await caseForRole('ppk_delegate', axis);
      return { method: 'POST', url: `/api/v1/documents/cases/${c.id}/decree`, payload: Buffer.from(await encoded.arrayBuffer()), headers: { 'content-type': encoded.headers.get('content-type')! } };
    },
  },
  'GET /api/v1/documents/recap/:electionId': { roles: 'all', ok: 200, request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/documents/recap/pilkada-2024?region=${regionOf(axis)}` }) },
  'POST /api/v1/exports': {
    roles: 'all',
    ok: 200,
    request: async (_actor, axis) => ({ method: 'POST', url: '/api/v1/exports', payload: { source: 'dashboard', format: 'csv', filter: { electionId: 'pilkada-2024', region: regionOf(axis), table: 'state' } } }),
  },
  'GET /api/v1/exports': {
    roles: 'all',
    ok: 200,
    inScope: ownExport,
    request: async (actor, axis) => ({ method: 'GET', url: '/api/v1/exports', effective: present(hasItem(await exportFor(actor, axis))) }),
  },
  'GET /api/v1/exports/:id': { roles: 'all', ok: 200, inScope: ownExport, request: async (actor, axis) => ({ method: 'GET', url: `/api/v1/exports/${await exportFor(actor, axis)}` }) },
  'GET /api/v1/exports/:id/file': { roles: 'all', ok: 200, inScope: ownExport, request: async (actor, axis) => ({ method: 'GET', url: `/api/v1/exports/${await exportFor(actor, axis)}/file` }) },

  // Prevention: coverage and events for every staff role; names for Bawaslu and the personnel office; pledges recorded by the personnel office.
  'GET /api/v1/prevention/:electionId/coverage': { roles: 'all', ok: 200, request: async (_actor, axis) => ({ method: 'GET', url: `${E}/coverage?region=${regionOf(axis)}` }) },
  'GET /api/v1/prevention/:electionId/unsigned': {
    roles: PREVENTION_READERS,
    ok: 200,
    request: async (_actor, axis) => {
      const asn = await asnIn(axis);
      return { method: 'GET', url: `${E}/unsigned?q=${asn.nip}`, effective: present(hasItem(asn.id)) };
    },
  },
  'GET /api/v1/prevention/:electionId/pledges': {
    roles: PREVENTION_READERS,
    ok: 200,
    request: async (_actor, axis) => {
      const asn = await asnIn(axis);
      await t.ctx.db.insertInto('pledges').values({ election_id: 'pilkada-2024', asn_id: asn.id, signed_on: '2024-09-17', method: 'single' }).execute();
      return { method: 'GET', url: `${E}/pledges?agencyId=${await agencyIn(regionOf(axis))}&limit=200`, effective: present(hasItem(asn.id)) };
    },
  },
  'POST /api/v1/prevention/:electionId/pledges': {
    roles: PLEDGE_RECORDERS,
    ok: 201,
    request: async (_actor, axis) => ({ method: 'POST', url: `${E}/pledges`, payload: { nip: (await asnIn(axis)).nip, signedOn: '2024-09-17' } }),
  },
  'POST /api/v1/prevention/:electionId/pledges/agency': {
    roles: PLEDGE_RECORDERS,
    ok: 200,
    request: async (_actor, axis) => ({ method: 'POST', url: `${E}/pledges/agency`, payload: { agencyId: await agencyIn(regionOf(axis)), signedOn: '2024-09-17' } }),
  },
  'POST /api/v1/prevention/:electionId/pledges/import': {
    roles: PLEDGE_RECORDERS,
    ok: 200,
    request: async (_actor, axis) => ({
      ...(await upload(`${E}/pledges/import`, 'pakta.csv', `nip;tanggal\n${(await asnIn(axis)).nip};2024-09-17\n`)),
      // A civil servant outside the scope is a line "not in the register": absent, as a 404.
      effective: (res) => (res.statusCode === 200 ? ((res.json() as { recorded: number }).recorded === 1 ? 200 : 404) : res.statusCode),
    }),
  },
  'DELETE /api/v1/prevention/:electionId/pledges/:nip': {
    roles: PLEDGE_RECORDERS,
    ok: 200,
    request: async (_actor, axis) => {
      const asn = await asnIn(axis);
      await t.ctx.db.insertInto('pledges').values({ election_id: 'pilkada-2024', asn_id: asn.id, signed_on: '2024-09-17', method: 'single' }).execute();
      return { method: 'DELETE', url: `${E}/pledges/${asn.nip}` };
    },
  },
  'GET /api/v1/prevention/:electionId/events': {
    roles: 'all',
    ok: 200,
    request: async (_actor, axis) => ({ method: 'GET', url: `${E}/events?limit=200`, effective: present(hasItem(await eventIn(axis))) }),
  },
  'POST /api/v1/prevention/:electionId/events': {
    roles: [...BAWASLU, 'bkpsdm_officer', 'ppk_delegate'],
    ok: 201,
    outOfScope: 403,
    request: async (_actor, axis) => ({
      method: 'POST',
      url: `${E}/events`,
      payload: { regionCode: regionOf(axis), kind: 'apel_siaga', title: 'Apel Siaga Netralitas ASN', heldOn: '2024-09-16', place: 'Halaman Kantor Bupati (fiktif)', organiser: 'BKPSDM' },
    }),
  },
  'GET /api/v1/prevention/events/:eventId': { roles: PREVENTION_READERS, ok: 200, request: async (_actor, axis) => ({ method: 'GET', url: `/api/v1/prevention/events/${await eventIn(axis)}` }) },
  'POST /api/v1/prevention/events/:eventId/attendance': {
    roles: [...BAWASLU, 'bkpsdm_officer', 'ppk_delegate'],
    ok: 200,
    request: async (_actor, axis) => ({ method: 'POST', url: `/api/v1/prevention/events/${await eventIn(axis)}/attendance`, payload: { agencyId: await agencyIn(regionOf(axis)) } }),
  },
  'POST /api/v1/prevention/events/:eventId/attendance/import': {
    roles: [...BAWASLU, 'bkpsdm_officer', 'ppk_delegate'],
    ok: 200,
    request: async (_actor, axis) => upload(`/api/v1/prevention/events/${await eventIn(axis)}/attendance/import`, 'hadir.csv', `${(await asnIn(axis)).nip}\n`),
  },
};

/** Every API endpoint the app serves, as "METHOD /path", read from Fastify's route tree. */
function servedEndpoints(tree: string): string[] {
  const stack: string[] = [];
  const endpoints: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│├└─ ]*?)([├└]── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1].length + m[2].length) / 4 - 1;
    stack.length = depth;
    stack.push(m[3]);
    const path = stack.join('');
    for (const method of (m[4] ?? '').split(', ').filter((x) => x && x !== 'HEAD' && x !== 'OPTIONS')) endpoints.push(`${method} ${path}`);
  }
  // The API documentation (Swagger UI and the OpenAPI document) is public by design.
  return endpoints.filter((e) => !/ \/api\/v1\/(docs|openapi\.json)/.test(e)).sort();
}

function expectedStatus(rule: StaffRule, actor: Actor | null, axis: Axis): number {
  if (!actor) return 401;
  if (rule.roles !== 'all' && !rule.roles.includes(actor.role)) return 403;
  const inScope = rule.inScope ? rule.inScope(actor, axis) : axis === 'in' || regionWithinScope(scopeOf(actor.role), OUT_REGION);
  if (rule.scoped !== false && !inScope) return rule.outOfScope ?? 404;
  if (rule.refused?.includes(actor.role)) return 403;
  return rule.ok;
}

let addresses = 0;
/**
 * A second session for a role, from its own network address: sign-in and TOTP are rate-limited
 * per address, and the session endpoints (logout, TOTP) are walked on sessions of their own.
 */
async function freshActor(role: RoleCode): Promise<Actor> {
  const address = `10.99.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`;
  const account = await createStaffAccount(t, role, SCOPES[role]);
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: TEST_PASSWORD }, headers: { 'x-forwarded-for': address } });
  const { csrfToken } = login.json() as { csrfToken: string };
  const verified = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', headers: { cookie: cookieFrom(login), 'x-csrf-token': csrfToken, 'x-forwarded-for': address }, payload: { code: totpCode(account.totpSecret, t.ctx.now()) } });
  if (verified.statusCode !== 200) throw new Error(`TOTP failed ${verified.statusCode}: ${verified.body}`);
  // Passing the second factor renews the session token.
  const cookie = cookieFrom(verified);
  const headers = { cookie, 'x-csrf-token': csrfToken, 'x-forwarded-for': address };
  const request = (options: InjectOptions) => t.app.inject({ ...options, headers: { ...headers, ...(options.headers ?? {}) } });
  return {
    role,
    client: { ...account, role, csrfToken, cookie, request, get: (url) => request({ method: 'GET', url }), post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }) },
  };
}

const scopeOf = (role: RoleCode) => (SCOPES[role] ? { kind: 'region' as const, regionCode: SCOPES[role]! } : { kind: 'national' as const });

beforeAll(async () => {
  t = await createTestApp({ rateLimitPerMinute: 100_000, reports: { submissionsPerHour: 10_000, trackingPerHour: 10_000 } });
  for (const role of ROLE_CODES) actors.set(role, { role, client: await staffClient(t, role, SCOPES[role]) });
});
afterAll(async () => t?.close());

describe('RBAC walk', () => {
  it('has an expectation for every endpoint the app serves, and none for an endpoint that is gone', () => {
    const served = servedEndpoints(t.app.printRoutes({ commonPrefix: false }));
    expect(served.length).toBeGreaterThan(30);
    const missing = served.filter((e) => !(e in RULES));
    const stale = Object.keys(RULES).filter((e) => !served.includes(e));
    // A new endpoint needs its line in RULES (who may call it, in and out of scope), or this fails.
    expect({ missing, stale }, 'endpoints without an RBAC expectation (add them to RULES in rbac.test.ts), or expectations for endpoints that are gone').toEqual({ missing: [], stale: [] });
  });

  it.each(Object.entries(RULES).filter(([, rule]) => 'public' in rule))('%s answers without signing in', async (endpoint, rule) => {
    const [method, url] = endpoint.split(' ');
    const request = (rule as { request?: InjectOptions }).request ?? { method: method as InjectOptions['method'], url };
    const res = await t.app.inject(request);
    expect([401, 403], `${endpoint} → ${res.statusCode}`).not.toContain(res.statusCode);
  });

  it.each(Object.entries(RULES).filter(([, rule]) => !('public' in rule)) as Array<[string, StaffRule]>)('%s: every role, in and out of scope', async (endpoint, rule) => {
    const mismatches: string[] = [];
    const callers: Array<Actor | null> = [null, ...ROLE_CODES.map((role) => actors.get(role)!)];
    for (const caller of callers) {
      for (const axis of rule.scoped === false ? (['in'] as const) : (['in', 'out'] as const)) {
        const actor = caller && rule.freshSession ? await freshActor(caller.role) : caller;
        const { effective, ...probe } = await rule.request(actor ?? actors.get('bawaslu_regency')!, axis);
        const res = actor ? await actor.client.request(probe) : await t.app.inject(probe);
        const got = effective ? effective(res) : res.statusCode;
        const want = expectedStatus(rule, actor, axis);
        if (got !== want) mismatches.push(`${actor?.role ?? 'anonymous'} ${axis}-of-scope: expected ${want}, got ${got} ${res.statusCode >= 400 ? res.body.slice(0, 160) : ''}`);
      }
    }
    expect(mismatches, endpoint).toEqual([]);
  });

  it("a regency Bawaslu officer gets 404 for another regency's case, with no trace of its data", async () => {
    const officer = actors.get('bawaslu_regency')!.client;
    const other = await createCase(t, { regionCode: '35.16', summary: 'Rahasia perkara Mojokerto (fiktif)' });
    const res = await officer.get(`/api/v1/cases/${other.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Mojokerto');
    expect(res.body).not.toContain(other.number);
    const listed = await officer.get('/api/v1/cases?queue=all&q=Rahasia');
    expect(listed.json()).toMatchObject({ total: 0, items: [] });
  });
});

/**
 * The permission table (core access/permissions.ts) against the routes: each staff route's guard
 * names an action of the table, each action guards a route (or is checked in a service), the
 * table allows exactly the roles the walk above expects, and a sample of routes answers 403 to
 * exactly the roles the table leaves out.
 */
describe('permission table walk', () => {
  /** "METHOD /path" → the options of the staff guards on the route (onRequest or preHandler). */
  function guardedEndpoints(): Map<string, Array<{ action: PermissionAction; allowPendingMfa?: boolean }>> {
    const endpoints = new Map<string, Array<{ action: PermissionAction; allowPendingMfa?: boolean }>>();
    for (const route of registeredRoutes) {
      const hooks = [route.onRequest, route.preHandler].flat().filter(Boolean);
      const guards = hooks.map(staffGuardOf).filter((g) => g !== undefined);
      for (const method of [route.method].flat()) {
        if (method === 'HEAD' || method === 'OPTIONS') continue;
        endpoints.set(`${method} ${route.url}`, guards);
      }
    }
    return endpoints;
  }

  it('sees every served endpoint as it is registered', () => {
    const served = servedEndpoints(t.app.printRoutes({ commonPrefix: false }));
    const registered = guardedEndpoints();
    expect(served.filter((e) => !registered.has(e))).toEqual([]);
  });

  it('guards every staff endpoint with one action of the table, and no public endpoint', () => {
    const problems: string[] = [];
    for (const [endpoint, guards] of guardedEndpoints()) {
      const rule = RULES[endpoint];
      if (!rule) continue; // API docs and the web app: public by design (checked by the walk above)
      if ('public' in rule) {
        if (guards.length > 0) problems.push(`${endpoint}: public, yet guarded by ${guards.map((g) => g.action)}`);
        continue;
      }
      if (guards.length !== 1) problems.push(`${endpoint}: ${guards.length} staff guards`);
      for (const guard of guards) if (!(guard.action in PERMISSIONS)) problems.push(`${endpoint}: unknown action ${guard.action}`);
    }
    expect(problems).toEqual([]);
  });

  it('uses every action of the table on a route, or says which service checks it', () => {
    const used = new Set([...guardedEndpoints().values()].flat().map((g) => g.action));
    const unused = PERMISSION_ACTIONS.filter((a) => !used.has(a) && !('checkedInService' in PERMISSIONS[a]));
    expect(unused, 'actions no route guards (use them, or mark them checkedInService)').toEqual([]);
    const markedButGuarded = PERMISSION_ACTIONS.filter((a) => used.has(a) && 'checkedInService' in PERMISSIONS[a]);
    expect(markedButGuarded).toEqual([]);
  });

  it('allows on each route exactly the roles the RBAC walk expects there', () => {
    const mismatches: string[] = [];
    for (const [endpoint, guards] of guardedEndpoints()) {
      const rule = RULES[endpoint];
      if (!rule || 'public' in rule || guards.length !== 1) continue;
      const expected = rule.roles === 'all' ? ROLE_CODES : ROLE_CODES.filter((r) => (rule.roles as readonly RoleCode[]).includes(r));
      const allowed = rolesFor(guards[0].action);
      if (allowed.join() !== expected.join()) mismatches.push(`${endpoint} (${guards[0].action}): table ${allowed.join(',')}, walk ${expected.join(',')}`);
    }
    expect(mismatches).toEqual([]);
  });

  /** Routes that pass validation with no record behind them, so only the guard decides a refusal. */
  const SAMPLE: Array<{ endpoint: string; request: InjectOptions }> = [
    { endpoint: 'GET /api/v1/users', request: { method: 'GET', url: '/api/v1/users' } },
    { endpoint: 'GET /api/v1/register/imports', request: { method: 'GET', url: '/api/v1/register/imports' } },
    { endpoint: 'GET /api/v1/register/asn', request: { method: 'GET', url: '/api/v1/register/asn' } },
    { endpoint: 'GET /api/v1/candidates', request: { method: 'GET', url: '/api/v1/candidates' } },
    { endpoint: 'GET /api/v1/rotations', request: { method: 'GET', url: '/api/v1/rotations' } },
    { endpoint: 'GET /api/v1/screening/posts', request: { method: 'GET', url: '/api/v1/screening/posts' } },
    { endpoint: 'GET /api/v1/reports', request: { method: 'GET', url: '/api/v1/reports' } },
    { endpoint: 'GET /api/v1/merge-proposals', request: { method: 'GET', url: '/api/v1/merge-proposals' } },
    { endpoint: 'GET /api/v1/cases', request: { method: 'GET', url: '/api/v1/cases?queue=all' } },
    { endpoint: 'GET /api/v1/prevention/:electionId/unsigned', request: { method: 'GET', url: '/api/v1/prevention/pilkada-2024/unsigned' } },
    { endpoint: 'GET /api/v1/prevention/:electionId/coverage', request: { method: 'GET', url: '/api/v1/prevention/pilkada-2024/coverage' } },
    // Guarded before the body is read (onRequest): an empty body is refused as forbidden or as invalid.
    { endpoint: 'POST /api/v1/intake/reports', request: { method: 'POST', url: '/api/v1/intake/reports', payload: {} } },
  ];

  it.each(SAMPLE)('$endpoint answers 403 to exactly the roles the table leaves out', async ({ endpoint, request }) => {
    const guards = guardedEndpoints().get(endpoint);
    expect(guards, endpoint).toHaveLength(1);
    const action = guards![0].action;
    const mismatches: string[] = [];
    for (const role of ROLE_CODES) {
      const res = await actors.get(role)!.client.request(request);
      const forbidden = res.statusCode === 403 && (res.json() as { error: { code: string } }).error.code === 'forbidden';
      if (forbidden === can(role, action)) mismatches.push(`${role}: ${action} ${can(role, action) ? 'allowed' : 'refused'} by the table, got ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(mismatches).toEqual([]);
  });
});
