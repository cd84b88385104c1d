/**
 * The one object a request hands to a service: who acts, in which language they read, and what
 * the audit log keeps about the request. Services take this instead of loose parameters, so a new
 * concern (say, a request id) reaches every service without touching every signature.
 */
import type { RoleCode, Scope } from '@netra/core';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './errors.ts';
import { requestLanguage, type Language } from './language.ts';

export type MfaState = 'passed' | 'required' | 'setup_required' | 'not_required';

/** A signed-in staff member, as the session guard resolves them. */
export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: RoleCode;
  scope: Scope;
  sessionId: string;
  csrfToken: string;
  mfa: MfaState;
}

/** What the audit log records about the request behind an action. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface RequestContext {
  actor: StaffUser;
  language: Language;
  meta: RequestMeta;
}

/**
 * Who looks and in which language, for a read: a request's context, or what an export job
 * recorded of one (the role decides what is counted, the scope the territory).
 */
export interface ViewerContext {
  actor: { role: RoleCode; scope: Scope };
  language: Language;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffUser | null;
  }
}

/**
 * What is recorded about a request from the public (a report, added information): nothing. A
 * reporter's address or browser would identify them, and the audit log cannot forget; per-address
 * limits use a keyed hash that is never stored with the report (http/address-key.ts).
 */
export const PUBLIC_META: RequestMeta = Object.freeze({ ip: null, userAgent: null });

/** What the audit log keeps about a staff member's request (their address and browser). */
export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

/** The context of a request that passed the staff guard (the guard sets `request.staff`). */
export function staffContext(request: FastifyRequest): RequestContext {
  const actor = request.staff;
  if (!actor) {
    // Only reachable when a route forgot its guard: refuse rather than act as nobody.
    throw new ApiError(401, 'unauthenticated', {
      id: 'Sesi Anda berakhir atau Anda belum masuk. Silakan masuk kembali.',
      en: 'Your session has ended or you are not signed in. Please sign in again.',
    });
  }
  return { actor, language: requestLanguage(request), meta: requestMeta(request) };
}
