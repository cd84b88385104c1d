/**
 * The art. 71(2) rotation watch: rotations are recorded (CSV or form), assessed on every read with
 * the core's `prohibitedWindow` and `assessRotation` against the incumbents standing in the
 * region's contest (from the candidate pairs, so a pair added later changes the assessment), and
 * a flagged one becomes a Bawaslu finding in one step through the reports capability.
 */
import {
  assessRotation,
  dateInTimeZone,
  findingDraft,
  prohibitedWindow,
  regionWithinScope,
  timeZoneOfRegion,
  UU_10_2016_ART_71_2,
  type Election,
  type IncumbentCandidate,
  type Rotation,
  type RotationAssessment,
} from '@netra/core';
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { regionInScope } from '../../db/scope.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import type { StaffUser } from '../auth/service.ts';
import { appendAudit } from '../audit/repository.ts';
import { pairsOfContest } from '../candidates/repository.ts';
import { findElection, listElections } from '../elections/repository.ts';
import { fileReport } from '../reports/service.ts';
import { SIGNER_ROLES, validateRotationRow, type RotationColumnKey, type RotationInput } from './rows.ts';

type Meta = { ip: string | null; userAgent: string | null };

const rotationColumns = [
  'ro.id',
  'ro.election_id',
  'ro.region_code',
  'r.name as region_name',
  'ro.asn_id',
  'ro.person_nip',
  'ro.person_name',
  'ro.from_position',
  'ro.to_position',
  'ro.decree_number',
  'ro.decree_date',
  'ro.signer_name',
  'ro.signer_role',
  'ro.approval_letter_number',
  'ro.approval_date',
  'ro.finding_report_id',
  'ro.finding_case_id',
  'c.number as finding_case_number',
  'ro.created_at',
] as const;

function scopedRotations(db: Db, staff: StaffUser) {
  return db
    .selectFrom('rotations as ro')
    .innerJoin('regions as r', 'r.code', 'ro.region_code')
    .leftJoin('cases as c', 'c.id', 'ro.finding_case_id')
    .where((eb) => regionInScope(eb, 'ro.region_code', staff.scope));
}

interface StoredRotation {
  id: string;
  election_id: string;
  region_code: string;
  region_name: string;
  asn_id: number | null;
  person_nip: string;
  person_name: string;
  from_position: string;
  to_position: string;
  decree_number: string;
  decree_date: string;
  signer_name: string;
  signer_role: Rotation['signedBy']['role'];
  approval_letter_number: string | null;
  approval_date: string | null;
  finding_report_id: string | null;
  finding_case_id: string | null;
  finding_case_number: string | null;
  created_at: Date;
}

const asCore = (row: StoredRotation): Rotation => ({
  regionCode: row.region_code,
  person: { nip: row.person_nip, name: row.person_name },
  fromPosition: row.from_position,
  toPosition: row.to_position,
  decree: { number: row.decree_number, date: row.decree_date },
  signedBy: { name: row.signer_name, role: row.signer_role },
  ministerApproval: row.approval_letter_number && row.approval_date ? { letterNumber: row.approval_letter_number, date: row.approval_date } : null,
});

/** Assessments of rotations, grouping the lookups per contest. */
async function assess(db: Db, rows: StoredRotation[]): Promise<Map<string, RotationAssessment>> {
  const contests = new Map<string, { election: Election; incumbents: IncumbentCandidate[] }>();
  const result = new Map<string, RotationAssessment>();
  for (const row of rows) {
    const key = `${row.election_id}|${row.region_code}`;
    if (!contests.has(key)) {
      const election = await findElection(db, row.election_id);
      if (!election) continue;
      const pairs = await pairsOfContest(db, row.election_id, row.region_code);
      const incumbents = pairs.flatMap((pair): IncumbentCandidate[] => {
        if (!pair.incumbent) return [];
        const person = pair[pair.incumbent.member];
        return [{ id: `${pair.id}:${pair.incumbent.member}`, name: person.name, ...(person.variants ? { variants: person.variants } : {}), office: pair.incumbent.office }];
      });
      contests.set(key, { election, incumbents });
    }
    const contest = contests.get(key)!;
    const window = prohibitedWindow(contest.election, row.region_code);
    result.set(row.id, assessRotation(asCore(row), { election: contest.election, incumbentCandidates: contest.incumbents, window }));
  }
  return result;
}

const SIGNER_LABEL = new Map(SIGNER_ROLES.map((r) => [r.code as string, r.label]));

