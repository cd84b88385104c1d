import { ROLE_CODES } from '@netra/core';
import { z } from 'zod';

export const loginBody = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});

export const totpBody = z.object({ code: z.string().trim().regex(/^\d{6}$/) });

export const logoutBody = z.object({ everywhere: z.boolean().default(false) }).default({ everywhere: false });

export const scopeSchema = z.union([
  z.object({ kind: z.literal('national') }),
  z.object({ kind: z.literal('region'), regionCode: z.string(), agencyIds: z.array(z.string()).readonly().optional() }),
]);

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLE_CODES as [string, ...string[]]),
  scope: scopeSchema,
});

export const sessionSchema = z.object({
  user: sessionUserSchema,
  mfa: z.enum(['passed', 'required', 'setup_required', 'not_required']),
  csrfToken: z.string(),
});
