/**
 * Reports: filing (public, Bawaslu findings, paper), the reporter's receipt and tracking, staff
 * reading with scope, opening a reporter's identity, and duplicates with merging.
 *
 * Filing is crash-safe by construction: evidence files are made durable (fsync) first, then the
 * case, the report, the sealed identity, the evidence rows and the audit entries commit in ONE
 * transaction, and only then is 201 sent. A crash before the commit leaves at most orphan files
 * (content-addressed, harmless); a crash after it loses nothing acknowledged.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  ACT_CODES,
  BAWASLU_ROLES,
  CASE_STATE_LABELS,
  PROHIBITED_ACTS,
  caseDeadlines,
  checklistStatus,
  dateInTimeZone,
  decodeNip,
  duplicateCandidates,
  generateReceiptNumber,
  generateReportSecret,
  isCaseState,
  normalisePersonName,
  normaliseReceiptNumber,
  normaliseReportSecret,
  regionWithinScope,
  reportWindowStatus,
  timeZoneOfRegion,
  type CaseState,
  type Election,
  type IsoDate,
  type Localised,
  type ReportWindowStatus,
  type RoleCode,
} from '@netra/core';
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import { decrypt, encrypt } from '../../security/encryption.ts';
import { commitIncoming, discardIncoming, openStored, storeBuffer } from '../../storage/evidence-store.ts';
import { appendAudit } from '../audit/repository.ts';
import type { RequestMeta, StaffUser } from '../auth/service.ts';
import { findElection, regionParticipates } from '../elections/repository.ts';
import { ACCEPTED_TYPES, EVIDENCE_LIMITS, metadataFreeCopy } from './evidence.ts';
import { receptionDate } from './reception.ts';
import * as repo from './repository.ts';
import type { AcceptedUpload } from './uploads.ts';

export type ReportSource = 'public' | 'finding' | 'paper' | 'screening';

/**
 * Findings and screening confirmations are Bawaslu's own: nobody outside holds a receipt to
 * track them with, and there is no reporter identity behind them.
 */
const isBawasluOwn = (source: ReportSource) => source === 'finding' || source === 'screening';

/** Who may read reports and evidence (further narrowed per role in repository `caseVisibleTo`). */
export const REPORT_READER_ROLES: readonly RoleCode[] = [...BAWASLU_ROLES, 'bkn_verifier', 'bkpsdm_officer', 'ppk_delegate'];
/** Recording findings and paper reports, opening identities and merging: Bawaslu's work. */
export const REPORT_OFFICER_ROLES: readonly RoleCode[] = BAWASLU_ROLES;

export interface ReportInput {
  electionId: string;
  regionCode: string;
  place: string;
  occurredOn: IsoDate;
  occurredUntil?: IsoDate;
  knownOn: IsoDate;
  description: string;
  actCodes: string[];
  reportedName: string;
  reportedAgency?: string;
  reportedPosition?: string;
  reportedNip?: string;
  anonymous: boolean;
  reporterName?: string;
  reporterAddress?: string;
  reporterPhone?: string;
  reporterEmail?: string;
}

export interface Filing {
  source: ReportSource;
  /** The officer recording a finding or paper report; null for the public. */
  staff: StaffUser | null;
  meta: RequestMeta;
  idempotencyKey?: string;
  /** A paper report's day of receipt at the office, when not today. */
  receivedOn?: IsoDate;
}

export interface Receipt {
  reportId: string;
  caseId: string;
  receiptNumber: string;
  /** Shown once; null for findings (no reporter to follow them). */
  secret: string | null;
  caseNumber: string;
  receivedOn: IsoDate;
  lateByDays: number;
  warning: Localised | null;
  replayed: boolean;
}

