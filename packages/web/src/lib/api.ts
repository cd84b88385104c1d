/** The API client: one place that knows the base path, the language and the error shape. */
import { useCallback, useEffect, useState } from 'react';
import type { Language } from './i18n.tsx';

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Array<{ field: string; message: string }>; details?: unknown };
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.error.message ?? `HTTP ${status}`);
  }
}

export async function apiGet<T>(path: string, language: Language, signal?: AbortSignal): Promise<T> {
  const separator = path.includes('?') ? '&' : '?';
  const response = await fetch(`/api/v1${path}${separator}lang=${language}`, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiRequestError(response.status, body);
  }
  return (await response.json()) as T;
}

export type LoadState<T> = { status: 'loading' } | { status: 'error'; error: Error } | { status: 'ready'; data: T };

/** Fetch on mount and whenever the path changes; `reload` retries after an error. */
export function useApi<T>(path: string | null, language: Language): [LoadState<T>, () => void] {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    apiGet<T>(path, language, controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: Error) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [path, language, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, reload];
}

export interface Region {
  code: string;
  name: string;
  level: 'province' | 'regency' | 'district';
  parentCode: string | null;
  parentName: string | null;
  isCity: boolean;
  timeZone: string;
}

export interface RegionDetail extends Region {
  elections: Array<{ id: string; name: string; year: number; kind: string; participates: boolean }>;
}

export interface Stage {
  code: string;
  name: string;
  start: string;
  end: string;
  critical: boolean;
  basis: string;
}

export interface Calendar {
  election: { id: string; name: string };
  region: { code: string; name: string; timeZone: string } | null;
  participates: boolean;
  date: string;
  phase: 'before' | 'during' | 'after';
  stage: Stage | null;
  critical: boolean;
  nextStage: Stage | null;
  daysUntilNextStage: number | null;
  stages: Array<Stage & { status: 'past' | 'current' | 'upcoming' }>;
}

async function parseError(response: Response): Promise<ApiRequestError> {
  const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
  return new ApiRequestError(response.status, body);
}

/**
 * A request that changes something: JSON body, the session cookie, and the session's CSRF token
 * in the header the server checks.
 */
export async function apiSend<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown, language: Language, csrfToken?: string | null): Promise<T> {
  const separator = path.includes('?') ? '&' : '?';
  const response = await fetch(`/api/v1${path}${separator}lang=${language}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await parseError(response);
  return (await response.json()) as T;
}

/**
 * A multipart upload with progress (fetch cannot report upload progress; XMLHttpRequest can).
 * `onProgress` receives 0..1.
 */
export function apiUpload<T>(
  path: string,
  form: FormData,
  language: Language,
  options: { csrfToken?: string | null; onProgress?: (fraction: number) => void; headers?: Record<string, string> } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const separator = path.includes('?') ? '&' : '?';
    xhr.open('POST', `/api/v1${path}${separator}lang=${language}`);
    xhr.setRequestHeader('accept', 'application/json');
    if (options.csrfToken) xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiRequestError(xhr.status, body as ApiErrorBody | null));
    };
    xhr.onerror = () => reject(new ApiRequestError(0, null));
    xhr.send(form);
  });
}

/** Field messages from an API error, keyed by field path without its `body.`/`query.` part. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiRequestError) || !error.body?.error.fields) return {};
  const out: Record<string, string> = {};
  for (const f of error.body.error.fields) {
    const key = f.field.replace(/^(body|query|params)\./, '');
    out[key] ??= f.message;
  }
  return out;
}
