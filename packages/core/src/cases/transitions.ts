/**
 * The case state machine. Transitions are data (who may move a case from where to where, and
 * what they must write down); `checkTransition` is the one guard the API, bulk actions and jobs
 * all call, so a rule lives in exactly one place.
 */
import type { Localised } from '../elections/types.ts';
import { isIsoDate } from '../time/iso-date.ts';
import { BAWASLU_ROLES, ROLES, type RoleCode } from '../access/roles.ts';
import { locationWithinScope, validateRoleScope, type Actor, type ScopedLocation } from '../access/scope.ts';
import { isActCode, isSanctionTypeCode } from '../sanctions/matrix.ts';
import { isChecklistItemCode } from '../reports/checklist.ts';
import { CASE_STATE_LABELS, type CaseState } from './states.ts';

export type TransitionCode =
  | 'start_check'
  | 'request_information'
  | 'information_received'
  | 'accept_for_review'
  | 'reject_formal'
  | 'classify_violation'
  | 'classify_not_violation'
  | 'classify_other'
  | 'forward_to_bkn'
  | 'bkn_verify'
  | 'bkn_return'
  | 'recommend_to_ppk'
  | 'record_sanction'
  | 'close'
  | 'withdraw'
  | 'reopen';

/** Outcome classes Bawaslu refers elsewhere (FACTS.md §3): Gakkumdu for crimes, KPU for administrative ones. */
export const OTHER_VIOLATION_CLASSES = {
  election_crime: { id: 'Tindak pidana pemilihan', en: 'Election crime' },
  administrative: { id: 'Pelanggaran administrasi', en: 'Administrative violation' },
} as const satisfies Record<string, Localised>;

export type OtherViolationClass = keyof typeof OTHER_VIOLATION_CLASSES;

/** What a person may type when moving a case; checked here rather than trusted from the client. */
export interface TransitionInput {
  note?: string | null;
  /** SKB 2022 act codes (A01–A12): found (violation) or alleged and examined (other outcomes). */
  actCodes?: readonly string[] | null;
  otherClass?: string | null;
  /** Checklist items the report failed (reports/checklist.ts). */
  failedRequirements?: readonly string[] | null;
  /** Number of the letter carrying the recommendation. */
  letterNumber?: string | null;
  sanctionTypes?: readonly string[] | null;
  decreeNumber?: string | null;
  decreeDate?: string | null;
}

export type TransitionFieldCode = Exclude<keyof TransitionInput, 'note'>;

interface FieldSpec {
  label: Localised;
  /** What a valid value looks like, for the error message. */
  expected: Localised;
  /** Typed input can still carry anything once it has been through JSON. */
  valid: (value: unknown) => boolean;
}

const text = (label: Localised): FieldSpec => ({
  label,
  expected: { id: 'teks', en: 'text' },
  valid: (value) => typeof value === 'string',
});
const codeList = (label: Localised, expected: Localised, isCode: (code: string) => boolean): FieldSpec => ({
  label,
  expected,
  valid: (value) => Array.isArray(value) && value.every(isCode),
});

export const TRANSITION_FIELDS: Readonly<Record<TransitionFieldCode, FieldSpec>> = {
  actCodes: codeList({ id: 'Jenis pelanggaran', en: 'Act codes' }, { id: 'kode A01–A12', en: 'codes A01–A12' }, isActCode),
  otherClass: {
    label: { id: 'Jenis pelanggaran lain', en: 'Other violation class' },
    expected: { id: 'election_crime atau administrative', en: 'election_crime or administrative' },
    valid: (value) => typeof value === 'string' && Object.hasOwn(OTHER_VIOLATION_CLASSES, value),
  },
  failedRequirements: codeList(
    { id: 'Syarat yang tidak terpenuhi', en: 'Requirements not met' },
    { id: 'kode daftar periksa laporan', en: 'report checklist codes' },
    isChecklistItemCode,
  ),
  letterNumber: text({ id: 'Nomor surat', en: 'Letter number' }),
  sanctionTypes: codeList(
    { id: 'Jenis sanksi', en: 'Sanction types' },
    { id: 'kode jenis sanksi PP 94/2021 atau PP 42/2004', en: 'PP 94/2021 or PP 42/2004 sanction type codes' },
    isSanctionTypeCode,
  ),
  decreeNumber: text({ id: 'Nomor keputusan', en: 'Decree number' }),
  decreeDate: {
    label: { id: 'Tanggal keputusan', en: 'Decree date' },
    expected: { id: 'tanggal TTTT-BB-HH', en: 'a date YYYY-MM-DD' },
    valid: (value) => typeof value === 'string' && isIsoDate(value),
  },
};

