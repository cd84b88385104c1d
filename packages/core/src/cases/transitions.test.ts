import { describe, expect, it } from 'vitest';
import { ROLE_CODES, type RoleCode } from '../access/roles.ts';
import type { Actor, Scope, ScopedLocation } from '../access/scope.ts';
import { CASE_STATES, CASE_STATE_LABELS, isCaseState, type CaseState } from './states.ts';
import {
  NOTE_MIN_LENGTH,
  TRANSITIONS,
  TRANSITION_CODES,
  availableTransitions,
  checkTransition,
  type TransitionCode,
  type TransitionFieldCode,
  type TransitionInput,
} from './transitions.ts';

const BAWASLU: RoleCode[] = ['bawaslu_regency', 'bawaslu_province', 'bawaslu_national'];

/** The legal graph, written out independently of the table it checks. */
const SPEC: Record<TransitionCode, { from: CaseState[]; to: CaseState; roles: RoleCode[]; fields: TransitionFieldCode[] }> = {
  start_check: { from: ['received'], to: 'formal_check', roles: BAWASLU, fields: [] },
  request_information: { from: ['formal_check', 'under_review'], to: 'awaiting_information', roles: BAWASLU, fields: [] },
  information_received: { from: ['awaiting_information'], to: 'under_review', roles: BAWASLU, fields: [] },
  accept_for_review: { from: ['formal_check', 'awaiting_information'], to: 'under_review', roles: BAWASLU, fields: [] },
  reject_formal: { from: ['formal_check', 'awaiting_information', 'under_review'], to: 'not_accepted', roles: BAWASLU, fields: ['failedRequirements'] },
  classify_violation: { from: ['under_review'], to: 'classified_other_law', roles: BAWASLU, fields: ['actCodes'] },
  classify_not_violation: { from: ['under_review'], to: 'classified_not_violation', roles: BAWASLU, fields: ['actCodes'] },
  classify_other: { from: ['under_review'], to: 'classified_other', roles: BAWASLU, fields: ['actCodes', 'otherClass'] },
  forward_to_bkn: { from: ['classified_other_law'], to: 'forwarded_to_bkn', roles: BAWASLU, fields: ['letterNumber'] },
  bkn_verify: { from: ['forwarded_to_bkn'], to: 'verified_by_bkn', roles: ['bkn_verifier'], fields: [] },
  bkn_return: { from: ['forwarded_to_bkn'], to: 'under_review', roles: ['bkn_verifier'], fields: [] },
  recommend_to_ppk: { from: ['verified_by_bkn'], to: 'recommended_to_ppk', roles: ['bkn_verifier'], fields: ['letterNumber'] },
  record_sanction: { from: ['recommended_to_ppk'], to: 'sanction_decided', roles: ['ppk_delegate'], fields: ['sanctionTypes', 'decreeNumber', 'decreeDate'] },
  close: { from: ['classified_not_violation', 'classified_other', 'sanction_decided'], to: 'closed', roles: [...BAWASLU, 'bkn_verifier'], fields: [] },
  withdraw: { from: ['received', 'formal_check', 'awaiting_information', 'under_review'], to: 'withdrawn', roles: BAWASLU, fields: [] },
  reopen: { from: ['closed', 'not_accepted', 'withdrawn'], to: 'under_review', roles: BAWASLU, fields: [] },
};

// A case about a teacher in Kabupaten Banyuwangi (35.10); every actor below may reach it.
const CASE: ScopedLocation = { regionCode: '35.10', agencyId: 'dinas-pendidikan' };
const SCOPES: Record<RoleCode, Scope> = {
  bawaslu_regency: { kind: 'region', regionCode: '35.10' },
  bawaslu_province: { kind: 'region', regionCode: '35' },
  bawaslu_national: { kind: 'national' },
  bkn_verifier: { kind: 'national' },
  bkpsdm_officer: { kind: 'region', regionCode: '35.10', agencyIds: ['dinas-pendidikan'] },
  ppk_delegate: { kind: 'region', regionCode: '35.10' },
  analyst: { kind: 'national' },
  administrator: { kind: 'national' },
};
const actor = (role: RoleCode): Actor => ({ role, scope: SCOPES[role] });

