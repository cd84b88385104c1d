import { describe, expect, it } from 'vitest';
import { duplicateNipReason } from './duplicates.ts';

describe('duplicateNipReason', () => {
  it('names the line of the first occurrence in both languages, on the NIP column', () => {
    expect(duplicateNipReason(5)).toEqual({
      column: 'nip',
      code: 'duplicate_nip',
      message: {
        id: 'NIP ini sudah ada di baris 5; hanya baris pertama yang diproses.',
        en: 'This NIP already appears on line 5; only the first line is processed.',
      },
    });
  });

  it('keeps a placeholder intact for SQL to replace, inside valid JSON', () => {
    const template = JSON.stringify([duplicateNipReason('{{first_line}}')]);
    expect(JSON.parse(template.replaceAll('{{first_line}}', '12'))).toEqual([duplicateNipReason(12)]);
  });
});
