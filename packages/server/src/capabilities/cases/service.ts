/**
 * Moving cases on: transitions (one case, or many in bulk) and the sanction suggestion. Each change
 * runs in one transaction that locks the case row (found through the caller's scope), checks the
 * optimistic version and the work lock, asks core's `checkTransition`, writes the case, its
 * timeline event and any notification, and appends the audit entry last. Assignment and work
 * locks are in assignment.service.ts.
 */
import {
  checkTransition,
  formalWeaknesses,
  isActCode,
  isRoleCode,
  nextCaseDeadline,
  sanctionMatrixOf,
  suggestSanction,
  validateImposedSanction,
  CASE_STATE_LABELS,
  type SanctionTypeCode,
  type TransitionCode,
} from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { appendAudit } from '../audit/service.ts';
import { notify } from '../notifications/service.ts';
import { reportsOfCase as caseReportRows } from './case-reports.repository.ts';
import { assignCase } from './assignment.service.ts';
import { assertPersonLinked } from './people.service.ts';
import { liftBlockOnSanction } from './siasn-block.service.ts';
import { assertNotLockedByOther, assertVersion, CASE_NOT_FOUND, locationOf, lockOrNotFound, refusalError, todayIn } from './change-guards.ts';
import { presentSanction, presentSuggestion, stateOf, type StoredSanction } from './present.ts';
import { clockOf, employeeKindOf, findCase, insertCaseEvent, rulebookKey, rulebooksFor, updateCase, userSummary, type CaseRow } from './repository.ts';
import { CLOCK_STARTED_BY, FINISHED_STATES, handlingOffice, mayHandle, PUBLIC_MILESTONES, rolesActingIn } from './rules.ts';
import type { BulkBody, TransitionBody } from './schema.ts';

/** The steps that take a report into review. */
const TO_REVIEW: ReadonlySet<string> = new Set(['accept_for_review', 'information_received']);

export interface TransitionOutcome {
  caseId: string;
  from: string;
  to: string;
  toLabel: string;
  version: number;
  nextDeadline: { code: string; due: string } | null;
  warnings: Array<{ code: string; message: string }>;
}

/** The reports a case is made of, oldest first (the case page, the reporter's conversation). */
export function reportsOfCase(ctx: AppContext, caseId: string) {
  return caseReportRows(ctx.db, caseId);
}