const FULL_INPUT: TransitionInput = {
  note: 'Hasil pemeriksaan dicatat lengkap.',
  actCodes: ['A02', 'A07'],
  otherClass: 'election_crime',
  failedRequirements: ['evidence'],
  letterNumber: '123/PM.00.02/K.JI-10/10/2024',
  sanctionTypes: ['demotion_12_months', 'moral_sanction_open_statement'],
  decreeNumber: '800/45/429.011/2024',
  decreeDate: '2024-12-02',
};

describe('states and transitions as data', () => {
  it('labels every state and transition in Indonesian and English', () => {
    for (const state of CASE_STATES) {
      expect(CASE_STATE_LABELS[state].id).not.toBe('');
      expect(CASE_STATE_LABELS[state].en).not.toBe('');
    }
    for (const code of TRANSITION_CODES) {
      expect(TRANSITIONS[code].code).toBe(code);
      expect(TRANSITIONS[code].label.id).not.toBe('');
      expect(TRANSITIONS[code].label.en).not.toBe('');
      expect(TRANSITIONS[code].noteRequired).toBe(true);
    }
    expect(isCaseState('under_review')).toBe(true);
    expect(isCaseState('archived')).toBe(false);
  });

  it('matches the specification transition by transition', () => {
    expect(TRANSITION_CODES).toEqual(Object.keys(SPEC));
    for (const code of TRANSITION_CODES) {
      const { from, to, roles, fields } = TRANSITIONS[code];
      expect({ from, to, roles, fields }, code).toEqual(SPEC[code]);
    }
  });

  it('reaches every state from received', () => {
    const reached = new Set<CaseState>(['received']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of Object.values(TRANSITIONS)) {
        if (t.from.some((s) => reached.has(s)) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...CASE_STATES].sort());
  });

  it('leaves closed, not accepted and withdrawn only by reopening them into review', () => {
    for (const state of ['closed', 'not_accepted', 'withdrawn'] as const) {
      const ways = Object.values(TRANSITIONS).filter((t) => t.from.includes(state));
      expect(ways.map((t) => [t.code, t.to])).toEqual([['reopen', 'under_review']]);
    }
  });
});

describe('checkTransition: every state × every transition × every role', () => {
  describe.each(CASE_STATES)('from %s', (state) => {
    it.each(TRANSITION_CODES)('%s', (code) => {
      const spec = SPEC[code];
      for (const role of ROLE_CODES) {
        const result = checkTransition(state, code, actor(role), CASE, FULL_INPUT);
        if (!spec.from.includes(state)) {
          expect(result, role).toMatchObject({ ok: false, reason: { code: 'not_from_state' } });
        } else if (!spec.roles.includes(role)) {
          expect(result, role).toMatchObject({ ok: false, reason: { code: 'role_not_allowed', allowed: spec.roles } });
        } else {
          expect(result, role).toEqual({ ok: true, to: spec.to });
        }
      }
    });

    it('refuses an unknown transition for every role', () => {
      for (const role of ROLE_CODES) {
        expect(checkTransition(state, 'approve', actor(role), CASE, FULL_INPUT)).toMatchObject({ ok: false, reason: { code: 'unknown_transition' } });
      }
    });
  });
});