function present(row: StoredRotation, assessment: RotationAssessment | undefined, language: Language) {
  return {
    id: row.id,
    electionId: row.election_id,
    regionCode: row.region_code,
    regionName: row.region_name,
    asnId: row.asn_id,
    person: { nip: row.person_nip, name: row.person_name },
    fromPosition: row.from_position,
    toPosition: row.to_position,
    decree: { number: row.decree_number, date: row.decree_date },
    signedBy: { name: row.signer_name, role: row.signer_role, roleLabel: SIGNER_LABEL.get(row.signer_role)?.[language] ?? row.signer_role },
    ministerApproval: row.approval_letter_number && row.approval_date ? { letterNumber: row.approval_letter_number, date: row.approval_date } : null,
    assessment: assessment
      ? {
          flagged: assessment.flagged,
          severity: assessment.severity,
          basis: assessment.basis,
          window: { from: assessment.window.from, to: assessment.window.to, basis: assessment.window.basis[language] },
          reasons: assessment.reasons.map((r) => ({ code: r.code, effect: r.effect, message: r.message[language] })),
          matchedCandidate: assessment.matchedCandidate?.name ?? null,
        }
      : null,
    finding: row.finding_case_id ? { reportId: row.finding_report_id!, caseId: row.finding_case_id, caseNumber: row.finding_case_number! } : null,
  };
}

export const legalBasis = (language: Language) => ({ reference: UU_10_2016_ART_71_2.reference, text: UU_10_2016_ART_71_2.text[language] });

export async function listRotations(ctx: AppContext, staff: StaffUser, query: { electionId?: string; regionCode?: string; flagged?: boolean; limit: number; offset: number }, language: Language) {
  let base = scopedRotations(ctx.db, staff).select(rotationColumns);
  if (query.electionId) base = base.where('ro.election_id', '=', query.electionId);
  if (query.regionCode) base = base.where('ro.region_code', '=', query.regionCode);
  // Assessed in code (the rules are the core's): a region records hundreds of rotations, not millions.
  const rows = (await base.orderBy('ro.decree_date', 'desc').orderBy('ro.created_at', 'desc').limit(5000).execute()) as StoredRotation[];
  const assessments = await assess(ctx.db, rows);
  const items = rows.map((row) => present(row, assessments.get(row.id), language)).filter((item) => query.flagged === undefined || item.assessment?.flagged === query.flagged);
  return { total: items.length, items: items.slice(query.offset, query.offset + query.limit), legalBasis: legalBasis(language) };
}

async function findRotation(ctx: AppContext, staff: StaffUser, id: string): Promise<StoredRotation | undefined> {
  return (await scopedRotations(ctx.db, staff).select(rotationColumns).where('ro.id', '=', id).executeTakeFirst()) as StoredRotation | undefined;
}

export async function rotationDetail(ctx: AppContext, staff: StaffUser, id: string, language: Language) {
  const row = await findRotation(ctx, staff, id);
  if (!row) throw notFound({ id: 'Mutasi', en: 'Rotation' });
  return present(row, (await assess(ctx.db, [row])).get(row.id), language);
}

export interface RotationRowOutcome {
  line: number;
  status: 'inserted' | 'updated' | 'unchanged' | 'rejected';
  rotationId?: string;
  reasons?: Array<{ column: string; code: string; message: string }>;
}

