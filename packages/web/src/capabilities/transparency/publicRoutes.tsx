/** The public transparency pages, for main.tsx: /transparansi[/<election>[/<region>]]. */
import { lazy, Suspense, useEffect } from 'react';
import { Redirect, Route, useLocation } from 'wouter';
import { LoadError } from '../../components/LoadError.tsx';
import { useApi } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import type { ElectionList } from '../elections/types.ts';
import { transparencyHref } from './href.ts';

const TransparencyPage = lazy(() => import('./TransparencyPage.tsx').then((m) => ({ default: m.TransparencyPage })));

/** /transparansi: the most recent election's national page (the list comes newest first). */
function LatestElection() {
  const { language } = useI18n();
  const t = useMessages(commonMessages);
  const [state, reload] = useApi<ElectionList>('/elections', language);
  const [, navigate] = useLocation();
  const latest = state.status === 'ready' ? [...state.data.items].sort((a, b) => b.year - a.year)[0] : undefined;
  useEffect(() => {
    if (latest) navigate(transparencyHref(latest.id, null), { replace: true });
  }, [latest, navigate]);
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  if (state.status === 'ready' && !latest) return <Redirect to="/" />;
  return <p className="muted">{t.loading}</p>;
}

export const transparencyPublicRoutes = [
  <Route key="transparency-latest" path="/transparansi" component={LatestElection} />,
  <Route key="transparency-region" path="/transparansi/:election/:region">
    {(params) => (
      <Suspense fallback={null}>
        <TransparencyPage electionId={params.election} regionCode={params.region} />
      </Suspense>
    )}
  </Route>,
  <Route key="transparency" path="/transparansi/:election">
    {(params) => (
      <Suspense fallback={null}>
        <TransparencyPage electionId={params.election} regionCode={null} />
      </Suspense>
    )}
  </Route>,
];