describe('checkTransition: refusals say why', () => {
  const regency = actor('bawaslu_regency');

  it('names an unknown transition', () => {
    const result = checkTransition('received', 'approve', regency, CASE, FULL_INPUT);
    expect(result).toEqual({
      ok: false,
      reason: {
        code: 'unknown_transition',
        message: { id: 'Tindakan "approve" tidak dikenal.', en: 'Unknown transition "approve".' },
      },
    });
  });

  it('lists what the actor can do instead when the state does not allow the transition', () => {
    const result = checkTransition('received', 'forward_to_bkn', regency, CASE, FULL_INPUT);
    expect(result).toMatchObject({ ok: false, reason: { code: 'not_from_state', allowed: ['start_check', 'withdraw'] } });
    if (!result.ok) {
      expect(result.reason.message.en).toBe(
        '"Forward the recommendation to BKN" is not possible in state "Received". You can: Start the requirements check, Withdrawn by the reporter.',
      );
      expect(result.reason.message.id).toContain('Yang dapat Anda lakukan: Mulai pemeriksaan syarat, Laporan dicabut pelapor.');
    }
  });

  it('says when the actor can do nothing in the state', () => {
    const result = checkTransition('forwarded_to_bkn', 'close', regency, CASE, FULL_INPUT);
    expect(result).toMatchObject({ ok: false, reason: { code: 'not_from_state', allowed: [] } });
    if (!result.ok) expect(result.reason.message.en).toContain('There is nothing you can do in this state.');
  });

  it('names the roles that may act', () => {
    const result = checkTransition('recommended_to_ppk', 'record_sanction', actor('bkpsdm_officer'), CASE, FULL_INPUT);
    expect(result).toMatchObject({ ok: false, reason: { code: 'role_not_allowed', allowed: ['ppk_delegate'] } });
    if (!result.ok) {
      expect(result.reason.message.en).toBe('Role BKPSDM/BKD officer cannot "Record the sanction decision"; only PPK or delegate.');
      expect(result.reason.message.id).toBe('Peran Petugas BKPSDM/BKD tidak dapat melakukan "Catat keputusan sanksi"; hanya PPK atau pejabat yang ditunjuk.');
    }
  });

  it('checks the state before the role, the role before the scope, the scope before the note, the note before the fields', () => {
    const outsider: Actor = { role: 'bawaslu_regency', scope: { kind: 'region', regionCode: '35.16' } };
    expect(checkTransition('received', 'record_sanction', actor('analyst'), CASE, {})).toMatchObject({ ok: false, reason: { code: 'not_from_state' } });
    expect(checkTransition('recommended_to_ppk', 'record_sanction', outsider, CASE, {})).toMatchObject({ ok: false, reason: { code: 'role_not_allowed' } });
    expect(checkTransition('under_review', 'classify_violation', outsider, CASE, {})).toMatchObject({ ok: false, reason: { code: 'out_of_scope' } });
    expect(checkTransition('under_review', 'classify_violation', regency, CASE, {})).toMatchObject({ ok: false, reason: { code: 'note_missing' } });
    expect(checkTransition('under_review', 'classify_violation', regency, CASE, { note: FULL_INPUT.note })).toMatchObject({ ok: false, reason: { code: 'field_missing' } });
  });
});