/** Validate and store rotations; each row stands alone and every refused row says why. */
export async function saveRotations(ctx: AppContext, staff: StaffUser, rows: Array<{ line: number; cells: Partial<Record<RotationColumnKey, string>> }>, language: Language, meta: Meta) {
  const elections = (await listElections(ctx.db)).filter((e) => e.scope === 'regional');
  const today = dateInTimeZone(ctx.now(), 'Asia/Jayapura');
  const context = { today, electionIds: new Set(elections.map((e) => e.id)) };
  const outcomes = await ctx.db.transaction().execute(async (trx) => {
    const done: RotationRowOutcome[] = [];
    for (const { line, cells } of rows) {
      const result = validateRotationRow(cells, context);
      let reasons = result.ok ? [] : result.reasons.map((r) => ({ column: r.column, code: r.code, message: r.message[language] }));
      if (result.ok && !regionWithinScope(staff.scope, result.row.regionCode)) {
        reasons = [{ column: 'kode_wilayah', code: 'region_outside_scope', message: language === 'id' ? `Wilayah ${result.row.regionCode} di luar wilayah tugas Anda.` : `Region ${result.row.regionCode} is outside your scope.` }];
      }
      if (!result.ok || reasons.length > 0) {
        done.push({ line, status: 'rejected', reasons });
        continue;
      }
      const r: RotationInput = result.row;
      const region = await trx.selectFrom('regions').select('code').where('code', '=', r.regionCode).executeTakeFirst();
      if (!region) {
        done.push({ line, status: 'rejected', reasons: [{ column: 'kode_wilayah', code: 'region_unknown', message: language === 'id' ? `Kode wilayah ${r.regionCode} tidak terdaftar.` : `Region code ${r.regionCode} is not registered.` }] });
        continue;
      }
      const asn = await trx.selectFrom('asn').select('id').where('nip', '=', r.nip).executeTakeFirst();
      const values = {
        election_id: r.electionId,
        asn_id: asn?.id ?? null,
        person_name: r.name,
        from_position: r.fromPosition,
        to_position: r.toPosition,
        decree_date: r.decreeDate,
        signer_name: r.signerName,
        signer_role: r.signerRole,
        approval_letter_number: r.approval?.letterNumber ?? null,
        approval_date: r.approval?.date ?? null,
      };
      const saved = await trx
        .insertInto('rotations')
        .values({ ...values, region_code: r.regionCode, person_nip: r.nip, decree_number: r.decreeNumber, created_by: staff.id })
        .onConflict((oc) =>
          oc
            .constraint('rotations_decree_person_key')
            .doUpdateSet(values)
            .where(
              sql<boolean>`(rotations.election_id, rotations.asn_id, rotations.person_name, rotations.from_position, rotations.to_position, rotations.decree_date, rotations.signer_name, rotations.signer_role, rotations.approval_letter_number, rotations.approval_date)
                IS DISTINCT FROM (excluded.election_id, excluded.asn_id, excluded.person_name, excluded.from_position, excluded.to_position, excluded.decree_date, excluded.signer_name, excluded.signer_role, excluded.approval_letter_number, excluded.approval_date)`,
            ),
        )
        .returning(['id', sql<boolean>`xmax = 0`.as('inserted')])
        .executeTakeFirst();
      if (saved) {
        done.push({ line, status: saved.inserted ? 'inserted' : 'updated', rotationId: saved.id });
      } else {
        const existing = await trx.selectFrom('rotations').select('id').where('region_code', '=', r.regionCode).where('decree_number', '=', r.decreeNumber).where('person_nip', '=', r.nip).executeTakeFirstOrThrow();
        done.push({ line, status: 'unchanged', rotationId: existing.id });
      }
    }
    const changed = done.filter((d) => d.status === 'inserted' || d.status === 'updated');
    if (changed.length > 0) {
      await appendAudit(trx, {
        actorId: staff.id,
        action: 'rotations.saved',
        entityType: 'rotation',
        entityId: changed[0].rotationId!,
        data: { rotations: changed.map((d) => ({ id: d.rotationId!, status: d.status })) },
        ...meta,
        at: ctx.now(),
      });
    }
    return done;
  });
  const count = (status: RotationRowOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return { inserted: count('inserted'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'), rows: outcomes };
}

/**
 * "Jadikan temuan": a flagged rotation becomes a Bawaslu finding (a report with source
 * `finding` and its case) through the reports capability's own filing, with the draft's summary,
 * legal basis and reasons. Repeating it returns the same finding (idempotency key).
 */
export async function rotationToFinding(ctx: AppContext, staff: StaffUser, id: string, meta: Meta) {
  const row = await findRotation(ctx, staff, id);
  if (!row) throw notFound({ id: 'Mutasi', en: 'Rotation' });
  const assessment = (await assess(ctx.db, [row])).get(row.id);
  if (!assessment?.flagged) {
    throw new ApiError(409, 'not_flagged', {
      id: 'Mutasi ini tidak ditandai melanggar ps. 71 ayat (2): tidak ada temuan untuk dibuat.',
      en: 'This rotation is not flagged under art. 71(2): there is no finding to make.',
    });
  }
  const draft = findingDraft(asCore(row), assessment);
  const today = dateInTimeZone(ctx.now(), timeZoneOfRegion(row.region_code));
  const knownOn = dateInTimeZone(new Date(row.created_at), timeZoneOfRegion(row.region_code));
  const description = [
    draft.summary.id,
    `Dasar hukum: ${draft.legalBasis.map((b) => b.reference).join('; ')}.`,
    ...draft.reasons.map((r) => `- ${r.message.id}`),
    `Bukti: ${draft.evidence.map((e) => `${e.kind === 'decree' ? 'SK' : 'Persetujuan Menteri'} ${e.reference} (${e.date})`).join('; ')}.`,
  ].join('\n');
  const receipt = await fileReport(
    ctx,
    {
      electionId: draft.electionId,
      regionCode: draft.regionCode,
      place: `${row.region_name} (SK ${row.decree_number})`.slice(0, 300),
      occurredOn: draft.occurredOn,
      knownOn: knownOn < draft.occurredOn ? draft.occurredOn : knownOn > today ? today : knownOn,
      description,
      actCodes: [draft.actCode],
      reportedName: draft.reportedParty.name,
      reportedPosition: SIGNER_LABEL.get(draft.reportedParty.role)?.id,
      anonymous: false,
    },
    [],
    { source: 'finding', staff, meta, idempotencyKey: `rotation-finding:${row.id}` },
  );
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('rotations').set({ finding_report_id: receipt.reportId, finding_case_id: receipt.caseId }).where('id', '=', row.id).execute();
    await appendAudit(trx, {
      actorId: staff.id,
      action: 'rotations.finding_made',
      entityType: 'rotation',
      entityId: row.id,
      data: { reportId: receipt.reportId, caseId: receipt.caseId, caseNumber: receipt.caseNumber },
      ...meta,
      at: ctx.now(),
    });
  });
  return { reportId: receipt.reportId, caseId: receipt.caseId, caseNumber: receipt.caseNumber, receiptNumber: receipt.receiptNumber };
}