/** Trimmed characters: long enough that the audit log says why, not just "ok". */
export const NOTE_MIN_LENGTH = 10;

export interface TransitionDefinition {
  code: TransitionCode;
  label: Localised;
  from: readonly CaseState[];
  to: CaseState;
  roles: readonly RoleCode[];
  noteRequired: boolean;
  fields: readonly TransitionFieldCode[];
}

const transition = (
  code: TransitionCode,
  id: string,
  en: string,
  from: readonly CaseState[],
  to: CaseState,
  roles: readonly RoleCode[],
  fields: readonly TransitionFieldCode[] = [],
): TransitionDefinition => ({ code, label: { id, en }, from, to, roles, noteRequired: true, fields });

const BEFORE_CLASSIFICATION: readonly CaseState[] = ['received', 'formal_check', 'awaiting_information', 'under_review'];

export const TRANSITIONS: Readonly<Record<TransitionCode, TransitionDefinition>> = {
  start_check: transition('start_check', 'Mulai pemeriksaan syarat', 'Start the requirements check', ['received'], 'formal_check', BAWASLU_ROLES),
  // The reporter's additional information is what extends Bawaslu's review deadline
  // (UU 1/2015 art. 134(6); UU 7/2017 art. 454(8)), whether asked for at the check or in review.
  request_information: transition('request_information', 'Minta keterangan tambahan', 'Request more information', ['formal_check', 'under_review'], 'awaiting_information', BAWASLU_ROLES),
  // Back to review in both cases: the information completes the check, and a report still
  // short of the requirements can be rejected from review.
  information_received: transition('information_received', 'Keterangan tambahan diterima', 'Information received', ['awaiting_information'], 'under_review', BAWASLU_ROLES),
  // From awaiting_information: the reporter did not answer in time and Bawaslu proceeds anyway.
  accept_for_review: transition('accept_for_review', 'Terima untuk dikaji', 'Accept for review', ['formal_check', 'awaiting_information'], 'under_review', BAWASLU_ROLES),
  reject_formal: transition('reject_formal', 'Tolak: syarat tidak terpenuhi', 'Reject: requirements not met', ['formal_check', 'awaiting_information', 'under_review'], 'not_accepted', BAWASLU_ROLES, ['failedRequirements']),
  classify_violation: transition('classify_violation', 'Tetapkan: pelanggaran netralitas ASN', 'Classify: ASN neutrality violation', ['under_review'], 'classified_other_law', BAWASLU_ROLES, ['actCodes']),
  classify_not_violation: transition('classify_not_violation', 'Tetapkan: bukan pelanggaran', 'Classify: not a violation', ['under_review'], 'classified_not_violation', BAWASLU_ROLES, ['actCodes']),
  classify_other: transition('classify_other', 'Tetapkan: pelanggaran lain, teruskan', 'Classify: other violation, refer', ['under_review'], 'classified_other', BAWASLU_ROLES, ['actCodes', 'otherClass']),
  forward_to_bkn: transition('forward_to_bkn', 'Teruskan rekomendasi ke BKN', 'Forward the recommendation to BKN', ['classified_other_law'], 'forwarded_to_bkn', BAWASLU_ROLES, ['letterNumber']),
  bkn_verify: transition('bkn_verify', 'Verifikasi BKN selesai', 'BKN verification done', ['forwarded_to_bkn'], 'verified_by_bkn', ['bkn_verifier']),
  bkn_return: transition('bkn_return', 'Kembalikan ke Bawaslu', 'Return to Bawaslu', ['forwarded_to_bkn'], 'under_review', ['bkn_verifier']),
  recommend_to_ppk: transition('recommend_to_ppk', 'Rekomendasikan kepada PPK', 'Recommend to the PPK', ['verified_by_bkn'], 'recommended_to_ppk', ['bkn_verifier'], ['letterNumber']),
  record_sanction: transition('record_sanction', 'Catat keputusan sanksi', 'Record the sanction decision', ['recommended_to_ppk'], 'sanction_decided', ['ppk_delegate'], ['sanctionTypes', 'decreeNumber', 'decreeDate']),
  // Bawaslu closes what it does not forward; BKN closes after recording the sanction (I'DIS).
  close: transition('close', 'Tutup perkara', 'Close the case', ['classified_not_violation', 'classified_other', 'sanction_decided'], 'closed', [...BAWASLU_ROLES, 'bkn_verifier']),
  // Recorded by Bawaslu on the reporter's behalf: reporters have no account.
  withdraw: transition('withdraw', 'Laporan dicabut pelapor', 'Withdrawn by the reporter', BEFORE_CLASSIFICATION, 'withdrawn', BAWASLU_ROLES),
  reopen: transition('reopen', 'Buka kembali', 'Reopen', ['closed', 'not_accepted', 'withdrawn'], 'under_review', BAWASLU_ROLES),
};