export async function transitionCase(ctx: AppContext, rc: RequestContext, caseId: string, body: TransitionBody): Promise<TransitionOutcome> {
  const { actor: staff, meta, language } = rc;
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await lockOrNotFound(trx, staff, caseId);
    assertVersion(row, body.expectedVersion);
    await assertNotLockedByOther(trx, row, staff, now);
    const from = stateOf(row);
    const rulebook = (await rulebooksFor(trx, [row])).get(rulebookKey(row));
    if (!rulebook) throw new Error(`Election ${row.election_id} of case ${row.id} has no rulebook`);
    // Four eyes: whoever recorded the case's Bawaslu findings cannot classify and forward them alone.
    const caseReports = await reportsOfCase(ctx, row.id);
    const findingRecordedBy = caseReports.flatMap((r) => (r.source === 'finding' && r.created_by ? [r.created_by] : []));
    const fourEyes = { required: rulebook.fourEyes?.findings ?? true, findingRecordedBy, actorId: staff.id };
    const check = checkTransition(from, body.transition, { role: staff.role, scope: staff.scope }, locationOf(row), body, { fourEyes });
    if (!check.ok) throw refusalError(check.reason);
    const code = body.transition as TransitionCode;
    // A report failing the formal requirements does not go to review on its own: the lawful path is
    // a Bawaslu finding (POST /reports/:id/finding), or the officer decides so, with a reason.
    const weaknesses = [...new Set(caseReports.flatMap((r) => formalWeaknesses({ source: r.source, anonymous: r.anonymous, lateByDays: Number(r.late_by_days) })))];
    const allWeak = caseReports.length > 0 && caseReports.every((r) => formalWeaknesses({ source: r.source, anonymous: r.anonymous, lateByDays: Number(r.late_by_days) }).length > 0);
    if (TO_REVIEW.has(code) && allWeak && !body.formalOverride) {
      const message = {
        id: `Laporan tidak memenuhi syarat formal (${weaknesses.map((w) => (w === 'anonymous' ? 'pelapor anonim' : 'terlambat')).join(', ')}). Jalur yang sah: jadikan temuan Bawaslu, atau tulis alasan keputusan Anda untuk tetap mengkajinya.`,
        en: `The report fails the formal requirements (${weaknesses.join(', ')}). The lawful path is a Bawaslu finding, or write the reason for your decision to review it anyway.`,
      };
      throw new ApiError(422, 'formal_requirements_unmet', message, [{ field: 'body.formalOverride', message }], { weaknesses });
    }
    const to = check.to;
    // Forwarding to BKN and recording a sanction name the person: one must be linked (issue 15).
    await assertPersonLinked(trx, row, code);
    const today = todayIn(row.region_code, now);

    if (code === 'record_sanction' && body.decreeDate! > today) {
      const message = { id: 'Tanggal keputusan tidak boleh setelah hari ini.', en: 'The decree date cannot be after today.' };
      throw new ApiError(422, 'transition_incomplete', message, [{ field: 'body.decreeDate', message }]);
    }

    const clockColumn = CLOCK_STARTED_BY[code];
    const updated: CaseRow = { ...row, state: to, ...(clockColumn ? { [clockColumn]: today } : {}) };
    if (body.actCodes?.length) updated.act_codes = [...new Set(body.actCodes)].sort();
    if (code === 'classify_other') updated.other_class = body.otherClass ?? null;

    const next = nextCaseDeadline(to, clockOf(updated), rulebook, today);

    let sanction: StoredSanction | null = null;
    if (code === 'record_sanction') {
      const types = body.sanctionTypes as SanctionTypeCode[];
      const acts = updated.act_codes.filter(isActCode);
      const suggestion = acts.length > 0 ? suggestSanction(acts, { employeeKind: await employeeKindOf(trx, row.asn_id), matrix: sanctionMatrixOf(rulebook) }) : null;
      sanction = {
        types,
        decreeNumber: body.decreeNumber!,
        decreeDate: body.decreeDate!,
        recordedOn: today,
        recordedBy: { id: staff.id, name: staff.name },
        warnings: suggestion ? validateImposedSanction(suggestion, types).map((w) => ({ code: w.code, message: w.message })) : [],
      };
    }

    const lockEndsOnHandover = row.locked_by === staff.id && !mayHandle(to, staff.role);
    // The case leaves the hands of an assignee whose role has nothing to do in the new state.
    let assigneeId = row.assignee_id;
    if (assigneeId) {
      const assignee = await userSummary(trx, assigneeId);
      if (!assignee || !isRoleCode(assignee.role) || !mayHandle(to, assignee.role)) assigneeId = null;
    }
    const version = row.version + 1;
    await updateCase(trx, row.id, {
        state: to,
        act_codes: updated.act_codes,
        other_class: updated.other_class,
        ...(clockColumn ? { [clockColumn]: today } : {}),
        next_deadline_code: next?.code ?? null,
        next_deadline_due: next?.due ?? null,
        closed_at: FINISHED_STATES.includes(to) ? now : null,
        // A new stage starts a new clock: an escalation of the old one no longer applies.
        escalated_to: null,
        // Following up lifts the recommendation to block the ASN's data (FACTS.md §3 step 5).
        ...(code === 'record_sanction' ? { sanction: JSON.stringify(sanction), siasn_block_recommended: false } : {}),
        assignee_id: assigneeId,
        // The work lock stays with its holder until released (or it expires); it ends on its own only
        // when the case leaves their hands, and the timeline says so (lockEndsOnHandover below).
        ...(lockEndsOnHandover ? { locked_by: null, locked_until: null } : {}),
        version,
        updated_at: now,
      });

    // The sanction lifts an open SIASN block (issue 15).
    if (sanction) await liftBlockOnSanction(trx, row, staff.id, now, { number: sanction.decreeNumber, date: sanction.decreeDate });

    const fields = Object.fromEntries(
      (['actCodes', 'otherClass', 'failedRequirements', 'letterNumber', 'sanctionTypes', 'decreeNumber', 'decreeDate'] as const).filter((f) => body[f] !== undefined).map((f) => [f, body[f]]),
    );
    await insertCaseEvent(trx, {
      caseId: row.id,
      actorId: staff.id,
      kind: 'transition',
      at: now,
      transition: code,
      fromState: from,
      toState: to,
      note: body.note!.trim(),
      data: {
        fields,
        ...(body.publicMessage && PUBLIC_MILESTONES.has(code) ? { publicMessage: body.publicMessage } : {}),
        ...(sanction ? { warnings: sanction.warnings.map((w) => w.code) } : {}),
        ...(assigneeId !== row.assignee_id ? { unassigned: row.assignee_id } : {}),
        ...(lockEndsOnHandover ? { lockReleased: staff.id } : {}),
        ...(TO_REVIEW.has(code) && allWeak ? { formalOverride: body.formalOverride, weaknesses } : {}),
      },
      public: PUBLIC_MILESTONES.has(code),
    });

    // Handing over: the office that must act next hears of it at once, not at the first reminder.
    if (!mayHandle(to, staff.role)) {
      const office = handlingOffice(rolesActingIn(to), row.region_code);
      if (office) {
        const label = CASE_STATE_LABELS[to];
        await notify(trx, {
          to: { role: office.role, regionCode: office.regionCode },
          caseId: row.id,
          kind: 'handover',
          message: {
            id: `Perkara ${row.number} kini "${label.id}" dan menunggu tindakan Anda${next ? ` (batas ${next.due})` : ''}.`,
            en: `Case ${row.number} is now "${label.en}" and awaits your action${next ? ` (due ${next.due})` : ''}.`,
          },
          dedupeKey: `handover:${row.id}:${version}`,
        });
      }
    }

    await appendAudit(trx, {
      actorId: staff.id,
      action: 'case.transition',
      entityType: 'case',
      entityId: row.id,
      data: {
        transition: code,
        from,
        to,
        version,
        note: body.note!.trim(),
        fields: fields as Record<string, string | string[]>,
        nextDeadline: next ? { code: next.code, due: next.due } : null,
        ...(sanction ? { sanctionWarnings: sanction.warnings.map((w) => w.code) } : {}),
      },
      ...meta,
      at: now,
    });
    return {
      caseId: row.id,
      from,
      to,
      toLabel: CASE_STATE_LABELS[to][language],
      version,
      nextDeadline: next ? { code: next.code, due: next.due } : null,
      warnings: sanction ? presentSanction(sanction, language).warnings : [],
    };
  });
}

