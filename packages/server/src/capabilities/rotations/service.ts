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
  type ReportInput,
  type Rotation,
  type RotationAssessment,
} from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import type { RequestContext, StaffUser } from '../../http/request-context.ts';
import { appendAudit } from '../audit/service.ts';
import { electionList, findElection, pairsOfContest } from '../election-catalog/service.ts';
import { asnIdByNip } from '../register/service.ts';
import * as repo from './repository.ts';
import type { StoredRotation } from './repository.ts';
import { SIGNER_ROLES, validateRotationRow, type RotationColumnKey, type RotationInput } from './rows.ts';

/** A region records hundreds of rotations, not millions: they are assessed in code (the rules are the core's). */
const LIST_CAP = 5000;

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
  const terms = await repo.termEnds(db, [...new Set(rows.map((r) => r.region_code))]);
  for (const row of rows) {
    const key = `${row.election_id}|${row.region_code}`;
    if (!contests.has(key)) {
      const election = await findElection({ db }, row.election_id);
      if (!election) continue;
      const pairs = await pairsOfContest({ db }, row.election_id, row.region_code);
      const incumbents = pairs.flatMap((pair): IncumbentCandidate[] => {
        if (!pair.incumbent) return [];
        const person = pair[pair.incumbent.member];
        return [{ id: `${pair.id}:${pair.incumbent.member}`, name: person.name, ...(person.variants ? { variants: person.variants } : {}), office: pair.incumbent.office }];
      });
      contests.set(key, { election, incumbents });
    }
    const contest = contests.get(key)!;
    // The window closes at the end of the sitting head's term when recorded; a term that ended
    // before the window opened leaves nothing to close (the window then stays open, as unrecorded).
    const termEnd = terms.get(row.region_code);
    const opens = prohibitedWindow(contest.election, row.region_code);
    const window = termEnd && termEnd >= opens.from ? prohibitedWindow(contest.election, row.region_code, { termEnd }) : opens;
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
          clearedByApproval: assessment.clearedByApproval,
          window: { from: assessment.window.from, to: assessment.window.to, basis: assessment.window.basis[language] },
          reasons: assessment.reasons.map((r) => ({ code: r.code, effect: r.effect, message: r.message[language] })),
          matchedCandidate: assessment.matchedCandidate?.name ?? null,
        }
      : null,
    finding: row.finding_case_id ? { reportId: row.finding_report_id!, caseId: row.finding_case_id, caseNumber: row.finding_case_number! } : null,
  };
}

export const legalBasis = (language: Language) => ({ reference: UU_10_2016_ART_71_2.reference, text: UU_10_2016_ART_71_2.text[language] });

export async function listRotations(ctx: AppContext, rc: RequestContext, query: { electionId?: string; regionCode?: string; flagged?: boolean; limit: number; offset: number }) {
  const rows = await repo.listRotations(ctx.db, rc.actor.scope, query, LIST_CAP);
  const assessments = await assess(ctx.db, rows);
  const items = rows.map((row) => present(row, assessments.get(row.id), rc.language)).filter((item) => query.flagged === undefined || item.assessment?.flagged === query.flagged);
  return { total: items.length, items: items.slice(query.offset, query.offset + query.limit), legalBasis: legalBasis(rc.language) };
}

async function findRotation(ctx: AppContext, staff: StaffUser, id: string): Promise<StoredRotation | undefined> {
  return repo.findRotation(ctx.db, staff.scope, id);
}

export async function rotationDetail(ctx: AppContext, rc: RequestContext, id: string) {
  const row = await findRotation(ctx, rc.actor, id);
  if (!row) throw notFound({ id: 'Mutasi', en: 'Rotation' });
  return present(row, (await assess(ctx.db, [row])).get(row.id), rc.language);
}

export interface RotationRowOutcome {
  line: number;
  status: 'inserted' | 'updated' | 'unchanged' | 'rejected';
  rotationId?: string;
  reasons?: Array<{ column: string; code: string; message: string }>;
}