export const TRANSITION_CODES = Object.keys(TRANSITIONS) as TransitionCode[];

/**
 * Transitions that only a cross-capability command takes, as a consequence of something else
 * (merging duplicate reports closes the absorbed case). They are never offered in a menu, and
 * `checkTransition` refuses them unless the caller says it is that command.
 */
export type CommandTransitionCode = 'merge_into';

export const COMMAND_TRANSITIONS: Readonly<Record<CommandTransitionCode, Omit<TransitionDefinition, 'code'> & { code: CommandTransitionCode }>> = {
  // A case is absorbed only before Bawaslu has classified it: after that it has its own outcome.
  merge_into: { code: 'merge_into', label: { id: 'Digabung ke perkara lain', en: 'Merged into another case' }, from: BEFORE_CLASSIFICATION, to: 'closed', roles: BAWASLU_ROLES, noteRequired: false, fields: [] },
};

/**
 * Transitions a Bawaslu finding's own recorder cannot take alone when the rulebook wants four
 * eyes: classifying it as a neutrality violation and forwarding it. A second officer confirms.
 */
export const FOUR_EYES_TRANSITIONS: readonly TransitionCode[] = ['classify_violation', 'forward_to_bkn'];

export interface FourEyesContext {
  /** The rulebook's `fourEyes.findings` (absent in a rulebook = on). */
  required: boolean;
  /** Who recorded the case's Bawaslu findings (user ids); empty for a public report. */
  findingRecordedBy: readonly string[];
  /** The officer asking. */
  actorId: string;
}

export interface CheckTransitionOptions {
  /** The caller is the command a command transition belongs to (e.g. merging reports). */
  command?: boolean;
  /** Separation of duties on findings; omitted = not checked (jobs, commands). */
  fourEyes?: FourEyesContext;
}

export function isTransitionCode(value: string): value is TransitionCode {
  return Object.hasOwn(TRANSITIONS, value);
}

/** The transitions `role` may take from `state`, in table order: what the UI offers. */
export function availableTransitions(state: CaseState, role: RoleCode): TransitionDefinition[] {
  return TRANSITION_CODES.map((code) => TRANSITIONS[code]).filter((t) => t.from.includes(state) && t.roles.includes(role));
}

export type TransitionRefusalCode =
  | 'unknown_transition'
  | 'not_from_state'
  | 'role_not_allowed'
  | 'out_of_scope'
  | 'note_missing'
  | 'field_missing'
  | 'field_invalid'
  | 'four_eyes';

export interface TransitionRefusal {
  code: TransitionRefusalCode;
  message: Localised;
  /** The input field at fault ('note' or a field code), for a field-level error. */
  field?: 'note' | TransitionFieldCode;
  /** Transition codes possible instead (not_from_state) or roles that may act (role_not_allowed). */
  allowed?: string[];
}

export type TransitionCheck = { ok: true; to: CaseState } | { ok: false; reason: TransitionRefusal };

const refuse = (reason: TransitionRefusal): TransitionCheck => ({ ok: false, reason });

const joinLabels = (items: readonly { label: Localised }[], lang: keyof Localised) => items.map((item) => item.label[lang]).join(', ');

const isMissing = (value: string | readonly string[] | null | undefined): boolean =>
  value == null || (typeof value === 'string' ? value.trim() === '' : value.length === 0);

/**
 * Whether `actor` may take `transitionCode` on a case in `state` located at `caseLocation`, with
 * `input`. Checks run from the most general to the most specific, so the first refusal is the
 * one worth showing: is it a transition, from this state, for this role, in this scope, with a
 * note, with every field.
 */
