/**
 * Candidate pairs (import and form, both through the core's `validateCandidateRow`), their link to
 * the ASN register, and the ASN candidates' obligations (core `obligationStatus`): every missed or
 * late obligation becomes an alert on the BKPSDM's page and a notification for the region's
 * Bawaslu (and BKPSDM), once per obligation and status.
 */
import {
  candidacyRulesOf,
  comparablePersonName,
  dateInTimeZone,
  obligationStatus,
  regionLevel,
  regionWithinScope,
  timeZoneOfRegion,
  validateCandidateRow,
  type CandidateColumnKey,
  type CandidatePair,
  type CandidatePerson,
  type CandidateReason,
  type Election,
  type ObligationCode,
  type PairMember,
  type RoleCode,
} from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { rejectedRowError } from '../../http/csv-upload.ts';
import { appendAudit } from '../audit/service.ts';
import * as catalog from '../election-catalog/service.ts';
import type { PairWrite, StoredPair } from '../election-catalog/service.ts';
import { asnIdsByNip } from '../register/service.ts';
import { notify } from '../notifications/service.ts';
import * as repo from './repository.ts';

export type PairCells = Partial<Record<CandidateColumnKey, string>>;

const MEMBER_PREFIX: Record<PairMember, 'calon' | 'wakil'> = { head: 'calon', deputy: 'wakil' };

export const pairKey = (pair: CandidatePair) => `${comparablePersonName(pair.head.name)}|${comparablePersonName(pair.deputy.name)}`;

async function electionsById(ctx: AppContext): Promise<Map<string, Election>> {
  const ids = (await catalog.electionList(ctx, 'id')).items.map((e) => e.id);
  const elections = await Promise.all(ids.map((id) => catalog.findElection(ctx, id)));
  return new Map(elections.filter((e): e is Election => e !== undefined).map((e) => [e.id, e]));
}

export interface RowOutcome {
  line: number;
  status: 'inserted' | 'updated' | 'unchanged' | 'rejected';
  pairId?: string;
  reasons?: Array<{ column: string; code: string; message: string }>;
}

const outOfScopeReason = (regionCode: string): CandidateReason => ({
  column: 'kode_wilayah',
  code: 'region_not_participating',
  message: { id: `Wilayah ${regionCode} di luar wilayah tugas Anda.`, en: `Region ${regionCode} is outside your scope.` },
});

/**
 * Validate and store rows of pairs (from a CSV or the form). Each row stands alone: valid rows are
 * stored, invalid ones come back with every reason; nothing is dropped silently.
 */