describe('checkTransition: scope', () => {
  const attempt = (a: Actor, location: ScopedLocation = CASE) => checkTransition('under_review', 'classify_violation', a, location, FULL_INPUT);
  const ppkAttempt = (a: Actor, location: ScopedLocation = CASE) => checkTransition('recommended_to_ppk', 'record_sanction', a, location, FULL_INPUT);

  it('lets each Bawaslu level act inside its territory, including districts below a regency', () => {
    expect(attempt({ role: 'bawaslu_regency', scope: { kind: 'region', regionCode: '35.10' } }, { regionCode: '35.10.01' }).ok).toBe(true);
    expect(attempt({ role: 'bawaslu_province', scope: { kind: 'region', regionCode: '35' } }).ok).toBe(true);
    expect(attempt({ role: 'bawaslu_national', scope: { kind: 'national' } }, { regionCode: '91.01' }).ok).toBe(true);
  });

  it('refuses a neighbouring regency, another province, and a regency officer on a provincial case', () => {
    const refused = { ok: false, reason: { code: 'out_of_scope' } };
    expect(attempt({ role: 'bawaslu_regency', scope: { kind: 'region', regionCode: '35.16' } })).toMatchObject(refused);
    expect(attempt({ role: 'bawaslu_regency', scope: { kind: 'region', regionCode: '35.76' } })).toMatchObject(refused);
    expect(attempt({ role: 'bawaslu_province', scope: { kind: 'region', regionCode: '64' } })).toMatchObject(refused);
    expect(attempt({ role: 'bawaslu_regency', scope: { kind: 'region', regionCode: '35.10' } }, { regionCode: '35' })).toMatchObject(refused);
  });

  it('names the region and agency in the refusal', () => {
    const result = ppkAttempt({ role: 'ppk_delegate', scope: { kind: 'region', regionCode: '35.16' } });
    expect(result).toMatchObject({
      ok: false,
      reason: { message: { en: 'The case (region 35.10, agency dinas-pendidikan) is outside your scope.' } },
    });
  });

  it('limits an agency-scoped PPK delegate to its agencies, and to cases whose agency is known', () => {
    const delegate = (agencyIds: string[]): Actor => ({ role: 'ppk_delegate', scope: { kind: 'region', regionCode: '35.10', agencyIds } });
    expect(ppkAttempt(delegate(['dinas-pendidikan', 'dinas-kesehatan'])).ok).toBe(true);
    expect(ppkAttempt(delegate(['dinas-kesehatan']))).toMatchObject({ ok: false, reason: { code: 'out_of_scope' } });
    expect(ppkAttempt(delegate(['dinas-pendidikan']), { regionCode: '35.10', agencyId: null })).toMatchObject({ ok: false, reason: { code: 'out_of_scope' } });
    expect(ppkAttempt(actor('ppk_delegate'), { regionCode: '35.10', agencyId: null }).ok).toBe(true);
  });

  it('refuses an account whose scope does not fit its role, even where the region would match', () => {
    const misconfigured = attempt({ role: 'bawaslu_regency', scope: { kind: 'national' } });
    expect(misconfigured).toMatchObject({ ok: false, reason: { code: 'out_of_scope' } });
    if (!misconfigured.ok) expect(misconfigured.reason.message.en).toMatch(/^Your account's scope is invalid: Role Regency\/city Bawaslu needs/);
    expect(ppkAttempt({ role: 'ppk_delegate', scope: { kind: 'region', regionCode: '35.10', agencyIds: [] } })).toMatchObject({ ok: false, reason: { code: 'out_of_scope' } });
    expect(checkTransition('forwarded_to_bkn', 'bkn_verify', { role: 'bkn_verifier', scope: { kind: 'region', regionCode: '35' } }, CASE, FULL_INPUT)).toMatchObject({
      ok: false,
      reason: { code: 'out_of_scope' },
    });
  });
});

describe('checkTransition: note and fields', () => {
  const regency = actor('bawaslu_regency');

  it('requires a note of at least the minimum length, not counting surrounding spaces', () => {
    for (const note of [undefined, null, '', '          ', 'x'.repeat(NOTE_MIN_LENGTH - 1), `  ${'x'.repeat(NOTE_MIN_LENGTH - 1)}  `]) {
      const result = checkTransition('received', 'start_check', regency, CASE, { note });
      expect(result, JSON.stringify(note)).toMatchObject({ ok: false, reason: { code: 'note_missing', field: 'note' } });
    }
    expect(checkTransition('received', 'start_check', regency, CASE, { note: 'x'.repeat(NOTE_MIN_LENGTH) })).toEqual({ ok: true, to: 'formal_check' });
  });

  it('says how long the note must be', () => {
    const result = checkTransition('received', 'start_check', regency, CASE, {});
    if (!result.ok) expect(result.reason.message).toEqual({ id: 'Catatan wajib diisi, minimal 10 karakter.', en: 'A note of at least 10 characters is required.' });
  });

  const withFields = TRANSITION_CODES.filter((code) => SPEC[code].fields.length > 0);
  const fieldCases = withFields.flatMap((code) => SPEC[code].fields.map((field) => [code, field] as const));

  it.each(fieldCases)('%s refuses a missing or empty %s', (code, field) => {
    const [state] = SPEC[code].from;
    const [role] = SPEC[code].roles;
    for (const empty of [undefined, null, '', '   ', []]) {
      const input = { ...FULL_INPUT, [field]: empty };
      expect(checkTransition(state, code, actor(role), CASE, input), JSON.stringify(empty)).toMatchObject({
        ok: false,
        reason: { code: 'field_missing', field },
      });
    }
  });

  const INVALID: Record<TransitionFieldCode, unknown[]> = {
    actCodes: [['A13'], ['A01', 'a02'], 'A01'],
    otherClass: ['crime', 'toString'],
    failedRequirements: [['signature'], 'evidence'],
    letterNumber: [123, ['123']],
    sanctionTypes: [['caning'], 'demotion_12_months'],
    decreeNumber: [45],
    decreeDate: ['2024-02-30', '02-12-2024', '2024-12-02T00:00:00Z'],
  };
  it.each(fieldCases)('%s refuses an invalid %s', (code, field) => {
    const [state] = SPEC[code].from;
    const [role] = SPEC[code].roles;
    for (const value of INVALID[field]) {
      const result = checkTransition(state, code, actor(role), CASE, { ...FULL_INPUT, [field]: value } as TransitionInput);
      expect(result, JSON.stringify(value)).toMatchObject({ ok: false, reason: { code: 'field_invalid', field } });
    }
  });

  it('labels the missing and invalid fields in both languages', () => {
    const missing = checkTransition('recommended_to_ppk', 'record_sanction', actor('ppk_delegate'), CASE, { ...FULL_INPUT, decreeNumber: '' });
    if (!missing.ok) expect(missing.reason.message).toEqual({ id: 'Nomor keputusan wajib diisi.', en: 'Decree number is required.' });
    const invalid = checkTransition('under_review', 'classify_violation', regency, CASE, { ...FULL_INPUT, actCodes: ['A13'] });
    if (!invalid.ok) expect(invalid.reason.message).toEqual({ id: 'Jenis pelanggaran tidak sah: harus kode A01–A12.', en: 'Act codes is invalid: expected codes A01–A12.' });
    expect(missing.ok || invalid.ok).toBe(false);
  });

  it('asks only for the fields of the transition taken', () => {
    expect(checkTransition('received', 'start_check', regency, CASE, { note: FULL_INPUT.note })).toEqual({ ok: true, to: 'formal_check' });
    expect(checkTransition('under_review', 'classify_not_violation', regency, CASE, { note: FULL_INPUT.note, actCodes: ['A06'] })).toEqual({ ok: true, to: 'classified_not_violation' });
  });
});

describe('availableTransitions', () => {
  it('offers Bawaslu the review outcomes', () => {
    expect(availableTransitions('under_review', 'bawaslu_regency').map((t) => t.code)).toEqual([
      'request_information',
      'reject_formal',
      'classify_violation',
      'classify_not_violation',
      'classify_other',
      'withdraw',
    ]);
    expect(availableTransitions('awaiting_information', 'bawaslu_province').map((t) => t.code)).toEqual(['information_received', 'accept_for_review', 'reject_formal', 'withdraw']);
  });

  it('offers BKN verification or return, the PPK the sanction, and closing to both Bawaslu and BKN', () => {
    expect(availableTransitions('forwarded_to_bkn', 'bkn_verifier').map((t) => t.code)).toEqual(['bkn_verify', 'bkn_return']);
    expect(availableTransitions('forwarded_to_bkn', 'bawaslu_national')).toEqual([]);
    expect(availableTransitions('recommended_to_ppk', 'ppk_delegate').map((t) => t.code)).toEqual(['record_sanction']);
    expect(availableTransitions('sanction_decided', 'bkn_verifier').map((t) => t.code)).toEqual(['close']);
    expect(availableTransitions('classified_not_violation', 'bawaslu_regency').map((t) => t.code)).toEqual(['close']);
    expect(availableTransitions('closed', 'bawaslu_regency').map((t) => t.code)).toEqual(['reopen']);
    expect(availableTransitions('closed', 'bkn_verifier')).toEqual([]);
  });

  it('offers nothing to roles that do not move cases', () => {
    for (const state of CASE_STATES) {
      for (const role of ['analyst', 'administrator', 'bkpsdm_officer'] as const) expect(availableTransitions(state, role)).toEqual([]);
    }
  });

  it('agrees with checkTransition for every state and role', () => {
    for (const state of CASE_STATES) {
      for (const role of ROLE_CODES) {
        const offered = availableTransitions(state, role).map((t) => t.code);
        const allowed = TRANSITION_CODES.filter((code) => checkTransition(state, code, actor(role), CASE, FULL_INPUT).ok);
        expect(offered, `${state} ${role}`).toEqual(allowed);
      }
    }
  });
});

describe('a case from report to sanction, and reopened', () => {
  it('walks the whole referral chain with the right actor at each step', () => {
    const steps: Array<[TransitionCode, RoleCode, CaseState]> = [
      ['start_check', 'bawaslu_regency', 'formal_check'],
      ['request_information', 'bawaslu_regency', 'awaiting_information'],
      ['information_received', 'bawaslu_regency', 'under_review'],
      ['classify_violation', 'bawaslu_regency', 'classified_other_law'],
      ['forward_to_bkn', 'bawaslu_province', 'forwarded_to_bkn'],
      ['bkn_return', 'bkn_verifier', 'under_review'],
      ['classify_violation', 'bawaslu_regency', 'classified_other_law'],
      ['forward_to_bkn', 'bawaslu_regency', 'forwarded_to_bkn'],
      ['bkn_verify', 'bkn_verifier', 'verified_by_bkn'],
      ['recommend_to_ppk', 'bkn_verifier', 'recommended_to_ppk'],
      ['record_sanction', 'ppk_delegate', 'sanction_decided'],
      ['close', 'bkn_verifier', 'closed'],
      ['reopen', 'bawaslu_national', 'under_review'],
      ['withdraw', 'bawaslu_regency', 'withdrawn'],
    ];
    let state: CaseState = 'received';
    for (const [code, role, expected] of steps) {
      const result = checkTransition(state, code, actor(role), CASE, FULL_INPUT);
      expect(result, `${state} --${code}--> ${expected}`).toEqual({ ok: true, to: expected });
      if (result.ok) state = result.to;
    }
  });
});

describe('four eyes on Bawaslu findings (separation of duties, configurable per rulebook)', () => {
  const recorder = 'user-recorder';
  const colleague = 'user-colleague';
  const fourEyes = (actorId: string, required = true) => ({ fourEyes: { required, findingRecordedBy: [recorder], actorId } });
  const regency = actor('bawaslu_regency');

  it.each([
    ['under_review', 'classify_violation', recorder, true, 'four_eyes'],
    ['classified_other_law', 'forward_to_bkn', recorder, true, 'four_eyes'],
    ['under_review', 'classify_violation', colleague, true, null],
    ['classified_other_law', 'forward_to_bkn', colleague, true, null],
    ['under_review', 'classify_not_violation', recorder, true, null],
    ['under_review', 'classify_violation', recorder, false, null],
  ] as const)('%s → %s by %s, four eyes %s: %s', (state, code, actorId, required, refusal) => {
    const result = checkTransition(state, code, regency, CASE, FULL_INPUT, fourEyes(actorId, required));
    if (refusal) {
      expect(result).toMatchObject({ ok: false, reason: { code: refusal } });
      if (!result.ok) expect(result.reason.message.en).toContain('A second officer of the same Bawaslu must confirm');
    } else {
      expect(result.ok).toBe(true);
    }
  });

  it('a public report (no finding recorder) is not held back', () => {
    const result = checkTransition('under_review', 'classify_violation', regency, CASE, FULL_INPUT, { fourEyes: { required: true, findingRecordedBy: [], actorId: recorder } });
    expect(result.ok).toBe(true);
  });

  it('the role and scope checks come first: an outsider is told about scope, not four eyes', () => {
    const outsider: Actor = { role: 'bawaslu_regency', scope: { kind: 'region', regionCode: '35.16' } };
    expect(checkTransition('under_review', 'classify_violation', outsider, CASE, FULL_INPUT, fourEyes(recorder))).toMatchObject({ ok: false, reason: { code: 'out_of_scope' } });
  });
});
