import { describe, expect, it } from 'vitest';
import { decodeNip } from '../nip/nip.ts';
import { fictionalName, fictionalNip } from './fictional-people.ts';
import { createRng } from './random.ts';

describe('fictional people', () => {
  it('are reproducible from the seed', () => {
    expect(fictionalName(createRng(7), 'female')).toBe(fictionalName(createRng(7), 'female'));
  });

  it('always get a valid NIP of the right gender', () => {
    const rng = createRng(42);
    for (let i = 0; i < 2000; i++) {
      const gender = rng.chance(0.5) ? 'male' : 'female';
      const nip = fictionalNip(rng, { gender, birthYears: [1965, 2000], latestAppointmentYear: 2025, sequence: (i % 999) + 1 });
      const decoded = decodeNip(nip, { today: '2026-01-01' });
      expect(decoded.valid, nip).toBe(true);
      expect(decoded.valid && decoded.value.gender).toBe(gender);
    }
  });
});