interface ReporterIdentity {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

// ---------------------------------------------------------------- validation helpers

class FieldErrors {
  private readonly list: Array<{ field: string; message: Localised }> = [];
  add(field: string, id: string, en: string) {
    this.list.push({ field: `body.${field}`, message: { id, en } });
  }
  throwIfAny(status = 400) {
    if (this.list.length === 0) return;
    throw new ApiError(status, 'validation_failed', { id: 'Ada isian yang tidak valid. Periksa kolom yang ditandai.', en: 'Some input is invalid. Check the marked fields.' }, this.list);
  }
}

interface Placement {
  election: Election;
  region: NonNullable<Awaited<ReturnType<typeof repo.findRegionForReport>>>;
  today: IsoDate;
}

/** The election exists, the region exists and takes part in it; "today" in the region's time zone. */
async function placeReport(ctx: AppContext, electionId: string, regionCode: string, errors: FieldErrors): Promise<Placement | null> {
  const [election, region] = await Promise.all([findElection(ctx.db, electionId), repo.findRegionForReport(ctx.db, regionCode)]);
  if (!election) errors.add('electionId', `Pemilihan "${electionId}" tidak dikenal.`, `Unknown election "${electionId}".`);
  if (!region) errors.add('regionCode', `Wilayah ${regionCode} tidak ada.`, `Region ${regionCode} does not exist.`);
  if (!election || !region) return null;
  if (!(await regionParticipates(ctx.db, election.id, region.code))) {
    errors.add('regionCode', `${region.name} tidak ikut ${election.name.id}.`, `${region.name} does not take part in ${election.name.en}.`);
    return null;
  }
  return { election, region, today: dateInTimeZone(ctx.now(), region.timeZone) };
}

function lateWarning(window: ReportWindowStatus): Localised | null {
  if (window.withinWindow) return null;
  const unitId = window.counting === 'working' ? 'hari kerja' : 'hari';
  const unitEn = window.counting === 'working' ? 'working day(s)' : 'day(s)';
  return {
    id: `Laporan ini ${window.daysLate} ${unitId} melewati batas waktu pelaporan (paling lambat ${window.lastDay}, ${window.basis}). Laporan tetap diterima, tetapi Bawaslu dapat memperlakukannya sebagai informasi awal, bukan laporan.`,
    en: `This report is ${window.daysLate} ${unitEn} past the reporting window (last day ${window.lastDay}, ${window.basis}). It is still accepted, but Bawaslu may treat it as initial information rather than a report.`,
  };
}

/** A NIP as typed, decoded as PNS first, then as PPPK; the problems of the PNS reading otherwise. */
function checkNip(input: string, today: IsoDate): { nip: string } | { problem: Localised } {
  const pns = decodeNip(input, { today, kind: 'pns' });
  if (pns.valid) return { nip: pns.value.nip };
  const pppk = decodeNip(input, { today, kind: 'pppk' });
  if (pppk.valid) return { nip: pppk.value.nip };
  return { problem: pns.problems[0].message };
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max - 1) > max / 2 ? text.lastIndexOf(' ', max - 1) : max - 1)}…`);

function idempotencyHash(filing: Filing): string | null {
  if (!filing.idempotencyKey) return null;
  return createHash('sha256').update(`${filing.staff?.id ?? 'public'}:${filing.idempotencyKey}`).digest('hex');
}

/**
 * The tracking secret. With an idempotency key it is derived from it (HMAC with the server key,
 * which is not in the database), so a retried submission gets the same secret back although only
 * its keyed hash is stored; without one it is random.
 */
function drawSecret(ctx: AppContext, keyHash: string | null): string {
  if (!keyHash) return generateReportSecret(randomBytes);
  const digest = createHmac('sha256', ctx.encryptionKey).update(`netra:report-secret:${keyHash}`).digest();
  return generateReportSecret((size) => digest.subarray(0, size));
}

async function storeEvidence(ctx: AppContext, uploads: readonly AcceptedUpload[]): Promise<repo.EvidenceRow[]> {
  const rows: repo.EvidenceRow[] = [];
  for (const upload of uploads) {
    // The copy is made from the temp file, before it moves into the store.
    const copy = await metadataFreeCopy(upload.tempPath, upload.mimeType, upload.originalName);
    const storageKey = await commitIncoming(ctx.evidenceDir, upload);
    const publicCopyKey = copy ? (await storeBuffer(ctx.evidenceDir, copy)).key : null;
    rows.push({ originalName: upload.originalName, mimeType: upload.mimeType, sizeBytes: upload.sizeBytes, sha256: upload.sha256, storageKey, publicCopyKey });
  }
  return rows;
}

async function discardAll(uploads: readonly AcceptedUpload[]) {
  await Promise.all(uploads.map((u) => discardIncoming(u)));
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === constraint;
}

async function replay(ctx: AppContext, keyHash: string): Promise<Receipt | null> {
  const found = await repo.findReceiptByIdempotencyKey(ctx.db, keyHash);
  if (!found) return null;
  const election = await findElection(ctx.db, found.electionId);
  const window = election && found.receivedOn >= found.knownOn ? reportWindowStatus(found.knownOn, found.receivedOn, election.rulebook) : null;
  return {
    reportId: found.id,
    caseId: found.caseId,
    receiptNumber: found.receiptNumber,
    secret: found.secretHash ? drawSecret(ctx, keyHash) : null,
    caseNumber: found.caseNumber,
    receivedOn: found.receivedOn,
    lateByDays: found.lateByDays,
    warning: window ? lateWarning(window) : null,
    replayed: true,
  };
}

// ---------------------------------------------------------------- filing

/**
 * File a report and open its case. Validates what the schema cannot (the election, the region,
 * dates against today, the NIP, the officer's scope), stores the evidence durably, then commits
 * everything in one transaction. A retry with the same idempotency key returns the first receipt.
 */
export async function fileReport(ctx: AppContext, input: ReportInput, uploads: readonly AcceptedUpload[], filing: Filing): Promise<Receipt> {
  const keyHash = idempotencyHash(filing);
  if (keyHash) {
    const earlier = await replay(ctx, keyHash);
    if (earlier) {
      await discardAll(uploads);
      return earlier;
    }
  }

  const errors = new FieldErrors();
  const placed = await placeReport(ctx, input.electionId, input.regionCode, errors);
  errors.throwIfAny();
  const { election, region, today } = placed!;
  if (filing.staff && !regionWithinScope(filing.staff.scope, region.code)) {
    throw new ApiError(403, 'out_of_scope', { id: 'Wilayah ini di luar wilayah tugas Anda.', en: 'This region is outside your scope.' }, [
      { field: 'body.regionCode', message: { id: `${region.name} di luar wilayah tugas Anda.`, en: `${region.name} is outside your scope.` } },
    ]);
  }
  const future = { id: 'Tanggal tidak boleh setelah hari ini.', en: 'The date cannot be after today.' };
  if (input.occurredOn > today) errors.add('occurredOn', future.id, future.en);
  if (input.occurredUntil && input.occurredUntil > today) errors.add('occurredUntil', future.id, future.en);
  if (input.knownOn > today) errors.add('knownOn', future.id, future.en);
  if (filing.receivedOn && filing.receivedOn > today) errors.add('receivedOn', future.id, future.en);
  if (filing.receivedOn && filing.receivedOn < input.knownOn) {
    errors.add('receivedOn', 'Tanggal diterima tidak boleh sebelum kejadian diketahui.', 'The date received cannot be before the event became known.');
  }
  let nip: string | null = null;
  if (input.reportedNip) {
    const checked = checkNip(input.reportedNip, today);
    if ('nip' in checked) nip = checked.nip;
    else errors.add('reportedNip', `NIP tidak valid: ${checked.problem.id} Kosongkan bila tidak tahu.`, `Invalid NIP: ${checked.problem.en} Leave it empty if unsure.`);
  }
  errors.throwIfAny();

  const now = ctx.now();
  const receivedOn = filing.receivedOn ?? receptionDate(now, region.timeZone, election.rulebook.receptionHours);
  const window = reportWindowStatus(input.knownOn, receivedOn, election.rulebook);
  const lateByDays = window.withinWindow ? 0 : window.daysLate;
  const asn = nip ? await repo.findAsnByNip(ctx.db, nip) : undefined;
  const identity: ReporterIdentity | null =
    !isBawasluOwn(filing.source) && !input.anonymous && input.reporterName
      ? { name: input.reporterName, address: input.reporterAddress ?? null, phone: input.reporterPhone ?? null, email: input.reporterEmail ?? null }
      : null;
  // Findings have no reporter to follow them; public and paper reporters get a secret.
  const secret = isBawasluOwn(filing.source) ? null : drawSecret(ctx, keyHash);
  const evidence = await storeEvidence(ctx, uploads);
  const secretHash = secret ? hashReportSecret(ctx, secret) : null;
  const actorId = filing.staff?.id ?? null;

  try {
    const filed = await ctx.db.transaction().execute(async (trx) => {
      const opened = await repo.openCaseForReport(trx, {
        electionId: election.id,
        regionCode: region.code,
        agencyId: asn?.agencyId ?? null,
        asnId: asn?.id ?? null,
        actCodes: input.actCodes,
        summary: truncate(`${input.reportedName}: ${input.description}`, 200),
        receivedOn,
        receivedAt: now,
      });
      const report = await repo.insertReport(
        trx,
        {
          secret_hash: secretHash,
          source: filing.source,
          case_id: opened.id,
          election_id: election.id,
          region_code: region.code,
          place: input.place,
          occurred_on: input.occurredOn,
          occurred_until: input.occurredUntil ?? null,
          known_on: input.knownOn,
          received_at: now,
          received_on: receivedOn,
          description: input.description,
          act_codes: input.actCodes,
          reported_name: input.reportedName,
          reported_name_normalised: normalisePersonName(input.reportedName),
          reported_nip: nip,
          reported_agency: input.reportedAgency ?? null,
          reported_position: input.reportedPosition ?? null,
          asn_id: asn?.id ?? null,
          anonymous: isBawasluOwn(filing.source) ? false : input.anonymous || identity === null,
          late_by_days: lateByDays,
          created_by: actorId,
          idempotency_key: keyHash,
        },
        () => generateReceiptNumber(Number(receivedOn.slice(0, 4)), randomBytes),
      );
      if (identity) {
        await trx.insertInto('reporter_identities').values({ report_id: report.id, sealed: encrypt(ctx.encryptionKey, JSON.stringify(identity)), created_at: now }).execute();
      }
      await repo.insertEvidence(trx, report.id, actorId ? `staff:${actorId}` : 'reporter', evidence, now);
      // Audit last: its lock serialises all writers (see audit/repository.ts).
      await appendAudit(trx, {
        actorId,
        action: 'report.received',
        entityType: 'report',
        entityId: report.id,
        data: { receiptNumber: report.receiptNumber, caseId: opened.id, source: filing.source, anonymous: identity === null, lateByDays, evidence: evidence.map((e) => e.sha256) },
        ...filing.meta,
        at: now,
      });
      await appendAudit(trx, {
        actorId,
        action: 'case.opened',
        entityType: 'case',
        entityId: opened.id,
        data: { number: opened.number, reportId: report.id, electionId: election.id, regionCode: region.code, receivedOn },
        ...filing.meta,
        at: now,
      });
      return { opened, report };
    });
    // Best effort, after the commit: the report is durable whatever happens here, and a missed
    // proposal costs an officer a manual search, not a lost report.
    await proposeDuplicates(ctx, filed.report.id).catch(() => 0);
    return {
      reportId: filed.report.id,
      caseId: filed.opened.id,
      receiptNumber: filed.report.receiptNumber,
      secret,
      caseNumber: filed.opened.number,
      receivedOn,
      lateByDays,
      warning: lateWarning(window),
      replayed: false,
    };
  } catch (error) {
    // The same submission raced in twice: the first one won, answer with its receipt.
    if (keyHash && isUniqueViolation(error, 'reports_idempotency_key_key')) {
      const earlier = await replay(ctx, keyHash);
      if (earlier) return earlier;
    }
    throw error;
  }
}

/** What the public form needs before submitting: is knownOn within the window, and the receipt day. */
export async function reportWindowCheck(ctx: AppContext, query: { electionId: string; regionCode: string; knownOn: IsoDate }) {
  const errors = new FieldErrors();
  const placed = await placeReport(ctx, query.electionId, query.regionCode, errors);
  errors.throwIfAny();
  const { election, region, today } = placed!;
  if (query.knownOn > today) {
    throw new ApiError(400, 'validation_failed', { id: 'Tanggal tidak boleh setelah hari ini.', en: 'The date cannot be after today.' }, [
      { field: 'query.knownOn', message: { id: 'Tanggal tidak boleh setelah hari ini.', en: 'The date cannot be after today.' } },
    ]);
  }
  const receivedOn = receptionDate(ctx.now(), region.timeZone, election.rulebook.receptionHours);
  const window = reportWindowStatus(query.knownOn, receivedOn, election.rulebook);
  return { receivedOn, window, warning: lateWarning(window) };
}

export async function formInfo(ctx: AppContext, language: Language) {
  const elections = await ctx.db.selectFrom('elections').select(['id', 'kind', 'name_id', 'name_en', 'voting_day', 'rulebook']).orderBy('voting_day', 'desc').execute();
  return {
    today: dateInTimeZone(ctx.now(), 'Asia/Jakarta'),
    elections: elections.map((e) => {
      const rulebook = e.rulebook as Election['rulebook'];
      return {
        id: e.id,
        name: language === 'id' ? e.name_id : e.name_en,
        kind: e.kind,
        votingDay: e.voting_day,
        reportWindow: { days: rulebook.reportWindow.days, counting: rulebook.reportWindow.counting, basis: rulebook.reportWindow.basis },
        receptionHours: rulebook.receptionHours ?? null,
      };
    }),
    acts: ACT_CODES.map((code) => ({ code, description: PROHIBITED_ACTS[code].description[language] })),
    evidence: { ...EVIDENCE_LIMITS, acceptedTypes: Object.keys(ACCEPTED_TYPES) },
  };
}

// ---------------------------------------------------------------- duplicates

/**
 * Find reports that may tell the same story and propose merging them: the database narrows
 * (same election and region; same NIP, same normalised name or trigram-similar text), core's
 * `duplicateCandidates` decides. Runs after the report has committed, so two reports filed at the
 * same moment still find each other (the later check sees both), and a failure here never
 * loses the report. One proposal per other case: merging moves all of its reports anyway.
 */
export async function proposeDuplicates(ctx: AppContext, reportId: string): Promise<number> {
  const probe = await repo.duplicateProbe(ctx.db, reportId);
  if (!probe) return 0;
  const candidates = await repo.duplicateCandidatesFor(ctx.db, probe);
  if (candidates.length === 0) return 0;
  // Agencies are free text on a public form; when the NIP is in the register its agency stands in.
  const agencyKey = (r: repo.DuplicateProbe) => normalisePersonName(r.reportedAgency ?? r.registerAgency ?? '') || null;
  const asCheck = (r: repo.DuplicateProbe) => ({
    id: r.id,
    reportedNip: r.reportedNip,
    reportedName: r.reportedName,
    agencyId: agencyKey(r),
    incidentFrom: r.occurredOn,
    incidentTo: r.occurredUntil ?? r.occurredOn,
    description: r.description,
  });
  const caseOf = new Map(candidates.map((c) => [c.id, c.caseId]));
  const seenCases = new Set<string>();
  const proposals = duplicateCandidates(asCheck(probe), candidates.map(asCheck)).filter((p) => {
    const caseId = caseOf.get(p.reportId)!;
    if (seenCases.has(caseId)) return false;
    seenCases.add(caseId);
    return true;
  });
  return repo.insertMergeProposals(
    ctx.db,
    reportId,
    proposals.map((p) => ({ duplicateOfReportId: p.reportId, reasons: p.reasons, similarity: p.similarity })),
  );
}

// ---------------------------------------------------------------- the reporter: tracking

const trackingNotFound = () =>
  new ApiError(404, 'not_found', {
    id: 'Nomor tanda terima atau kode rahasia tidak cocok. Periksa kembali keduanya.',
    en: 'The receipt number or the secret does not match. Check both again.',
  });

/**
 * The stored form of a tracking secret: HMAC-SHA256 under a key derived from the server key
 * (never in the database). The secret is 80 random bits, so unlike a password it needs no slow
 * hash against guessing; and without the server key a leaked table cannot even be tested
 * offline. This keeps report intake fast on voting day (Argon2id cost ~0.1 s of CPU per report).
 */
function hashReportSecret(ctx: AppContext, secret: string): string {
  const key = createHmac('sha256', ctx.encryptionKey).update('netra:report-secret-hash').digest();
  return `hmac-sha256:${createHmac('sha256', key).update(secret).digest('hex')}`;
}

function secretMatches(ctx: AppContext, stored: string | null | undefined, secret: string): boolean {
  const expected = Buffer.from(hashReportSecret(ctx, secret));
  // Compared in constant time, and against a same-length dummy when the receipt is unknown, so
  // timing does not tell whether a receipt number exists.
  const actual = Buffer.from(stored && stored.length === expected.length ? stored : '0'.repeat(expected.length));
  return timingSafeEqual(actual, expected) && Boolean(stored);
}

export type TrackedReport = NonNullable<Awaited<ReturnType<typeof repo.findReportByReceipt>>>;

/** The report behind a receipt and secret, or the same 404 for an unknown receipt and a wrong secret. */
export async function verifyReporter(ctx: AppContext, receiptInput: string, secretInput: string): Promise<TrackedReport> {
  const receipt = normaliseReceiptNumber(receiptInput);
  const secret = normaliseReportSecret(secretInput) ?? '';
  const report = receipt ? await repo.findReportByReceipt(ctx.db, receipt) : undefined;
  if (!report?.secretHash || !secretMatches(ctx, report.secretHash, secret)) throw trackingNotFound();
  return report;
}

const EVIDENCE_LINK_TTL_SECONDS = 60 * 60;

function evidenceLinkSignature(ctx: AppContext, evidenceId: string, expires: number): Buffer {
  const key = createHmac('sha256', ctx.encryptionKey).update('netra:evidence-link').digest();
  return createHmac('sha256', key).update(`${evidenceId}.${expires}`).digest();
}

/**
 * A short-lived link to an evidence file's metadata-free copy, for the reporter's tracking page:
 * an <img> can load it, and the secret never appears in a URL.
 */
export function signEvidenceLink(ctx: AppContext, evidenceId: string): string {
  const expires = Math.floor(ctx.now().getTime() / 1000) + EVIDENCE_LINK_TTL_SECONDS;
  return `${expires}.${evidenceLinkSignature(ctx, evidenceId, expires).toString('base64url')}`;
}

export function evidenceLinkValid(ctx: AppContext, evidenceId: string, token: string): boolean {
  const [expiresText, signature] = token.split('.');
  const expires = Number(expiresText);
  if (!Number.isInteger(expires) || !signature || expires < ctx.now().getTime() / 1000) return false;
  const expected = evidenceLinkSignature(ctx, evidenceId, expires);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const EVENT_LABELS: Record<string, Localised> = {
  received: { id: 'Laporan diterima', en: 'Report received' },
  information_added: { id: 'Keterangan tambahan dikirim', en: 'More information sent' },
  case_merged: { id: 'Digabung dengan laporan lain tentang kejadian yang sama', en: 'Joined with another report of the same event' },
};

function publicEventLabel(event: { kind: string; toState: string | null; data: unknown }, language: Language): string {
  const custom = (event.data as { publicLabel?: Localised } | null)?.publicLabel;
  if (custom?.[language]) return custom[language];
  if (EVENT_LABELS[event.kind]) return EVENT_LABELS[event.kind][language];
  if (event.toState && isCaseState(event.toState)) return CASE_STATE_LABELS[event.toState][language];
  return language === 'id' ? 'Perkembangan penanganan' : 'Progress in handling';
}

/** The status page: state, public timeline, any request for information, own evidence (metadata-free). */
export async function trackingView(ctx: AppContext, report: TrackedReport, language: Language, apiPrefix: string) {
  const [events, evidence] = await Promise.all([repo.publicEvents(ctx.db, report.caseId, report.id), repo.evidenceOfReport(ctx.db, report.id)]);
  const state = report.state as CaseState;
  let informationRequest = null;
  if (state === 'awaiting_information' && report.informationRequestedOn) {
    const election = await findElection(ctx.db, report.electionId);
    const today = dateInTimeZone(ctx.now(), timeZoneOfRegion(report.caseRegionCode));
    const clock = { receivedDate: report.caseReceivedOn, informationRequestedDate: report.informationRequestedOn };
    const deadline = election ? caseDeadlines('awaiting_information', clock, election.rulebook, today).find((d) => d.code === 'more_information') : undefined;
    const request = [...events].reverse().find((e) => e.toState === 'awaiting_information');
    const message = (request?.data as { publicMessage?: string } | null)?.publicMessage ?? null;
    const checklist = election
      ? checklistStatus(
          {
            // Only whether an identity was given matters here; it is not opened for this.
            reporterName: report.anonymous ? null : 'given',
            reporterAddress: report.anonymous ? null : 'given',
            violationKnownDate: report.knownOn,
            filedDate: report.receivedOn,
            incidentDate: report.occurredOn,
            incidentPlace: report.place,
            description: report.description,
            evidenceCount: evidence.length,
          },
          election.rulebook,
        )
      : null;
    informationRequest = {
      requestedOn: report.informationRequestedOn,
      dueOn: deadline?.due ?? report.informationRequestedOn,
      overdue: deadline?.overdue ?? false,
      message,
      missing: checklist ? checklist.items.filter((i) => !i.met && i.code !== 'filed_in_time').map((i) => i.label[language]) : [],
    };
  }
  return {
    receiptNumber: report.receiptNumber,
    caseNumber: report.caseNumber,
    receivedAt: report.receivedAt.toISOString(),
    state,
    stateLabel: isCaseState(state) ? CASE_STATE_LABELS[state][language] : state,
    lateByDays: report.lateByDays,
    timeline: [
      { at: report.receivedAt.toISOString(), kind: 'received', label: EVENT_LABELS.received[language] },
      ...events.map((e) => ({ at: new Date(e.at).toISOString(), kind: e.kind, label: publicEventLabel(e, language) })),
    ],
    informationRequest,
    canAddInformation: state === 'awaiting_information',
    evidence: evidence.map((e) => ({
      id: e.id,
      kind: ACCEPTED_TYPES[e.mimeType]?.label ?? e.mimeType,
      sizeBytes: e.sizeBytes,
      addedAt: new Date(e.createdAt).toISOString(),
      thumbnailUrl: e.publicCopyKey ? `${apiPrefix}/reports/track/evidence/${e.id}?token=${signEvidenceLink(ctx, e.id)}` : null,
    })),
  };
}

/** The metadata-free copy behind a signed link, or null. */
export async function publicEvidenceFile(ctx: AppContext, evidenceId: string, token: string) {
  if (!evidenceLinkValid(ctx, evidenceId, token)) return null;
  const row = await repo.findPublicCopy(ctx.db, evidenceId);
  if (!row?.publicCopyKey) return null;
  return { mimeType: row.mimeType, stream: openStored(ctx.evidenceDir, row.publicCopyKey) };
}

const notAwaitingInformation = () =>
  new ApiError(409, 'not_awaiting_information', {
    id: 'Bawaslu sedang tidak meminta keterangan tambahan untuk laporan ini. Keterangan hanya dapat dikirim ketika diminta.',
    en: 'Bawaslu is not asking for more information on this report. Information can only be sent when asked for.',
  });

/** The reporter answers a request for more information: text and optional files, while asked. */
export async function addInformation(
  ctx: AppContext,
  input: { receiptNumber: string; secret: string; text: string },
  uploads: readonly AcceptedUpload[],
  meta: RequestMeta,
) {
  let report: TrackedReport;
  try {
    report = await verifyReporter(ctx, input.receiptNumber, input.secret);
    if (report.state !== 'awaiting_information') throw notAwaitingInformation();
  } catch (error) {
    await discardAll(uploads);
    throw error;
  }
  const evidence = await storeEvidence(ctx, uploads);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    // Locked, so a transition running at the same moment either sees this or comes first.
    const current = await trx.selectFrom('cases').select('state').where('id', '=', report.caseId).forUpdate().executeTakeFirstOrThrow();
    if (current.state !== 'awaiting_information') throw notAwaitingInformation();
    const evidenceIds = await repo.insertEvidence(trx, report.id, 'reporter', evidence, now);
    await trx
      .insertInto('case_events')
      .values({ case_id: report.caseId, at: now, kind: 'information_added', note: input.text, public: true, data: JSON.stringify({ reportId: report.id, evidenceIds }) })
      .execute();
    await appendAudit(trx, {
      actorId: null,
      action: 'report.information_added',
      entityType: 'report',
      entityId: report.id,
      data: { caseId: report.caseId, evidence: evidence.map((e) => e.sha256), characters: input.text.length },
      ...meta,
      at: now,
    });
    return { addedAt: now.toISOString(), evidenceCount: evidenceIds.length };
  });
}

// ---------------------------------------------------------------- staff

const reportNotFound = (id: string) => notFound({ id: `Laporan ${id}`, en: `Report ${id}` });

export function reportDto(row: repo.ReportRow, language: Language) {
  return {
    ...row,
    caseStateLabel: isCaseState(row.caseState) ? CASE_STATE_LABELS[row.caseState][language] : row.caseState,
    receivedAt: new Date(row.receivedAt).toISOString(),
    evidenceCount: Number(row.evidenceCount),
  };
}

export async function reportDetail(ctx: AppContext, staff: StaffUser, id: string, language: Language) {
  const row = await repo.findReportForStaff(ctx.db, staff, id);
  if (!row) throw reportNotFound(id);
  const [evidence, election] = await Promise.all([repo.evidenceOfReport(ctx.db, id), findElection(ctx.db, row.electionId)]);
  // Whether a name and address were given decides the formal requirement; the identity is read
  // for that yes/no only, never returned here (opening it is the logged action below).
  let given = { name: false, address: false };
  if (row.hasReporterIdentity) {
    const sealed = await repo.findSealedIdentity(ctx.db, id);
    const identity = sealed ? (JSON.parse(decrypt(ctx.encryptionKey, sealed.sealed)) as ReporterIdentity) : null;
    given = { name: Boolean(identity?.name), address: Boolean(identity?.address) };
  }
  const checklist = checklistStatus(
    {
      reporterName: given.name ? 'given' : null,
      reporterAddress: given.address ? 'given' : null,
      violationKnownDate: row.knownOn,
      filedDate: row.receivedOn,
      incidentDate: row.occurredOn,
      incidentPlace: row.place,
      description: row.description,
      evidenceCount: evidence.length,
    },
    election!.rulebook,
  );
  const { hasReporterIdentity, regionName, createdBy, ...summary } = row;
  return {
    ...reportDto(summary, language),
    regionName,
    createdBy,
    hasReporterIdentity: Boolean(hasReporterIdentity),
    evidence: evidence.map((e) => ({
      id: e.id,
      originalName: e.originalName,
      mimeType: e.mimeType,
      sizeBytes: e.sizeBytes,
      sha256: e.sha256,
      hasPublicCopy: e.publicCopyKey !== null,
      addedBy: e.addedBy,
      createdAt: new Date(e.createdAt).toISOString(),
    })),
    checklist: {
      formalMet: checklist.formalMet,
      materialMet: checklist.materialMet,
      basis: checklist.basis,
      items: checklist.items.map((i) => ({ code: i.code, kind: i.kind, label: i.label[language], met: i.met, detail: i.detail?.[language] ?? null })),
    },
  };
}

/** An evidence file for staff in scope: the original, or the metadata-free copy. */
export async function staffEvidenceFile(ctx: AppContext, staff: StaffUser, id: string, copy: 'original' | 'public') {
  const row = await repo.findEvidenceForStaff(ctx.db, staff, id);
  const key = copy === 'public' ? row?.publicCopyKey : row?.storageKey;
  if (!row || !key) throw notFound({ id: 'Berkas bukti', en: 'Evidence file' });
  return { ...row, stream: openStored(ctx.evidenceDir, key) };
}

/**
 * Open a reporter's identity. Allowed to Bawaslu in scope, with a stated reason; the audit entry
 * and a (non-public) case event are committed BEFORE the identity is returned, so no identity
 * is ever read without its trace.
 */
export async function revealIdentity(ctx: AppContext, staff: StaffUser, reportId: string, reason: string, meta: RequestMeta) {
  const row = await repo.findReportForStaff(ctx.db, staff, reportId);
  if (!row) throw reportNotFound(reportId);
  const sealed = row.hasReporterIdentity ? await repo.findSealedIdentity(ctx.db, reportId) : undefined;
  if (!sealed) {
    throw new ApiError(
      404,
      'no_reporter_identity',
      isBawasluOwn(row.source as ReportSource)
        ? { id: 'Temuan Bawaslu: tidak ada identitas pelapor.', en: 'A Bawaslu finding: there is no reporter identity.' }
        : { id: 'Pelapor anonim: tidak ada identitas yang disimpan.', en: 'Anonymous reporter: no identity is stored.' },
    );
  }
  const identity = JSON.parse(decrypt(ctx.encryptionKey, sealed.sealed)) as ReporterIdentity;
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('case_events')
      .values({ case_id: row.caseId, at, actor_id: staff.id, kind: 'identity_opened', note: reason, public: false, data: JSON.stringify({ reportId }) })
      .execute();
    await appendAudit(trx, { actorId: staff.id, action: 'reporter_identity.opened', entityType: 'report', entityId: reportId, data: { reason, caseId: row.caseId }, ...meta, at });
  });
  return { ...identity, openedAt: at.toISOString() };
}

// ---------------------------------------------------------------- merge proposals

export async function mergeProposalList(ctx: AppContext, staff: StaffUser, query: { status: string; limit: number; offset: number }, language: Language) {
  const { total, proposals, reports } = await repo.listMergeProposals(ctx.db, staff, query);
  return {
    total,
    items: proposals.map((p) => ({
      id: p.id,
      status: p.status,
      similarity: p.similarity,
      reasons: (p.reasons as Array<{ code: string; message: Localised }>).map((r) => ({ code: r.code, message: r.message[language] })),
      decidedAt: p.decidedAt ? p.decidedAt.toISOString() : null,
      report: reportDto(reports.get(p.reportId)!, language),
      duplicateOf: reportDto(reports.get(p.duplicateOfReportId)!, language),
    })),
  };
}

const proposalNotFound = (id: string) => notFound({ id: `Usulan penggabungan ${id}`, en: `Merge proposal ${id}` });
const alreadyDecided = () =>
  new ApiError(409, 'proposal_decided', { id: 'Usulan ini sudah diputuskan.', en: 'This proposal has already been decided.' });

/** States a case is merged INTO only after reopening it. */
const ENDED: readonly CaseState[] = ['closed', 'withdrawn', 'not_accepted'];
/** A case can be absorbed only before Bawaslu has classified it: after that it has its own outcome. */
const ABSORBABLE: readonly CaseState[] = ['received', 'formal_check', 'awaiting_information', 'under_review'];

/**
 * Merge a proposal: the new report's case is absorbed into the case of the report it duplicates.
 * Every report of the absorbed case moves over (with its evidence and reporter, which hang off
 * the report); the absorbed case is closed with a note naming the surviving one; both timelines
 * and the audit log record it. Other open proposals that now point within one case are settled.
 */
export async function mergeProposal(ctx: AppContext, staff: StaffUser, id: string, note: string | undefined, meta: RequestMeta) {
  const at = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockProposalForDecision(trx, staff, id);
    if (!locked) throw proposalNotFound(id);
    const { proposal, cases } = locked;
    if (proposal.status !== 'open') throw alreadyDecided();
    const surviving = cases.get(proposal.duplicateOfCaseId)!;
    const absorbed = proposal.reportCaseId === proposal.duplicateOfCaseId ? null : cases.get(proposal.reportCaseId)!;
    let movedReportIds: string[] = [];
    if (absorbed) {
      if (ENDED.includes(surviving.state as CaseState)) {
        throw new ApiError(409, 'case_ended', {
          id: `Perkara ${surviving.number} sudah berakhir (${CASE_STATE_LABELS[surviving.state as CaseState]?.id ?? surviving.state}). Buka kembali perkara itu sebelum menggabungkan.`,
          en: `Case ${surviving.number} has ended (${CASE_STATE_LABELS[surviving.state as CaseState]?.en ?? surviving.state}). Reopen it before merging.`,
        });
      }
      if (!ABSORBABLE.includes(absorbed.state as CaseState)) {
        throw new ApiError(409, 'case_classified', {
          id: `Perkara ${absorbed.number} sudah melewati kajian dan tidak dapat digabungkan.`,
          en: `Case ${absorbed.number} is past review and cannot be merged.`,
        });
      }
      movedReportIds = (await trx.updateTable('reports').set({ case_id: surviving.id }).where('case_id', '=', absorbed.id).returning('id').execute()).map((r) => r.id);
      const actCodes = [...new Set([...surviving.actCodes, ...absorbed.actCodes])].sort();
      await trx
        .updateTable('cases')
        .set({ act_codes: actCodes, version: sql`version + 1`, updated_at: at })
        .where('id', '=', surviving.id)
        .execute();
      await trx
        .updateTable('cases')
        .set({ state: 'closed', closed_at: at, next_deadline_code: null, next_deadline_due: null, locked_by: null, locked_until: null, version: sql`version + 1`, updated_at: at })
        .where('id', '=', absorbed.id)
        .execute();
      await trx
        .insertInto('case_events')
        .values([
          {
            case_id: surviving.id,
            at,
            actor_id: staff.id,
            kind: 'case_merged',
            note: note ?? null,
            public: true,
            data: JSON.stringify({ absorbedCaseId: absorbed.id, absorbedCaseNumber: absorbed.number, movedReportIds, proposalId: id }),
          },
          {
            case_id: absorbed.id,
            at,
            actor_id: staff.id,
            kind: 'merged_into',
            from_state: absorbed.state,
            to_state: 'closed',
            note: `Digabung ke ${surviving.number}${note ? `: ${note}` : ''}`,
            public: false,
            data: JSON.stringify({ survivingCaseId: surviving.id, survivingCaseNumber: surviving.number, movedReportIds, proposalId: id }),
          },
        ])
        .execute();
    }
    await trx.updateTable('merge_proposals').set({ status: 'merged', decided_by: staff.id, decided_at: at }).where('id', '=', id).execute();
    // Proposals between reports that now share the surviving case have nothing left to decide.
    await sql`
      UPDATE merge_proposals m SET status = 'merged', decided_by = ${staff.id}, decided_at = ${at}
      FROM reports a, reports b
      WHERE m.status = 'open' AND a.id = m.report_id AND b.id = m.duplicate_of_report_id
        AND a.case_id = ${surviving.id} AND b.case_id = ${surviving.id}`.execute(trx);
    await appendAudit(trx, {
      actorId: staff.id,
      action: 'case.merged',
      entityType: 'case',
      entityId: surviving.id,
      data: { proposalId: id, absorbedCaseId: absorbed?.id ?? null, absorbedCaseNumber: absorbed?.number ?? null, movedReportIds, note: note ?? null },
      ...meta,
      at,
    });
    return {
      survivingCaseId: surviving.id,
      survivingCaseNumber: surviving.number,
      absorbedCaseId: absorbed?.id ?? null,
      absorbedCaseNumber: absorbed?.number ?? null,
      movedReportIds,
    };
  });
}

export async function dismissProposal(ctx: AppContext, staff: StaffUser, id: string, reason: string, meta: RequestMeta) {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockProposalForDecision(trx, staff, id);
    if (!locked) throw proposalNotFound(id);
    if (locked.proposal.status !== 'open') throw alreadyDecided();
    await trx.updateTable('merge_proposals').set({ status: 'dismissed', decided_by: staff.id, decided_at: at }).where('id', '=', id).execute();
    await appendAudit(trx, {
      actorId: staff.id,
      action: 'merge_proposal.dismissed',
      entityType: 'merge_proposal',
      entityId: id,
      data: { reason, reportId: locked.proposal.reportId, duplicateOfReportId: locked.proposal.duplicateOfReportId },
      ...meta,
      at,
    });
  });
  return { id, status: 'dismissed' as const, decidedAt: at.toISOString() };
}
