/**
 * Cases as the API shows them: labels in the caller's language, every running clock with its
 * legal basis and days left, counted from "today" in the case's own time zone.
 */
import {
  ACT_CODES,
  availableTransitions,
  OTHER_VIOLATION_CLASSES,
  REPORT_CHECKLIST,
  SANCTION_TYPE_CODES,
  type TransitionFieldCode,
  caseDeadlines,
  CASE_STATE_LABELS,
  dateInTimeZone,
  DISCIPLINE_LEVEL_LABELS,
  isCaseState,
  isSanctionTypeCode,
  PROHIBITED_ACTS,
  SANCTION_TYPES,
  TRANSITION_FIELDS,
  TRANSITIONS,
  type CaseDeadline,
  type CaseState,
  type Localised,
  type Rulebook,
  type RoleCode,
  type SanctionSuggestion,
} from '@netra/core';
import type { Language } from '../../http/language.ts';
import { clockOf, type CaseRow, type CaseWithNames } from './repository.ts';
import { PUBLIC_MILESTONES } from './rules.ts';

export const stateOf = (row: Pick<CaseRow, 'state'>): CaseState => {
  if (!isCaseState(row.state)) throw new Error(`Case in unknown state ${row.state}`);
  return row.state;
};

export const stateLabel = (state: string, language: Language): string => (isCaseState(state) ? CASE_STATE_LABELS[state][language] : state);

export function todayFor(row: { time_zone: string }, now: Date): string {
  return dateInTimeZone(now, row.time_zone);
}

/**
 * Every clock running on the case. A case whose stored clock dates do not fit its state (data
 * written outside the API) shows no clock rather than taking the whole queue page down.
 */
export function runningDeadlines(row: CaseRow, rulebook: Rulebook | undefined, today: string): CaseDeadline[] {
  if (!rulebook) return [];
  try {
    return caseDeadlines(stateOf(row), clockOf(row), rulebook, today);
  } catch (error) {
    if (error instanceof RangeError) return [];
    throw error;
  }
}

export function presentDeadline(d: CaseDeadline, language: Language) {
  return {
    code: d.code,
    label: d.label[language],
    startedOn: d.startedOn,
    due: d.due,
    remaining: d.remaining,
    overdue: d.overdue,
    counting: d.counting,
    basis: d.basis,
    unsure: d.unsure,
    party: d.party,
    roles: [...d.roles],
  };
}

export interface LockView {
  holderId: string;
  holderName: string;
  until: string;
  mine: boolean;
}

export function lockOf(row: Pick<CaseWithNames, 'locked_by' | 'locked_until' | 'lock_holder_name'>, viewerId: string, now: Date): LockView | null {
  if (!row.locked_by || !row.locked_until || new Date(row.locked_until) <= now) return null;
  return { holderId: row.locked_by, holderName: row.lock_holder_name ?? '', until: new Date(row.locked_until).toISOString(), mine: row.locked_by === viewerId };
}

export function presentSummary(row: CaseWithNames, rulebook: Rulebook | undefined, viewerId: string, now: Date, language: Language) {
  const next = runningDeadlines(row, rulebook, todayFor(row, now))[0] ?? null;
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    stateLabel: stateLabel(row.state, language),
    election: { id: row.election_id, name: language === 'id' ? row.election_name_id : row.election_name_en },
    region: { code: row.region_code, name: row.region_name },
    agencyId: row.agency_id,
    summary: row.summary,
    actCodes: row.act_codes,
    receivedOn: row.received_on,
    nextDeadline: next ? presentDeadline(next, language) : null,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    lock: lockOf(row, viewerId, now),
    siasnBlockRecommended: row.siasn_block_recommended,
    escalatedTo: row.escalated_to,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
    closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
  };
}

type FieldInput = { kind: 'codes' | 'choice' | 'text' | 'date'; options?: Array<{ code: string; label: string; group?: string }> };