/**
 * The same action on many cases, each in its own transaction through the same service as a
 * single change: a refusal on one case (outside scope, illegal, locked) is reported for that case
 * and the others go ahead.
 */
export async function bulkAction(ctx: AppContext, rc: RequestContext, body: BulkBody) {
  const { language } = rc;
  const results = [];
  for (const caseId of [...new Set(body.caseIds)]) {
    try {
      const outcome =
        body.action === 'assign'
          ? await assignCase(ctx, rc, caseId, { userId: body.userId })
          : await transitionCase(ctx, rc, caseId, { ...body, transition: body.transition });
      results.push({ caseId, ok: true, status: 200, code: null, message: null, version: outcome.version });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      results.push({ caseId, ok: false, status: error.statusCode, code: error.code, message: error.messages[language], version: null });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}

export async function sanctionSuggestionFor(ctx: AppContext, rc: RequestContext, caseId: string, acts: string[] | undefined) {
  const row = await findCase(ctx.db, rc.actor, caseId);
  if (!row) throw notFound(CASE_NOT_FOUND);
  const codes = acts?.length ? acts : row.act_codes;
  const unknown = codes.filter((c) => !isActCode(c));
  if (unknown.length > 0) {
    const message = { id: `Kode pelanggaran tidak dikenal: ${unknown.join(', ')}.`, en: `Unknown act codes: ${unknown.join(', ')}.` };
    throw new ApiError(400, 'validation_failed', message, [{ field: 'query.acts', message }]);
  }
  if (codes.length === 0) return { actCodes: [], suggestion: null };
  const kind = await employeeKindOf(ctx.db, row.asn_id);
  const rulebook = (await rulebooksFor(ctx.db, [row])).get(rulebookKey(row));
  const matrix = rulebook ? sanctionMatrixOf(rulebook) : undefined;
  return { actCodes: codes, suggestion: presentSuggestion(suggestSanction(codes, { employeeKind: kind, matrix }), rc.language) };
}
