import { z } from 'zod';

/**
 * A string check with its message in both languages. Zod's built-in checks already have
 * Indonesian and English messages (via its locales); our own rules carry both texts here and the
 * error handler picks the caller's language.
 */
export function stringMatching(test: RegExp | ((value: string) => boolean), message: { id: string; en: string }) {
  const check = typeof test === 'function' ? test : (value: string) => test.test(value);
  return z.string().refine(check, { message: message.en, params: { messageId: message.id } });
}

export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2})?)?$/;

/** A province (PP) or regency/city (PP.KK): the levels a dashboard, a coverage page or a recap is drawn at. */
export const territoryCode = stringMatching(/^\d{2}(\.\d{2})?$/, {
  id: 'Kode wilayah harus kode provinsi (PP) atau kabupaten/kota (PP.KK), misalnya 35 atau 35.10.',
  en: 'The region code must be a province (PP) or regency/city (PP.KK) code, e.g. 35 or 35.10.',
});
