/**
 * Reading cases: a queue page, and one case with everything a person needs to act on it (reports,
 * timeline, audit trail, every running clock, the transitions open to them, the sanction
 * suggestion and the sanction recorded).
 */
import { FOUR_EYES_TRANSITIONS, isActCode, outsideStages, sanctionMatrixOf, suggestSanction, TRANSITION_CODES, TRANSITIONS, type RoleCode } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { auditTrail } from '../audit/service.ts';
import { findElection, rulebookVersionOf } from '../election-catalog/service.ts';
import {
  presentDeadline,
  presentSanction,
  presentSuggestion,
  presentSummary,
  presentTransitions,
  runningDeadlines,
  stateLabel,
  stateOf,
  todayFor,
  transitionLabel,
  type StoredSanction,
} from './present.ts';
import { reportsOfCase } from './case-reports.repository.ts';
import { caseEvents, casesForExport, employeeKindOf, findCase, listCases, rulebookKey, rulebooksFor } from './repository.ts';
import { mayHandle } from './rules.ts';
import type { ListCasesQuery } from './schema.ts';

/** What a role can do to many cases at once: its transitions that need no more than a note. */
function bulkTransitionsFor(role: RoleCode) {
  return TRANSITION_CODES.map((code) => TRANSITIONS[code]).filter((t) => t.roles.includes(role) && t.fields.length === 0);
}

export async function caseQueue(ctx: AppContext, rc: RequestContext, query: ListCasesQuery) {
  const { actor: staff, language } = rc;
  const now = ctx.now();
  const { total, rows } = await listCases(ctx.db, staff, query, now);
  const rulebooks = await rulebooksFor(ctx.db, rows);
  return {
    total,
    limit: query.limit,
    offset: query.offset,
    items: rows.map((row) => presentSummary(row, rulebooks.get(rulebookKey(row)), staff.id, now, language)),
    bulkTransitions: bulkTransitionsFor(staff.role).map((t) => ({ code: t.code, label: t.label[language] })),
  };
}

const iso = (value: Date | string) => new Date(value).toISOString();

export async function caseDetail(ctx: AppContext, rc: RequestContext, caseId: string) {
  const { actor: staff, language } = rc;
  const now = ctx.now();
  const row = await findCase(ctx.db, staff, caseId);
  if (!row) throw notFound({ id: 'Perkara', en: 'Case' });
  const state = stateOf(row);
  const rulebook = (await rulebooksFor(ctx.db, [row])).get(rulebookKey(row));
  const today = todayFor(row, now);
  const [reports, events, audit, election] = await Promise.all([reportsOfCase(ctx.db, row.id), caseEvents(ctx.db, row.id), auditTrail(ctx.db, 'case', row.id), findElection(ctx, row.election_id)]);
  const acts = row.act_codes.filter(isActCode);
  const employeeKind = await employeeKindOf(ctx.db, row.asn_id);
  return {
    ...presentSummary(row, rulebook, staff.id, now, language),
    otherClass: row.other_class,
    rulebook: await rulebookVersionOf(ctx, row.election_id, row.rulebook_version),
    clocks: {
      receivedOn: row.received_on,
      reviewRestartedOn: row.review_restarted_on,
      informationRequestedOn: row.information_requested_on,
      forwardedToBknOn: row.forwarded_to_bkn_on,
      recommendedToPpkOn: row.recommended_to_ppk_on,
    },
    today,
    deadlines: runningDeadlines(row, rulebook, today).map((d) => presentDeadline(d, language)),
    // Four eyes: the officer who recorded a finding is not offered classifying or forwarding it alone.
    ...(() => {
      const required = rulebook?.fourEyes?.findings ?? true;
      const recorder = required && reports.some((r) => r.source === 'finding' && r.created_by === staff.id);
      const offered = presentTransitions(state, staff.role, language);
      const withheld = recorder ? offered.filter((tr) => (FOUR_EYES_TRANSITIONS as readonly string[]).includes(tr.code)) : [];
      return {
        transitions: offered.filter((tr) => !withheld.includes(tr)),
        fourEyes: { required, withheld: withheld.map((tr) => ({ code: tr.code, label: tr.label })) },
      };
    })(),
    canHandle: mayHandle(state, staff.role),
    sanctionSuggestion: acts.length > 0 ? presentSuggestion(suggestSanction(acts, { employeeKind, matrix: rulebook && sanctionMatrixOf(rulebook) }), language) : null,
    sanction: row.sanction ? presentSanction(row.sanction as StoredSanction, language) : null,
    reports: reports.map((r) => ({
      id: r.id,
      receiptNumber: r.receipt_number,
      source: r.source,
      receivedAt: iso(r.received_at),
      place: r.place,
      occurredOn: r.occurred_on,
      knownOn: r.known_on,
      reportedName: r.reported_name,
      reportedPosition: r.reported_position,
      reportedAgency: r.reported_agency,
      anonymous: r.anonymous,
      lateByDays: r.late_by_days,
      actCodes: r.act_codes,
      excerpt: r.excerpt,
      evidenceCount: Number(r.evidence_count ?? 0),
      outsideStages: (election && outsideStages(election, row.region_code, r.occurred_on)?.message[language]) ?? null,
    })),
    timeline: events.map((e) => ({
      id: Number(e.id),
      at: iso(e.at),
      kind: e.kind,
      transition: e.transition,
      transitionLabel: transitionLabel(e.transition, language),
      fromState: e.from_state,
      toState: e.to_state,
      toStateLabel: e.to_state ? stateLabel(e.to_state, language) : null,
      note: e.note,
      data: e.data,
      public: e.public,
      actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? '' } : null,
    })),
    auditTrail: audit.map((a) => ({
      seq: Number(a.seq),
      at: iso(a.at),
      action: a.action,
      data: a.data,
      actor: a.actorId ? { id: a.actorId, name: a.actorName ?? '' } : null,
      actorRole: a.actorRole ?? null,
    })),
  };
}

/** The SQL of a whole queue with its filters, in the viewer's scope and queue order (exports stream it). */
export function caseExportQuery(ctx: AppContext, rc: Pick<RequestContext, 'actor'>, query: Omit<ListCasesQuery, 'limit' | 'offset' | 'lang'>) {
  return casesForExport(ctx.db, rc.actor, query, ctx.now());
}
