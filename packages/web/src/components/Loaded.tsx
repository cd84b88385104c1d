/**
 * What a page shows of data it loads: a loading line, the error with a retry, or the data drawn
 * by `children` once it is there.
 */
import type { ReactNode } from 'react';
import type { LoadState } from '../lib/api.ts';
import { commonMessages, useMessages } from '../lib/i18n.tsx';
import { LoadError } from './LoadError.tsx';

export function Loaded<T>({ state, onRetry, loading, children }: { state: LoadState<T>; onRetry(): void; loading?: ReactNode; children(data: T): ReactNode }) {
  const t = useMessages(commonMessages);
  if (state.status === 'loading') return <>{loading === undefined ? <p className="muted">{t.loading}</p> : loading}</>;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={onRetry} />;
  return <>{children(state.data)}</>;
}
