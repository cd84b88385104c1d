/**
 * Filing a report: public reports, Bawaslu findings and paper reports (and, through the commands,
 * findings made from screened posts and flagged rotations), with what the public form needs first
 * (its elections and acts, and whether a report filed now is late).
 *
 * Filing is crash-safe by construction: evidence files are made durable (fsync) first, then the
 * case, the report, the sealed identity, the evidence rows and the audit entries commit in ONE
 * transaction, and only then is 201 sent. A crash before the commit leaves at most orphan files
 * (content-addressed, harmless); a crash after it loses nothing acknowledged.
 */
import { randomBytes } from 'node:crypto';
import {
  ACT_CODES,
  PROHIBITED_ACTS,
  dateInTimeZone,
  filledWitnesses,
  checkReportedNip,
  generateReceiptNumber,
  normalisePersonName,
  outsideStages,
  reportFieldProblems,
  regionWithinScope,
  reportWindowStatus,
  type Election,
  type IsoDate,
  type Localised,
  type ReportWindowStatus,
} from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Trx } from '../../db/database.ts';
import { ApiError } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import type { RequestMeta, StaffUser } from '../../http/request-context.ts';
import { sealIdentity } from '../../security/vault.ts';
import { appendAudits, type AuditInput } from '../audit/service.ts';
import { catalogGeneration, findElection, findElectionForRegion } from '../election-catalog/service.ts';
import { ACCEPTED_TYPES, EVIDENCE_LIMITS } from '../evidence/evidence.ts';
import { discardAll, storeOriginals } from '../evidence/evidence-files.ts';
import * as repo from './intake.repository.ts';
import type { CaseForReport, CaseLedger } from '../../ports/case-ledger.ts';
import { duringFiling } from './intake-pressure.ts';
import { groupCommitter, type GroupCommitter } from './group-commit.ts';
import { afterReceived, queueAfterReceivedMany } from './public-copies.ts';
import { receptionOf } from './reception.ts';
import { isBawasluOwn, type ReportSource, type ReporterIdentity } from './rules.ts';
import { drawSecret, hashReportSecret, idempotencyHash, secretMatches, submissionTag } from './secrets.ts';
import type { AcceptedUpload } from '../evidence/uploads.ts';

export type { ReportSource } from './rules.ts';

import type { ReportInput } from '@netra/core';

export type { ReportInput };

/** A report as it arrives, before core's rules and the database checks have passed. */
export type SubmittedReport = { [K in keyof ReportInput]?: ReportInput[K] };


/**
 * Who files, and from where: an officer's request context, or the public (no actor). A
 * `RequestContext` is a filer.
 */
export interface Filer {
  /** The officer recording a finding or paper report; null for the public. */
  actor: StaffUser | null;
  meta: RequestMeta;
}

export interface Filing {
  source: ReportSource;
  idempotencyKey?: string;
  /** A paper report's day of receipt at the office, when not today. */
  receivedOn?: IsoDate;
  /** What was wrong with the evidence files as they arrived, reported with every other field. */
  evidenceProblems?: readonly ApiError[];
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
  /** The act lies outside every stage of the election (said to the reporter; the officer sees it on the case). */
  outsideStages?: Localised | null;
  /** Why it counts as received on `receivedOn` (the after-hours rule); null for a replay or a dated paper report. */
  reception?: Localised | null;
  replayed: boolean;
}

// ---------------------------------------------------------------- checks

class FieldErrors {
  private readonly list: Array<{ field: string; message: Localised }> = [];
  /** The HTTP status of an evidence problem when it is the only kind (413, 415). */
  private evidenceStatus: number | null = null;
  add(field: string, id: string, en: string) {
    if (!this.has(field)) this.list.push({ field: `body.${field}`, message: { id, en } });
  }
  has(field: string) {
    return this.list.some((e) => e.field === `body.${field}`);
  }
  /** Problems found while the evidence files were received (type, size, count). */
  addEvidence(problems: readonly ApiError[]) {
    for (const problem of problems) {
      this.evidenceStatus ??= problem.statusCode;
      this.list.push(...(problem.fields ?? []));
    }
  }
  throwIfAny() {
    if (this.list.length === 0) return;
    const onlyEvidence = this.list.every((e) => e.field === 'body.evidence');
    const status = onlyEvidence && this.evidenceStatus ? this.evidenceStatus : 400;
    throw new ApiError(status, 'validation_failed', { id: 'Ada isian yang tidak valid. Periksa kolom yang ditandai.', en: 'Some input is invalid. Check the marked fields.' }, this.list);
  }
}