export function checkTransition(
  state: CaseState,
  transitionCode: string,
  actor: Actor,
  caseLocation: ScopedLocation,
  input: TransitionInput,
  options: CheckTransitionOptions = {},
): TransitionCheck {
  const t = isTransitionCode(transitionCode)
    ? TRANSITIONS[transitionCode]
    : options.command && Object.hasOwn(COMMAND_TRANSITIONS, transitionCode)
      ? COMMAND_TRANSITIONS[transitionCode as CommandTransitionCode]
      : undefined;
  if (!t) {
    return refuse({
      code: 'unknown_transition',
      message: { id: `Tindakan "${transitionCode}" tidak dikenal.`, en: `Unknown transition "${transitionCode}".` },
    });
  }
  const stateLabel = CASE_STATE_LABELS[state];
  const role = ROLES[actor.role];

  if (!t.from.includes(state)) {
    const possible = availableTransitions(state, actor.role);
    const instead: Localised =
      possible.length > 0
        ? { id: `Yang dapat Anda lakukan: ${joinLabels(possible, 'id')}.`, en: `You can: ${joinLabels(possible, 'en')}.` }
        : { id: 'Tidak ada tindakan yang dapat Anda lakukan pada status ini.', en: 'There is nothing you can do in this state.' };
    return refuse({
      code: 'not_from_state',
      message: {
        id: `"${t.label.id}" tidak dapat dilakukan pada status "${stateLabel.id}". ${instead.id}`,
        en: `"${t.label.en}" is not possible in state "${stateLabel.en}". ${instead.en}`,
      },
      allowed: possible.map((p) => p.code),
    });
  }
  if (!t.roles.includes(actor.role)) {
    const roles = t.roles.map((code) => ROLES[code]);
    return refuse({
      code: 'role_not_allowed',
      message: {
        id: `Peran ${role.label.id} tidak dapat melakukan "${t.label.id}"; hanya ${joinLabels(roles, 'id')}.`,
        en: `Role ${role.label.en} cannot "${t.label.en}"; only ${joinLabels(roles, 'en')}.`,
      },
      allowed: [...t.roles],
    });
  }
  // A misconfigured account (say, a regency officer with a national scope) must not act at all.
  const scopeCheck = validateRoleScope(actor.role, actor.scope);
  if (!scopeCheck.ok) {
    return refuse({
      code: 'out_of_scope',
      message: {
        id: `Wilayah tugas akun Anda tidak sah: ${scopeCheck.message.id}`,
        en: `Your account's scope is invalid: ${scopeCheck.message.en}`,
      },
    });
  }
  if (!locationWithinScope(actor.scope, caseLocation)) {
    const { regionCode, agencyId } = caseLocation;
    return refuse({
      code: 'out_of_scope',
      message: {
        id: `Perkara di wilayah ${regionCode}${agencyId ? `, instansi ${agencyId}` : ''} berada di luar wilayah tugas Anda.`,
        en: `The case (region ${regionCode}${agencyId ? `, agency ${agencyId}` : ''}) is outside your scope.`,
      },
    });
  }
  if (t.noteRequired && (input.note ?? '').trim().length < NOTE_MIN_LENGTH) {
    return refuse({
      code: 'note_missing',
      field: 'note',
      message: {
        id: `Catatan wajib diisi, minimal ${NOTE_MIN_LENGTH} karakter.`,
        en: `A note of at least ${NOTE_MIN_LENGTH} characters is required.`,
      },
    });
  }
  const fourEyes = options.fourEyes;
  if (
    fourEyes?.required &&
    (FOUR_EYES_TRANSITIONS as readonly string[]).includes(t.code) &&
    fourEyes.findingRecordedBy.includes(fourEyes.actorId)
  ) {
    return refuse({
      code: 'four_eyes',
      message: {
        id: `Anda mencatat temuan ini, jadi tidak dapat sendirian melakukan "${t.label.id}". Petugas kedua dari Bawaslu yang sama harus mengonfirmasi.`,
        en: `You recorded this finding, so you cannot "${t.label.en}" alone. A second officer of the same Bawaslu must confirm.`,
      },
    });
  }
  for (const field of t.fields) {
    const spec = TRANSITION_FIELDS[field];
    const value = input[field];
    if (isMissing(value)) {
      return refuse({
        code: 'field_missing',
        field,
        message: { id: `${spec.label.id} wajib diisi.`, en: `${spec.label.en} is required.` },
      });
    }
    if (!spec.valid(value)) {
      return refuse({
        code: 'field_invalid',
        field,
        message: {
          id: `${spec.label.id} tidak sah: harus ${spec.expected.id}.`,
          en: `${spec.label.en} is invalid: expected ${spec.expected.en}.`,
        },
      });
    }
  }
  return { ok: true, to: t.to };
}
