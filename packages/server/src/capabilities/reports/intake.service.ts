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
  decodeNip,
  generateReceiptNumber,
  normalisePersonName,
  regionWithinScope,
  reportWindowStatus,
  type Election,
  type IsoDate,
  type Localised,
  type ReportWindowStatus,
} from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import type { RequestMeta, StaffUser } from '../../http/request-context.ts';
import { encrypt } from '../../security/encryption.ts';
import { appendAudit } from '../audit/service.ts';
import { openCaseForReport } from '../cases/opening.service.ts';
import { findElection, regionParticipates } from '../elections/service.ts';
import { insertEvidence } from './evidence.repository.ts';
import { ACCEPTED_TYPES, EVIDENCE_LIMITS } from './evidence.ts';
import { discardAll, storeEvidence } from './evidence-files.ts';
import * as repo from './intake.repository.ts';
import { proposeDuplicates } from './merge-proposals.service.ts';
import { receptionDate } from './reception.ts';
import { isBawasluOwn, type ReportSource, type ReporterIdentity } from './rules.ts';
import { drawSecret, hashReportSecret, idempotencyHash, secretMatches, submissionTag } from './secrets.ts';
import type { AcceptedUpload } from './uploads.ts';

export type { ReportSource } from './rules.ts';

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

// ---------------------------------------------------------------- checks

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
  const [election, region] = await Promise.all([findElection(ctx, electionId), repo.findRegionForReport(ctx.db, regionCode)]);
  if (!election) errors.add('electionId', `Pemilihan "${electionId}" tidak dikenal.`, `Unknown election "${electionId}".`);
  if (!region) errors.add('regionCode', `Wilayah ${regionCode} tidak ada.`, `Region ${regionCode} does not exist.`);
  if (!election || !region) return null;
  if (!(await regionParticipates(ctx, election.id, region.code))) {
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
  return {
    reportId: found.id,
    caseId: found.caseId,
    receiptNumber: found.receiptNumber,
    secret,
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
 * everything in one transaction. A retry with the same idempotency key and the identical body returns
 * the first receipt; another body under that key is refused (409) and told nothing.
 */
export async function fileReport(ctx: AppContext, filer: Filer, input: ReportInput, uploads: readonly AcceptedUpload[], filing: Filing): Promise<Receipt> {
  const keyHash = idempotencyHash(filer.actor?.id ?? null, filing.idempotencyKey);
  const tag = keyHash ? submissionTag(ctx, keyHash, { ...input, source: filing.source, receivedOn: filing.receivedOn }, uploads.map((u) => u.sha256)) : '';
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
  const placed = await placeReport(ctx, input.electionId, input.regionCode, errors);
  errors.throwIfAny();
  const { election, region, today } = placed!;
  if (filer.actor && !regionWithinScope(filer.actor.scope, region.code)) {
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
  const secret = isBawasluOwn(filing.source) ? null : drawSecret(ctx, keyHash ? `${keyHash}:${tag}` : null);
  const evidence = await storeEvidence(ctx, uploads);
  const secretHash = secret ? hashReportSecret(ctx, secret) : null;
  const actorId = filer.actor?.id ?? null;

  try {
    const filed = await ctx.db.transaction().execute(async (trx) => {
      const opened = await openCaseForReport(trx, {
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
        await repo.insertReporterIdentity(trx, report.id, encrypt(ctx.encryptionKey, JSON.stringify(identity)), now);
      }
      await insertEvidence(trx, report.id, actorId ? `staff:${actorId}` : 'reporter', evidence, now);
      // Audit last: its lock serialises all writers (see audit/repository.ts).
      await appendAudit(trx, {
        actorId,
        action: 'report.received',
        entityType: 'report',
        entityId: report.id,
        data: { receiptNumber: report.receiptNumber, caseId: opened.id, source: filing.source, anonymous: identity === null, lateByDays, evidence: evidence.map((e) => e.sha256) },
        ...filer.meta,
        at: now,
      });
      await appendAudit(trx, {
        actorId,
        action: 'case.opened',
        entityType: 'case',
        entityId: opened.id,
        data: { number: opened.number, reportId: report.id, electionId: election.id, regionCode: region.code, receivedOn },
        ...filer.meta,
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
      const earlier = await replay(ctx, keyHash, tag, actorId);
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