interface Placement {
  election: Election;
  region: NonNullable<Awaited<ReturnType<typeof repo.findRegionForReport>>>;
  today: IsoDate;
}

/**
 * Two statements side by side: the election with its stages and the region's part in it, and the
 * region. Kept per server for `PLACEMENT_CACHE_MS` (5 s) under the election and the region, so a
 * surge's filings (mostly a few elections and regions) read them once every few seconds, and
 * filings that arrive while the reads are on their way share them (issue 11, fourth and sixth passes).
 *
 * Staleness: on THIS server none. The elections administration bumps the catalog generation after
 * every write (`catalogChanged`), and an entry read under an older generation is never used again:
 * a stage, rulebook or participation change applies to the next filing here
 * (`elections/admin.test.ts`). On OTHER servers at most `PLACEMENT_CACHE_MS` (and the same for rows
 * written outside the administration: seeds, the command line's imports): a filing placed there
 * within 5 s of a change is placed as if it had arrived before the change. That is safe: nothing is
 * decided from when the rows were read — "today" and the report window are computed per filing from
 * the stages' and the rulebook's dates, the case records the rulebook version it was opened under
 * (as every case opened before a change keeps its version), and a region added or removed counts
 * from at most 5 s later, far inside any administrative notice (the rulebook's windows are days).
 * A failed read is not kept.
 */
/** `NETRA_PLACEMENT_CACHE_MS` may shorten it (0: read for every batch of filings, as before), never lengthen it. */
const PLACEMENT_CACHE_MS = Math.min(5_000, Math.max(0, Number(process.env.NETRA_PLACEMENT_CACHE_MS || 5_000) || 0));
interface KeptPlacement {
  reads: ReturnType<typeof readPlacement>;
  generation: number;
  until: number;
}
const placementsKept = new WeakMap<object, Map<string, KeptPlacement>>();
const readPlacement = (ctx: AppContext, electionId: string, regionCode: string) =>
  Promise.all([findElectionForRegion(ctx, electionId, regionCode), repo.findRegionForReport(ctx.db, regionCode)]);
function placementReads(ctx: AppContext, electionId: string, regionCode: string): ReturnType<typeof readPlacement> {
  let kept = placementsKept.get(ctx.db);
  if (!kept) placementsKept.set(ctx.db, (kept = new Map()));
  const key = `${electionId}\u0000${regionCode}`;
  const generation = catalogGeneration(ctx);
  const now = performance.now();
  const found = kept.get(key);
  if (found && found.generation === generation && found.until > now) return found.reads;
  // A bounded map: expired entries go when it grows (a surge names a few keys; a scan names many).
  if (kept.size >= 1_000) {
    for (const [k, v] of kept) if (v.until <= now || v.generation !== generation) kept.delete(k);
    if (kept.size >= 1_000) kept.clear();
  }
  const reads = readPlacement(ctx, electionId, regionCode);
  const entry: KeptPlacement = { reads, generation, until: now + PLACEMENT_CACHE_MS };
  kept.set(key, entry);
  reads.catch(() => {
    if (kept.get(key) === entry) kept.delete(key);
  });
  return reads;
}