export async function savePairRows(ctx: AppContext, rc: RequestContext, rows: Array<{ line: number; cells: PairCells }>, replaceId?: string) {
  const { actor: staff, language, meta } = rc;
  const elections = await electionsById(ctx);
  const today = dateInTimeZone(ctx.now(), 'Asia/Jayapura');
  const checked = rows.map(({ line, cells }) => {
    const result = validateCandidateRow(cells, { today, elections });
    if (!result.ok) return { line, reasons: result.reasons };
    if (result.row.regionCode === null || !regionWithinScope(staff.scope, result.row.regionCode)) {
      return { line, reasons: [outOfScopeReason(result.row.regionCode ?? '-')] };
    }
    return { line, pair: result.row as CandidatePair & { regionCode: string } };
  });
  const nips = checked.flatMap((c) => ('pair' in c && c.pair ? [c.pair.head.asnNip, c.pair.deputy.asnNip].filter((n): n is string => !!n) : []));
  const asnIds = await asnIdsByNip(ctx.db, nips);
  const outcomes: RowOutcome[] = await ctx.db.transaction().execute(async (trx) => {
    const done: RowOutcome[] = [];
    for (const c of checked) {
      if (!('pair' in c) || !c.pair) {
        done.push({ line: c.line, status: 'rejected', reasons: c.reasons.map((r) => ({ column: r.column, code: r.code, message: r.message[language] })) });
        continue;
      }
      const write: PairWrite = {
        pair: c.pair,
        pairKey: pairKey(c.pair),
        headAsnId: c.pair.head.asnNip ? (asnIds.get(c.pair.head.asnNip) ?? null) : null,
        deputyAsnId: c.pair.deputy.asnNip ? (asnIds.get(c.pair.deputy.asnNip) ?? null) : null,
        actorId: staff.id,
      };
      if (replaceId) {
        await catalog.updatePair(trx, replaceId, write);
        done.push({ line: c.line, status: 'updated', pairId: replaceId });
      } else {
        const saved = await catalog.upsertPair(trx, write);
        done.push({ line: c.line, status: saved.outcome, pairId: saved.id });
      }
    }
    const changed = done.filter((d) => d.status === 'inserted' || d.status === 'updated');
    if (changed.length > 0) {
      await appendAudit(trx, {
        actorId: staff.id,
        action: replaceId ? 'candidates.pair.updated' : 'candidates.pairs.saved',
        entityType: 'candidate_pair',
        entityId: replaceId ?? changed[0].pairId!,
        data: { pairs: changed.map((d) => ({ id: d.pairId!, status: d.status })), rejected: done.length - changed.length - done.filter((d) => d.status === 'unchanged').length },
        ...meta,
        at: ctx.now(),
      });
    }
    return done;
  });
  const count = (status: RowOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return { inserted: count('inserted'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'), rows: outcomes };
}

/** The form's fields as the import's cells, so both go through the same validator. */
export function cellsFromForm(body: PairForm): PairCells {
  const person = (p: PairForm['head'], member: 'calon' | 'wakil'): PairCells => ({
    [`nama_${member}`]: p.name,
    [`panggilan_${member}`]: p.nickname ?? '',
    [`variasi_nama_${member}`]: (p.variants ?? []).join('; '),
    [`nip_${member}`]: p.asnNip ?? '',
  });
  return {
    kode_pemilihan: body.electionId,
    kode_wilayah: body.regionCode,
    nomor_urut: body.ballotNumber === null || body.ballotNumber === undefined ? '' : String(body.ballotNumber),
    ...person(body.head, 'calon'),
    ...person(body.deputy, 'wakil'),
    jalur: body.independent ? 'perseorangan' : 'partai',
    partai: body.parties.join('; '),
    petahana: body.incumbent ? (body.incumbent.member === 'head' ? 'calon' : 'wakil') : 'tidak',
    jabatan_petahana: body.incumbent ? (body.incumbent.office === 'regional_head' ? 'kepala_daerah' : 'wakil_kepala_daerah') : '',
    slogan: body.slogans.join('; '),
    tagar: body.hashtags.join(' '),
  };
}

export interface PairForm {
  electionId: string;
  regionCode: string;
  ballotNumber?: number | null;
  head: { name: string; nickname?: string; variants?: string[]; asnNip?: string };
  deputy: { name: string; nickname?: string; variants?: string[]; asnNip?: string };
  independent: boolean;
  parties: string[];
  incumbent: { member: PairMember; office: 'regional_head' | 'deputy_regional_head' } | null;
  slogans: string[];
  hashtags: string[];
}

/** A column of the import named as the form's field, for field-level errors. */
export function formFieldOf(column: string): string {
  const map: Record<string, string> = {
    kode_pemilihan: 'electionId',
    kode_wilayah: 'regionCode',
    nomor_urut: 'ballotNumber',
    nama_calon: 'head.name',
    panggilan_calon: 'head.nickname',
    variasi_nama_calon: 'head.variants',
    nip_calon: 'head.asnNip',
    nama_wakil: 'deputy.name',
    panggilan_wakil: 'deputy.nickname',
    variasi_nama_wakil: 'deputy.variants',
    nip_wakil: 'deputy.asnNip',
    jalur: 'independent',
    partai: 'parties',
    petahana: 'incumbent.member',
    jabatan_petahana: 'incumbent.office',
    slogan: 'slogans',
    tagar: 'hashtags',
  };
  return `body.${map[column] ?? column}`;
}

async function savePairFromForm(ctx: AppContext, rc: RequestContext, body: PairForm, replaceId?: string) {
  const result = await savePairRows(ctx, rc, [{ line: 1, cells: cellsFromForm(body) }], replaceId);
  const row = result.rows[0];
  if (row.status === 'rejected') throw rejectedRowError(row.reasons!, formFieldOf);
  return row.pairId!;
}

// ---------------------------------------------------------------- obligations

export interface MemberObligations {
  member: PairMember;
  name: string;
  nip: string;
  asnId: number | null;
  obligations: Array<{
    code: ObligationCode;
    name: string;
    responsible: string;
    due: string;
    status: string;
    doneOn: string | null;
    daysRemaining: number | null;
    daysLate: number | null;
    basis: string;
    unsure: boolean;
    letterNumber: string | null;
    note: string | null;
  }>;
  alerts: Array<{ obligation: ObligationCode; status: string; message: string }>;
}

type Events = Awaited<ReturnType<typeof repo.obligationEvents>>;

const bawasluRoleFor = (regionCode: string): RoleCode => (regionLevel(regionCode) === 'province' ? 'bawaslu_province' : 'bawaslu_regency');

/**
 * Where each ASN member of the pairs stands, on today's date in the contest's time zone; sends
 * the notifications for alerts not notified before (dedupe keys make this safe to repeat).
 */
export async function obligationsOf(db: Db, now: Date, pairs: StoredPair[], language: Language): Promise<Map<string, MemberObligations[]>> {
  const events = await repo.obligationEvents(db, pairs.map((p) => p.id));
  const byPair = new Map<string, Events>();
  for (const e of events) byPair.set(e.pair_id, [...(byPair.get(e.pair_id) ?? []), e]);
  const elections = new Map<string, Election | undefined>();
  const result = new Map<string, MemberObligations[]>();
  for (const pair of pairs) {
    if (!elections.has(pair.electionId)) elections.set(pair.electionId, await catalog.findElection({ db }, pair.electionId));
    const election = elections.get(pair.electionId);
    if (!election) continue;
    // The candidacy rules are rulebook data (issue 14): the election's current version.
    const rules = candidacyRulesOf(election.rulebook, election);
    const today = dateInTimeZone(now, timeZoneOfRegion(pair.regionCode));
    const members: MemberObligations[] = [];
    for (const member of ['head', 'deputy'] as const) {
      const person: CandidatePerson = pair[member];
      if (!person.asnNip) continue;
      const recorded = (byPair.get(pair.id) ?? []).filter((e) => e.member === member);
      const on = (code: ObligationCode) => recorded.find((e) => e.obligation === code);
      const report = obligationStatus(election, person, {
        noticeDate: on('notice')?.done_on,
        resignationDate: on('resignation')?.done_on,
        dismissalDecreeDate: on('dismissal')?.done_on,
        bknProcessedDate: on('bkn_processing')?.done_on,
      }, today, rules);
      for (const alert of report.alerts) {
        for (const role of [bawasluRoleFor(pair.regionCode), 'bkpsdm_officer'] as const) {
          await notify(db, {
            to: { role, regionCode: pair.regionCode },
            caseId: null,
            kind: 'candidate_obligation',
            message: alert.message,
            dedupeKey: `candidate-obligation:${pair.id}:${member}:${alert.obligation}:${alert.status}:${role}`,
          });
        }
      }
      members.push({
        member,
        name: person.name,
        nip: person.asnNip,
        asnId: member === 'head' ? pair.headAsnId : pair.deputyAsnId,
        obligations: report.obligations.map((o) => ({
          code: o.code,
          name: o.name[language],
          responsible: o.responsible,
          due: o.due,
          status: o.status,
          doneOn: o.doneOn,
          daysRemaining: o.daysRemaining,
          daysLate: o.daysLate,
          basis: o.basis[language],
          unsure: o.unsure,
          letterNumber: on(o.code)?.letter_number ?? null,
          note: on(o.code)?.note ?? null,
        })),
        alerts: report.alerts.map((a) => ({ obligation: a.obligation, status: a.status, message: a.message[language] })),
      });
    }
    result.set(pair.id, members);
  }
  return result;
}

/**
 * Every ASN candidate's obligations, nationally, so the alerts reach Bawaslu even when nobody
 * opens the candidates page (`netra candidates check-obligations`, for a daily schedule).
 * Returns the number of alerts standing today.
 */
export async function sweepObligationAlerts(db: Db, now: Date): Promise<number> {
  const pairs = await catalog.listPairs(db, { kind: 'national' }, { asnOnly: true });
  const members = await obligationsOf(db, now, pairs, 'id');
  return [...members.values()].flat().reduce((sum, m) => sum + m.alerts.length, 0);
}

async function recordObligationEvent(
  ctx: AppContext,
  rc: RequestContext,
  pair: StoredPair,
  event: { member: PairMember; obligation: ObligationCode; doneOn: string; letterNumber: string; note?: string },
) {
  const { actor: staff, meta } = rc;
  const person = pair[event.member];
  if (!person.asnNip) {
    throw new ApiError(400, 'validation_failed', { id: 'Ada isian yang tidak valid.', en: 'Some input is invalid.' }, [
      { field: 'body.member', message: { id: `${person.name} bukan ASN: tidak ada kewajiban untuk dicatat.`, en: `${person.name} is not a civil servant: there is no obligation to record.` } },
    ]);
  }
  const today = dateInTimeZone(ctx.now(), timeZoneOfRegion(pair.regionCode));
  if (event.doneOn > today) {
    throw new ApiError(400, 'validation_failed', { id: 'Ada isian yang tidak valid.', en: 'Some input is invalid.' }, [
      { field: 'body.doneOn', message: { id: 'Tanggal tidak boleh setelah hari ini.', en: 'The date cannot be after today.' } },
    ]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertObligationEvent(trx, { pairId: pair.id, ...event, note: event.note ?? null, actorId: staff.id });
    await appendAudit(trx, {
      actorId: staff.id,
      action: 'candidates.obligation.recorded',
      entityType: 'candidate_pair',
      entityId: pair.id,
      data: { member: event.member, obligation: event.obligation, doneOn: event.doneOn, letterNumber: event.letterNumber },
      ...meta,
      at: ctx.now(),
    });
  });
}

// ---------------------------------------------------------------- the console's pairs

/** Pairs as the console shows them: with each ASN member's obligations (sending due alerts). */
async function present(ctx: AppContext, pairs: StoredPair[], language: Language) {
  const obligations = await obligationsOf(ctx.db, ctx.now(), pairs, language);
  return pairs.map(({ updatedAt: _updated, ...pair }) => ({ ...pair, asnMembers: obligations.get(pair.id) ?? [] }));
}

async function requirePair(ctx: AppContext, rc: RequestContext, id: string): Promise<StoredPair> {
  const pair = await catalog.findPair(ctx.db, rc.actor.scope, id);
  if (!pair) throw notFound({ id: 'Pasangan calon', en: 'Candidate pair' });
  return pair;
}

export async function listCandidatePairs(ctx: AppContext, rc: RequestContext, filter: { electionId?: string; regionCode?: string; asnOnly: boolean }) {
  const pairs = await catalog.listPairs(ctx.db, rc.actor.scope, filter);
  return { items: await present(ctx, pairs, rc.language) };
}

export async function candidatePair(ctx: AppContext, rc: RequestContext, id: string) {
  return (await present(ctx, [await requirePair(ctx, rc, id)], rc.language))[0];
}

/** Add a pair from the form; 400 with field-level reasons when the import's rules refuse it. */
export async function createPair(ctx: AppContext, rc: RequestContext, body: PairForm) {
  const id = await savePairFromForm(ctx, rc, body);
  const pair = await catalog.findPair(ctx.db, rc.actor.scope, id);
  return (await present(ctx, [pair!], rc.language))[0];
}

export async function editPair(ctx: AppContext, rc: RequestContext, id: string, body: PairForm) {
  await requirePair(ctx, rc, id);
  await savePairFromForm(ctx, rc, body, id);
  return candidatePair(ctx, rc, id);
}

/** Record an ASN member's obligation as done; the pair as it stands after. */
export async function recordObligation(
  ctx: AppContext,
  rc: RequestContext,
  id: string,
  event: { member: PairMember; obligation: ObligationCode; doneOn: string; letterNumber: string; note?: string },
) {
  const pair = await requirePair(ctx, rc, id);
  await recordObligationEvent(ctx, rc, pair, event);
  return (await present(ctx, [pair], rc.language))[0];
}
