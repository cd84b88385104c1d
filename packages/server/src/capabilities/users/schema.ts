import { ROLE_CODES } from '@netra/core';
import { z } from 'zod';
import { REGION_CODE, stringMatching } from '../../http/validation.ts';

export const roleSchema = z.enum(ROLE_CODES as [string, ...string[]]);

export const createUserBody = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  name: z.string().trim().min(3).max(120),
  // Long passphrases over complexity rules (NIST SP 800-63B).
  password: z.string().min(12).max(200),
  role: roleSchema,
  regionCode: stringMatching(REGION_CODE, { id: 'Kode wilayah tidak valid, misalnya 35.10', en: 'Invalid region code, e.g. 35.10' }).nullable().default(null),
  agencyIds: z.array(z.number().int().positive()).max(200).optional(),
});

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  regionCode: z.string().nullable(),
  agencyIds: z.array(z.number()).nullable(),
  totpEnabled: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const listUsersQuery = z.object({
  role: roleSchema.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
