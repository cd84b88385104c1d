/**
 * The staff guard every protected route declares: session cookie → signed in → second factor
 * passed (officials) → role allowed the action (core's permission table) → CSRF token matches
 * (for requests that change something). Territorial scope is not checked here but in each
 * repository's queries, so no route can forget it.
 *
 * It lives in http/, below every capability, so that no capability stands on the auth capability
 * for its routes' guard. The sessions themselves stay the auth capability's: app.ts hands the app
 * the session lookup (`staffSession`, bound to the app's context) and the guard asks the app.
 */
import { can, type PermissionAction } from '@netra/core';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { ApiError } from './errors.ts';
import type { StaffUser } from './request-context.ts';

/** The cookie that carries the session token (set and cleared by the auth capability's routes). */
export const SESSION_COOKIE = 'netra_session';

/** The signed-in staff member behind a session token, or null when it is unknown or expired. */
export type StaffSessionLookup = (token: string) => Promise<StaffUser | null>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The auth capability's session lookup, bound to the app's context by app.ts. */
    staffSession: StaffSessionLookup;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface GuardOptions {
  /** The action of the permission table the route performs; only roles allowed it pass. */
  action: PermissionAction;
  /** Only for the second-factor endpoints themselves. */
  allowPendingMfa?: boolean;
}

/** Marks a guard function with what it checks, so tests can walk routes against the table. */
export const STAFF_GUARD = Symbol.for('netra.staffGuard');

export type StaffGuard = preHandlerAsyncHookHandler & { [STAFF_GUARD]: Readonly<GuardOptions> };

/** The options of a staff guard, or undefined for any other hook function. */
export function staffGuardOf(hook: unknown): Readonly<GuardOptions> | undefined {
  return typeof hook === 'function' ? (hook as Partial<StaffGuard>)[STAFF_GUARD] : undefined;
}

export function requireStaff(options: GuardOptions): StaffGuard {
  const guard = async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = request.cookies?.[SESSION_COOKIE];
    const staff = token ? await request.server.staffSession(token) : null;
    if (!staff) {
      throw new ApiError(401, 'unauthenticated', {
        id: 'Sesi Anda berakhir atau Anda belum masuk. Silakan masuk kembali.',
        en: 'Your session has ended or you are not signed in. Please sign in again.',
      });
    }
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== staff.csrfToken) {
      throw new ApiError(403, 'csrf_failed', {
        id: 'Permintaan ditolak karena token keamanan tidak cocok. Muat ulang halaman lalu coba lagi.',
        en: 'The request was refused because its security token did not match. Reload the page and try again.',
      });
    }
    if (!options.allowPendingMfa && (staff.mfa === 'required' || staff.mfa === 'setup_required')) {
      throw new ApiError(403, 'mfa_required', {
        id: 'Selesaikan verifikasi dua langkah terlebih dahulu.',
        en: 'Complete two-step verification first.',
      });
    }
    if (!can(staff.role, options.action)) {
      throw new ApiError(403, 'forbidden', {
        id: 'Peran Anda tidak berwenang untuk tindakan ini.',
        en: 'Your role is not allowed to do this.',
      });
    }
    request.staff = staff;
  };
  return Object.assign(guard, { [STAFF_GUARD]: Object.freeze({ ...options }) });
}