/** Validate and store rotations; each row stands alone and every refused row says why. */
export async function saveRotations(ctx: AppContext, rc: RequestContext, rows: Array<{ line: number; cells: Partial<Record<RotationColumnKey, string>> }>) {
  const { actor: staff, language, meta } = rc;
  const elections = (await electionList(ctx, language)).items.filter((e) => e.scope === 'regional');
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
      if (!(await repo.regionExists(trx, r.regionCode))) {
        done.push({ line, status: 'rejected', reasons: [{ column: 'kode_wilayah', code: 'region_unknown', message: language === 'id' ? `Kode wilayah ${r.regionCode} tidak terdaftar.` : `Region code ${r.regionCode} is not registered.` }] });
        continue;
      }
      const values: repo.RotationValues = {
        election_id: r.electionId,
        asn_id: (await asnIdByNip(trx, r.nip)) ?? null,
        person_name: r.name,
        from_position: r.fromPosition,
        to_position: r.toPosition,
        decree_date: r.decreeDate,
        signer_name: r.signerName,
        signer_role: r.signerRole,
        approval_letter_number: r.approval?.letterNumber ?? null,
        approval_date: r.approval?.date ?? null,
      };
      const key = { regionCode: r.regionCode, nip: r.nip, decreeNumber: r.decreeNumber };
      const saved = await repo.upsertRotation(trx, key, values, staff.id);
      if (saved) {
        done.push({ line, status: saved.inserted ? 'inserted' : 'updated', rotationId: saved.id });
      } else {
        done.push({ line, status: 'unchanged', rotationId: await repo.rotationIdByKey(trx, key) });
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
 * "Jadikan temuan", the rotation's part (commands/rotation-finding.ts files the finding): what a
 * flagged rotation's finding says (the draft's summary, legal basis and reasons), and the
 * rotation's id as stored. 404 outside scope, 409 when the rotation is not flagged.
 */
export async function rotationFindingDraft(ctx: AppContext, rc: RequestContext, id: string): Promise<{ rotationId: string; input: ReportInput }> {
  const staff = rc.actor;
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
  const input: ReportInput = {
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
  };
  return { rotationId: row.id, input };
}

/** The rotation records the finding made from it, with its audit entry. */
export async function recordRotationFinding(ctx: AppContext, rc: RequestContext, id: string, finding: { reportId: string; caseId: string; caseNumber: string }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setRotationFinding(trx, id, finding);
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action: 'rotations.finding_made',
      entityType: 'rotation',
      entityId: id,
      data: { reportId: finding.reportId, caseId: finding.caseId, caseNumber: finding.caseNumber },
      ...rc.meta,
      at: ctx.now(),
    });
  });
}

/** Recorded ends of regional heads' terms in the caller's scope. */
export async function listTerms(ctx: AppContext, rc: RequestContext, page: { limit: number; offset: number }) {
  const { items, total } = await repo.listTerms(ctx.db, rc.actor.scope, page);
  return { total, items: items.map((t) => ({ ...t, updatedAt: t.updatedAt.toISOString() })) };
}

/**
 * Records when the sitting regional head's term ends in a province or regency/city: the end of
 * the art. 71(2) window for every election there. Audited.
 */
export async function saveTerm(ctx: AppContext, rc: RequestContext, regionCode: string, body: { termEnd: string; headName?: string | null; basis: string }) {
  const fieldError = (field: string, id: string, en: string) => new ApiError(400, 'validation_failed', { id, en }, [{ field, message: { id, en } }]);
  if (!regionWithinScope(rc.actor.scope, regionCode)) throw notFound({ id: `Wilayah ${regionCode}`, en: `Region ${regionCode}` });
  const level = await repo.regionLevelOf(ctx.db, regionCode);
  if (!level) throw notFound({ id: `Wilayah ${regionCode}`, en: `Region ${regionCode}` });
  if (level === 'district') {
    throw fieldError('params.regionCode', 'Masa jabatan dicatat untuk provinsi atau kabupaten/kota, bukan kecamatan.', 'Terms are recorded for a province or regency/city, not a district.');
  }
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertTerm(trx, { region_code: regionCode, head_name: body.headName?.trim() || null, term_end: body.termEnd, basis: body.basis.trim(), updated_by: rc.actor.id }, at);
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action: 'rotations.term_recorded',
      entityType: 'region',
      entityId: regionCode,
      data: { termEnd: body.termEnd, basis: body.basis.trim() },
      ...rc.meta,
      at,
    });
  });
  return { regionCode, termEnd: body.termEnd, headName: body.headName?.trim() || null, basis: body.basis.trim() };
}
