/**
 * The signed-in staff member, shared by every console page. Loaded once from /auth/session;
 * sign-in, the second factor and sign-out go through here so the whole console sees the change.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { apiGet, apiSend, ApiRequestError } from './api.ts';
import { useI18n } from './i18n.tsx';

export type Scope = { kind: 'national' } | { kind: 'region'; regionCode: string; agencyIds?: readonly string[] };

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: string;
  scope: Scope;
}

export type MfaState = 'passed' | 'required' | 'setup_required' | 'not_required';

export interface SessionState {
  status: 'loading' | 'signed_out' | 'signed_in';
  user: SessionUser | null;
  mfa: MfaState | null;
  csrfToken: string | null;
}

interface SessionApi extends SessionState {
  /** True when the user may use the console (signed in and past the second factor). */
  ready: boolean;
  login(email: string, password: string): Promise<MfaState>;
  setupTotp(): Promise<{ secret: string; otpauthUri: string }>;
  verifyTotp(code: string): Promise<void>;
  logout(everywhere?: boolean): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

interface SessionBody {
  user: SessionUser;
  mfa: MfaState;
  csrfToken: string;
}

const signedOut: SessionState = { status: 'signed_out', user: null, mfa: null, csrfToken: null };

/**
 * Whether asking /auth/session is worth it: on staff pages always; on public pages only when this
 * browser signed in before (a hint, not a secret: the cookie decides). A public visitor is never
 * asked, so public pages log no 401 in the browser console.
 */
const HINT = 'netra.staff';
const STAFF_PAGE = /^\/(konsol|masuk|undangan)(\/|$)/;
const hint = (on: boolean) => {
  try {
    if (on) localStorage.setItem(HINT, '1');
    else localStorage.removeItem(HINT);
  } catch {
    // Storage disabled: the console pages still ask.
  }
};
const worthAsking = () => {
  try {
    return STAFF_PAGE.test(location.pathname) || localStorage.getItem(HINT) === '1';
  } catch {
    return true;
  }
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  const [state, setState] = useState<SessionState>({ status: 'loading', user: null, mfa: null, csrfToken: null });

  const refresh = useCallback(async () => {
    try {
      const body = await apiGet<SessionBody>('/auth/session', language);
      hint(true);
      setState({ status: 'signed_in', ...body });
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) {
        hint(false);
        setState(signedOut);
      } else throw error;
    }
  }, [language]);

  const [path] = useLocation();
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    if (!worthAsking()) {
      setState(signedOut);
      return;
    }
    // Once: language changes do not change who is signed in.
    asked.current = true;
    setState((s) => (s.status === 'signed_out' ? { ...s, status: 'loading' } : s));
    refresh().catch(() => setState(signedOut));
    // A public page first, a staff page later (the app navigated): asked then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);

  const api: SessionApi = {
    ...state,
    ready: state.status === 'signed_in' && (state.mfa === 'passed' || state.mfa === 'not_required'),
    refresh,
    async login(email, password) {
      const body = await apiSend<SessionBody>('POST', '/auth/login', { email, password }, language);
      hint(true);
      setState({ status: 'signed_in', ...body });
      return body.mfa;
    },
    async setupTotp() {
      return apiSend<{ secret: string; otpauthUri: string }>('POST', '/auth/totp/setup', undefined, language, state.csrfToken);
    },
    async verifyTotp(code) {
      await apiSend('POST', '/auth/totp/verify', { code }, language, state.csrfToken);
      setState((s) => ({ ...s, mfa: 'passed' }));
    },
    async logout(everywhere = false) {
      try {
        await apiSend('POST', '/auth/logout', { everywhere }, language, state.csrfToken);
      } finally {
        hint(false);
        setState(signedOut);
      }
    },
  };
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
