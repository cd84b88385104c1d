import { PERMISSION_ACTIONS, ROLE_CODES, type PermissionAction } from '@netra/core';
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
  /** False while an invited officer has not yet set their password. */
  passwordSet: z.boolean(),
  createdAt: z.string(),
});

export const listUsersQuery = z.object({
  role: roleSchema.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const reason = stringMatching((v) => v.trim().length >= 10 && v.length <= 1000, { id: 'Tuliskan alasan (10–1000 karakter).', en: 'Give a reason (10–1000 characters).' }).transform((v) => v.trim());

export const inviteBody = createUserBody.omit({ password: true });

export const invitationSchema = z.object({
  delivery: z.enum(['email', 'manual']),
  expiresAt: z.string(),
  /** Only when no e-mail was sent: the administrator hands it over. */
  link: z.string().nullable(),
});

export const invitedSchema = z.object({ user: userSchema, invitation: invitationSchema });

export const accessBody = z.object({
  role: roleSchema,
  regionCode: createUserBody.shape.regionCode,
  agencyIds: createUserBody.shape.agencyIds,
  reason,
});

export const resetRequestBody = z.object({ reason });
export const resetDecisionBody = z.object({ approve: z.boolean() });

export const totpResetSchema = z.object({
  id: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  reason: z.string(),
  requestedAt: z.string(),
  requestedBy: z.string(),
  requestedByName: z.string(),
});

export const coverageQuery = z.object({
  region: stringMatching(REGION_CODE, { id: 'Kode wilayah tidak valid, misalnya 35.10', en: 'Invalid region code, e.g. 35.10' }),
  action: z.enum(PERMISSION_ACTIONS as [PermissionAction, ...PermissionAction[]]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const coverageSchema = z.object({
  region: z.string(),
  action: z.string().nullable(),
  roles: z.array(z.string()),
  total: z.number(),
  items: z.array(userSchema),
});

export const invitationTokenParams = z.object({ token: z.string().min(1).max(200) });

export const invitationInfoSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: z.string(),
  roleLabel: z.object({ id: z.string(), en: z.string() }),
  regionCode: z.string().nullable(),
  expiresAt: z.string(),
});

export const acceptBody = z.object({
  // Long passphrases over complexity rules (NIST SP 800-63B).
  password: z.string().min(12).max(200),
  code: stringMatching(/^\d{6}$/, { id: 'Masukkan kode 6 angka dari aplikasi autentikator.', en: 'Enter the 6-digit code from the authenticator app.' }),
});
