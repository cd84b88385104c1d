/** The public transparency pages, for main.tsx: /transparansi/<election>[/<region>]. */
import { lazy, Suspense } from 'react';
import { Route } from 'wouter';

const TransparencyPage = lazy(() => import('./TransparencyPage.tsx').then((m) => ({ default: m.TransparencyPage })));

export const transparencyPublicRoutes = [
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
