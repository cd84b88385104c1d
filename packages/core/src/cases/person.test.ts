import { describe, expect, it } from 'vitest';
import { TRANSITION_CODES } from './transitions.ts';
import { isPersonUnknownReason, PERSON_UNKNOWN_REASONS, transitionNeedsPerson, TRANSITIONS_NEEDING_PERSON } from './person.ts';

describe('the person behind a case', () => {
  it('is needed to forward to BKN and to record a sanction, and for nothing else', () => {
    expect(TRANSITION_CODES.filter(transitionNeedsPerson)).toEqual(['forward_to_bkn', 'record_sanction']);
    for (const code of TRANSITIONS_NEEDING_PERSON) expect(TRANSITION_CODES).toContain(code);
    expect(transitionNeedsPerson('start_check')).toBe(false);
    expect(transitionNeedsPerson('no_such_transition')).toBe(false);
  });

  it('may stay unknown for a reason from the list, each in both languages', () => {
    expect(isPersonUnknownReason('not_named')).toBe(true);
    expect(isPersonUnknownReason('toString')).toBe(false);
    for (const label of Object.values(PERSON_UNKNOWN_REASONS)) {
      expect(label.id.length).toBeGreaterThan(3);
      expect(label.en.length).toBeGreaterThan(3);
    }
  });
});
