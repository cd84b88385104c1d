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