/** How each transition field is entered, with the choices core accepts (so the form offers nothing else). */
function fieldInput(field: TransitionFieldCode, language: Language): FieldInput {
  switch (field) {
    case 'actCodes':
      return { kind: 'codes', options: ACT_CODES.map((code) => ({ code, label: `${code} · ${PROHIBITED_ACTS[code].description[language]}` })) };
    case 'otherClass':
      return { kind: 'choice', options: Object.entries(OTHER_VIOLATION_CLASSES).map(([code, label]) => ({ code, label: label[language] })) };
    case 'failedRequirements':
      return { kind: 'codes', options: REPORT_CHECKLIST.map((item) => ({ code: item.code, label: item.label[language] })) };
    case 'sanctionTypes':
      return {
        kind: 'codes',
        options: SANCTION_TYPE_CODES.map((code) => {
          const type = SANCTION_TYPES[code];
          return { code, label: `${type.label[language]} (${type.basis})`, group: type.track === 'ethics' ? (language === 'id' ? 'Kode etik (PP 42/2004)' : 'Code of ethics (PP 42/2004)') : DISCIPLINE_LEVEL_LABELS[type.level][language] };
        }),
      };
    case 'decreeDate':
      return { kind: 'date' };
    case 'letterNumber':
    case 'decreeNumber':
      return { kind: 'text' };
  }
}

/** The transitions the viewer may take now, with the fields each one needs: what the dialog offers. */
export function presentTransitions(state: CaseState, role: RoleCode, language: Language) {
  return availableTransitions(state, role).map((t) => ({
    code: t.code,
    label: t.label[language],
    to: t.to,
    toLabel: CASE_STATE_LABELS[t.to][language],
    noteRequired: t.noteRequired,
    /** The reporter sees this step on the tracking page; a message for them may go with it. */
    public: PUBLIC_MILESTONES.has(t.code),
    fields: t.fields.map((field) => ({ code: field, label: TRANSITION_FIELDS[field].label[language], expected: TRANSITION_FIELDS[field].expected[language], ...fieldInput(field, language) })),
  }));
}

export function presentSuggestion(s: SanctionSuggestion, language: Language) {
  const types = (codes: readonly string[]) => codes.filter(isSanctionTypeCode).map((code) => ({ code, label: SANCTION_TYPES[code].label[language] }));
  return {
    acts: s.acts.map((code) => ({ code, description: PROHIBITED_ACTS[code].description[language] })),
    ethics: { applies: s.ethics.applies, acts: s.ethics.acts, sanctionTypes: types(s.ethics.sanctionTypes) },
    discipline: {
      level: s.discipline.level,
      levelLabel: DISCIPLINE_LEVEL_LABELS[s.discipline.level][language],
      alternativeLevel: s.discipline.alternativeLevel ?? null,
      determinedBy: s.discipline.determinedBy,
      sanctionTypes: types(s.discipline.sanctionTypes),
    },
    unsure: s.unsure.map((u) => ({ act: u.act, alternative: u.alternative, note: u.note[language] })),
    notes: s.notes.map((n) => n[language]),
    basis: s.basis,
  };
}

/** The sanction as stored on the case (jsonb) by `record_sanction`. */
export interface StoredSanction {
  types: string[];
  decreeNumber: string;
  decreeDate: string;
  recordedOn: string;
  recordedBy: { id: string; name: string } | null;
  warnings: Array<{ code: string; message: Localised }>;
}

export function presentSanction(stored: StoredSanction, language: Language) {
  return {
    types: stored.types.filter(isSanctionTypeCode).map((code) => ({ code, label: SANCTION_TYPES[code].label[language], basis: SANCTION_TYPES[code].basis })),
    decreeNumber: stored.decreeNumber,
    decreeDate: stored.decreeDate,
    recordedOn: stored.recordedOn,
    recordedBy: stored.recordedBy,
    warnings: stored.warnings.map((w) => ({ code: w.code, message: w.message[language] })),
  };
}

export const transitionLabel = (code: string | null, language: Language): string | null =>
  code && Object.hasOwn(TRANSITIONS, code) ? TRANSITIONS[code as keyof typeof TRANSITIONS].label[language] : code;