/** The election exists, the region exists and takes part in it; "today" in the region's time zone. */
async function placeReport(ctx: AppContext, electionId: string, regionCode: string, errors: FieldErrors): Promise<Placement | null> {
  const [found, region] = await placementReads(ctx, electionId, regionCode);
  if (!found) errors.add('electionId', `Pemilihan "${electionId}" tidak dikenal.`, `Unknown election "${electionId}".`);
  if (!region) errors.add('regionCode', `Wilayah ${regionCode} tidak ada.`, `Region ${regionCode} does not exist.`);
  if (!found || !region) return null;
  const { election, participates } = found;
  if (!participates) {
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

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max - 1) > max / 2 ? text.lastIndexOf(' ', max - 1) : max - 1)}…`);

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === constraint;
}

/** A replayed key whose body differs: refused, and nothing about the first submission is told. */
const idempotencyConflict = () =>
  new ApiError(409, 'idempotency_conflict', {
    id: 'Kunci Idempotency-Key ini sudah dipakai untuk kiriman lain. Laporan baru memerlukan kunci baru.',
    en: 'This Idempotency-Key was already used for another submission. A new report needs a new key.',
  });

/**
 * The first receipt for a replayed key, when the replay carries the identical body: the secret is
 * derived from the key and the body's keyed fingerprint (`tag`), so it matches the stored hash only
 * then. A finding has no secret; its key is scoped to the officer, and the replay must come from
 * the officer who filed it (the key hash already includes their id).
 */
async function replay(ctx: AppContext, keyHash: string, tag: string, actorId: string | null): Promise<Receipt | null> {
  const found = await repo.findReceiptByIdempotencyKey(ctx.db, keyHash);
  if (!found) return null;
  const secret = found.secretHash ? drawSecret(ctx, `${keyHash}:${tag}`) : null;
  if (secret ? !secretMatches(ctx, found.secretHash, secret) : found.createdBy !== actorId) throw idempotencyConflict();
  const election = await findElection(ctx, found.electionId);
  const window = election && found.receivedOn >= found.knownOn ? reportWindowStatus(found.knownOn, found.receivedOn, election.rulebook) : null;
  // The first answer's explanation of the receipt day, from the same instant (a paper report's day was given).
  const reception = election && found.source !== 'paper' && found.timeZone ? receptionOf(new Date(found.receivedAt), found.timeZone, election.rulebook.receptionHours) : null;
  return {
    reportId: found.id,
    caseId: found.caseId,
    receiptNumber: found.receiptNumber,
    secret,
    caseNumber: found.caseNumber,
    receivedOn: found.receivedOn,
    lateByDays: found.lateByDays,
    warning: window ? lateWarning(window) : null,
    reception: reception?.explanation ?? null,
    replayed: true,
  };
}

// ---------------------------------------------------------------- filing

/** One filing as the group commit writes it (group-commit.ts): everything decided, nothing written yet. */
interface PreparedFiling {
  caseInput: CaseForReport;
  row: Omit<repo.NewFiledReport['row'], 'case_id'>;
  receiptNumber: string;
  evidence: repo.FiledWith['evidence'];
  /** The vault's plaintext, sealed in the transaction under a data key of its own. */
  identity: { plain: string; named: boolean; witnessCount: number } | null;
  at: Date;
  audits(reportId: string, opened: { id: string; number: string }): AuditInput[];
}

interface FiledOnce {
  opened: { id: string; number: string };
  report: { id: string; receiptNumber: string };
  queued: boolean;
}

/**
 * A batch of filings in the statements of one transaction (issue 11, fourth pass): the cases with
 * their first events (one statement), any named reporter's data key (one each), the reports with
 * their evidence rows and sealed identities (one statement), every audit entry (one statement),
 * every follow-up job (one statement).
 */
async function writeFilings(ctx: AppContext, cases: CaseLedger, trx: Trx, filings: PreparedFiling[]): Promise<FiledOnce[]> {
  const inputs = filings.map((f) => f.caseInput);
  let opened: Array<{ id: string; number: string }>;
  if (cases.openForReports) opened = await cases.openForReports(trx, inputs);
  else {
    opened = [];
    for (const input of inputs) opened.push(await cases.openForReport(trx, input));
  }
  const reports: repo.NewFiledReport[] = [];
  for (const [i, f] of filings.entries()) {
    const identity = f.identity && { sealed: await sealIdentity(trx, ctx.encryptionKey, f.identity.plain), named: f.identity.named, witnessCount: f.identity.witnessCount };
    reports.push({ row: { ...f.row, case_id: opened[i].id }, receiptNumber: f.receiptNumber, filed: { evidence: f.evidence, identity, at: f.at } });
  }
  const filed = await repo.insertReportsWith(trx, reports);
  await appendAudits(
    trx,
    filings.flatMap((f, i) => f.audits(filed[i].id, opened[i])),
  );
  // The duplicate proposals and the photos' public copies: jobs, committed with the reports.
  const queued = await queueAfterReceivedMany(
    trx,
    filed.map((r) => r.id),
  );
  return filings.map((_, i) => ({ opened: opened[i], report: filed[i], queued }));
}

/** One group committer per context and ledger (group-commit.ts): filings that arrive together commit together. */
const committers = new WeakMap<object, WeakMap<CaseLedger, GroupCommitter<PreparedFiling, FiledOnce>>>();
function committerFor(ctx: AppContext, cases: CaseLedger): GroupCommitter<PreparedFiling, FiledOnce> {
  let byLedger = committers.get(ctx);
  if (!byLedger) committers.set(ctx, (byLedger = new WeakMap()));
  let committer = byLedger.get(cases);
  if (!committer) {
    committer = groupCommitter<PreparedFiling, FiledOnce>(ctx.db, {
      // NETRA_GROUP_COMMIT_MAX=1: every filing in a transaction of its own (to compare).
      maxBatch: Number(process.env.NETRA_GROUP_COMMIT_MAX ?? 32),
      maxInFlight: Number(process.env.NETRA_GROUP_COMMIT_IN_FLIGHT ?? 2),
      write: (trx, filings) => writeFilings(ctx, cases, trx, filings),
    });
    byLedger.set(cases, committer);
  }
  return committer;
}

/**
 * File a report and open its case. Validates what the schema cannot (the election, the region,
 * dates against today, the NIP, the officer's scope), stores the evidence durably, then commits
 * everything in one transaction. A retry with the same idempotency key and the identical body returns
 * the first receipt; another body under that key is refused (409) and told nothing.
 */
export function fileReport(ctx: AppContext, cases: CaseLedger, filer: Filer, submitted: SubmittedReport, uploads: readonly AcceptedUpload[], filing: Filing): Promise<Receipt> {
  // Counted, so the follow-up jobs yield to the intake while it is busy (intake-pressure.ts).
  return duringFiling(() => fileReportNow(ctx, cases, filer, submitted, uploads, filing));
}

async function fileReportNow(ctx: AppContext, cases: CaseLedger, filer: Filer, submitted: SubmittedReport, uploads: readonly AcceptedUpload[], filing: Filing): Promise<Receipt> {
  const keyHash = idempotencyHash(filer.actor?.id ?? null, filing.idempotencyKey);
  const tag = keyHash ? submissionTag(ctx, keyHash, { ...submitted, source: filing.source, receivedOn: filing.receivedOn }, uploads.map((u) => u.sha256)) : '';
  if (keyHash) {
    const earlier = await replay(ctx, keyHash, tag, filer.actor?.id ?? null).catch(async (error: unknown) => {
      await discardAll(uploads);
      throw error;
    });
    if (earlier) {
      await discardAll(uploads);
      return earlier;
    }
  }

  const errors = new FieldErrors();
  let placed: Placement | null = null;
  try {
    // Every problem at once: the evidence files', core's field rules and what needs the database.
    errors.addEvidence(filing.evidenceProblems ?? []);
    const identity = isBawasluOwn(filing.source) ? 'none' : filing.source === 'paper' ? 'optional' : 'required';
    if (submitted.electionId && submitted.regionCode && /^\d{2}(\.\d{2})?$/.test(submitted.regionCode)) {
      placed = await placeReport(ctx, submitted.electionId, submitted.regionCode, errors);
    }
    // "Today" in the region's time zone once the region is known; Jakarta's until then.
    const today = placed?.today ?? dateInTimeZone(ctx.now(), 'Asia/Jakarta');
    for (const problem of reportFieldProblems({ ...submitted, receivedOn: filing.receivedOn }, { today, identity })) {
      errors.add(problem.field, problem.message.id, problem.message.en);
    }
    if (placed && filer.actor && !regionWithinScope(filer.actor.scope, placed.region.code)) {
      throw new ApiError(403, 'out_of_scope', { id: 'Wilayah ini di luar wilayah tugas Anda.', en: 'This region is outside your scope.' }, [
        { field: 'body.regionCode', message: { id: `${placed.region.name} di luar wilayah tugas Anda.`, en: `${placed.region.name} is outside your scope.` } },
      ]);
    }
    errors.throwIfAny();
  } catch (error) {
    await discardAll(uploads);
    throw error;
  }
  const { election, region, today } = placed!;
  // Every rule passed: the required fields are there and well-formed.
  const input = { ...submitted, anonymous: submitted.anonymous ?? false, actCodes: submitted.actCodes ?? [] } as ReportInput;
  const nip = input.reportedNip ? (checkReportedNip(input.reportedNip, today) as { nip: string }).nip : null;

  const now = ctx.now();
  const reception = filing.receivedOn ? null : receptionOf(now, region.timeZone, election.rulebook.receptionHours);
  const receivedOn = filing.receivedOn ?? reception!.receivedOn;
  const window = reportWindowStatus(input.knownOn, receivedOn, election.rulebook);
  const lateByDays = window.withinWindow ? 0 : window.daysLate;
  const asn = nip ? await repo.findAsnByNip(ctx.db, nip) : undefined;
  const named = !isBawasluOwn(filing.source) && !input.anonymous && Boolean(input.reporterName);
  const witnesses = filledWitnesses(input.witnesses);
  // The vault: a named reporter's identity with the official form's particulars, and any
  // report's witnesses (an anonymous report's vault holds the witnesses only).
  const vault: ReporterIdentity | null =
    named || witnesses.length > 0
      ? {
          name: named ? input.reporterName! : null,
          address: named ? (input.reporterAddress ?? null) : null,
          phone: named ? (input.reporterPhone ?? null) : null,
          email: named ? (input.reporterEmail ?? null) : null,
          birthPlace: named ? (input.reporterBirthPlace ?? null) : null,
          birthDate: named ? (input.reporterBirthDate ?? null) : null,
          gender: named && (input.reporterGender === 'L' || input.reporterGender === 'P') ? input.reporterGender : null,
          occupation: named ? (input.reporterOccupation ?? null) : null,
          nationality: named ? (input.reporterNationality ?? null) : null,
          witnesses,
        }
      : null;
  // Findings have no reporter to follow them; public and paper reporters get a secret.
  const secret = isBawasluOwn(filing.source) ? null : drawSecret(ctx, keyHash ? `${keyHash}:${tag}` : null);
  // Originals only (one fsync each); the metadata-free copies follow the commit (public-copies.ts).
  const evidence = await storeOriginals(ctx, uploads);
  const secretHash = secret ? hashReportSecret(ctx, secret) : null;
  const actorId = filer.actor?.id ?? null;

  const sealed = vault ? JSON.stringify(vault) : null;
  const rulebookVersion = (election as { rulebookVersion?: number }).rulebookVersion;
  const fileOnce = (receiptNumber: string) =>
    committerFor(ctx, cases).commit({
      caseInput: {
        electionId: election.id,
        regionCode: region.code,
        agencyId: asn?.agencyId ?? null,
        asnId: asn?.id ?? null,
        actCodes: input.actCodes,
        summary: truncate(`${input.reportedName}: ${input.description}`, 200),
        receivedOn,
        receivedAt: now,
        // The rulebook as placeReport just read it, with its version (the elections repository returns it).
        rulebook: rulebookVersion === undefined ? undefined : { rulebook: election.rulebook, version: rulebookVersion },
      },
      row: {
        secret_hash: secretHash,
        source: filing.source,
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
        anonymous: isBawasluOwn(filing.source) ? false : !named,
        late_by_days: lateByDays,
        created_by: actorId,
        idempotency_key: keyHash,
      },
      receiptNumber,
      evidence: { addedBy: actorId ? `staff:${actorId}` : 'reporter', files: evidence },
      identity: sealed === null ? null : { plain: sealed, named, witnessCount: witnesses.length },
      at: now,
      audits: (reportId, opened) => [
        {
          actorId,
          action: 'report.received',
          entityType: 'report',
          entityId: reportId,
          data: { receiptNumber, caseId: opened.id, source: filing.source, anonymous: !named, witnesses: witnesses.length, lateByDays, evidence: evidence.map((e) => e.sha256) },
          ...filer.meta,
          at: now,
        },
        {
          actorId,
          action: 'case.opened',
          entityType: 'case',
          entityId: opened.id,
          data: { number: opened.number, reportId, electionId: election.id, regionCode: region.code, receivedOn },
          ...filer.meta,
          at: now,
        },
      ],
    });

  try {
    let filed: Awaited<ReturnType<typeof fileOnce>> | null = null;
    for (let attempt = 0; filed === null; attempt++) {
      try {
        filed = await fileOnce(generateReceiptNumber(Number(receivedOn.slice(0, 4)), randomBytes));
      } catch (error) {
        // Receipts are random: on the astronomically rare collision, file again under a new draw.
        if (attempt < 4 && isUniqueViolation(error, 'reports_receipt_number_key')) continue;
        throw error;
      }
    }
    // Without a job runner (tests, the CLI): the follow-up work here, after the commit all the
    // same. The report is durable whatever happens there.
    if (!filed.queued) await afterReceived(ctx, filed.report.id).catch(() => undefined);
    return {
      reportId: filed.report.id,
      caseId: filed.opened.id,
      receiptNumber: filed.report.receiptNumber,
      secret,
      caseNumber: filed.opened.number,
      receivedOn,
      lateByDays,
      warning: lateWarning(window),
      reception: reception?.explanation ?? null,
      outsideStages: outsideStages(election, region.code, input.occurredOn)?.message ?? null,
      replayed: false,
    };
  } catch (error) {
    // The same submission raced in twice: the first one won, answer with its receipt.
    if (keyHash && isUniqueViolation(error, 'reports_idempotency_key_key')) {
      const earlier = await replay(ctx, keyHash, tag, actorId);
      if (earlier) return earlier;
    }
    throw error;
  }
}

/** What the public form needs before submitting: is knownOn within the window, and the receipt day. */
export async function reportWindowCheck(ctx: AppContext, query: { electionId: string; regionCode: string; knownOn: IsoDate; occurredOn?: IsoDate }) {
  const errors = new FieldErrors();
  const placed = await placeReport(ctx, query.electionId, query.regionCode, errors);
  errors.throwIfAny();
  const { election, region, today } = placed!;
  if (query.knownOn > today) {
    throw new ApiError(400, 'validation_failed', { id: 'Tanggal tidak boleh setelah hari ini.', en: 'The date cannot be after today.' }, [
      { field: 'query.knownOn', message: { id: 'Tanggal tidak boleh setelah hari ini.', en: 'The date cannot be after today.' } },
    ]);
  }
  const reception = receptionOf(ctx.now(), region.timeZone, election.rulebook.receptionHours);
  const receivedOn = reception.receivedOn;
  const window = reportWindowStatus(query.knownOn, receivedOn, election.rulebook);
  const stages = query.occurredOn ? outsideStages(election, region.code, query.occurredOn) : null;
  return { receivedOn, reception: reception.explanation, window, warning: lateWarning(window), outsideStages: stages?.message ?? null };
}

export async function formInfo(ctx: AppContext, language: Language) {
  const elections = await repo.electionsForForm(ctx.db);
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
