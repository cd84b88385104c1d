import { describe, expect, it } from 'vitest';
import type { Actor, ScopedLocation } from '../access/scope.ts';
import { availableTransitions, checkTransition, COMMAND_TRANSITIONS, TRANSITION_CODES } from './transitions.ts';

const CASE: ScopedLocation = { regionCode: '35.10', agencyId: null };
const OFFICER: Actor = { role: 'bawaslu_regency', scope: { kind: 'region', regionCode: '35.10' } };

describe('command transitions (merge_into)', () => {
  it('is refused unless the merging command asks for it', () => {
    const check = checkTransition('received', 'merge_into', OFFICER, CASE, {});
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason.code).toBe('unknown_transition');
  });

  it('closes a case not yet classified, for Bawaslu in scope, without a note', () => {
    for (const state of COMMAND_TRANSITIONS.merge_into.from) {
      expect(checkTransition(state, 'merge_into', OFFICER, CASE, {}, { command: true })).toEqual({ ok: true, to: 'closed' });
    }
    expect(checkTransition('classified_other_law', 'merge_into', OFFICER, CASE, {}, { command: true }).ok).toBe(false);
    expect(checkTransition('received', 'merge_into', { role: 'bkn_verifier', scope: { kind: 'national' } }, CASE, {}, { command: true }).ok).toBe(false);
    expect(checkTransition('received', 'merge_into', OFFICER, { regionCode: '35.09', agencyId: null }, {}, { command: true }).ok).toBe(false);
  });

  it('is never offered as a transition', () => {
    expect(TRANSITION_CODES).not.toContain('merge_into');
    expect(availableTransitions('received', 'bawaslu_regency').map((t) => t.code)).not.toContain('merge_into');
  });
});
