/**
 * The public report pages for main.tsx. /lapor is a page of its own (the light entry,
 * public-report/main.tsx, served by the server for that address): a link followed inside the
 * app reloads it from the server. /lacak (follow a report) is loaded on demand.
 */
import { lazy, Suspense, useEffect } from 'react';
import { Route } from 'wouter';

const TrackPage = lazy(() => import('./TrackPage.tsx').then((m) => ({ default: m.TrackPage })));

/** The page was not loaded at this address (the app navigated here): load it from the server. */
const navigatedHere = () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.name !== location.href;

function LightReportPage() {
  const reload = navigatedHere();
  useEffect(() => {
    if (reload) location.replace(location.pathname + location.search);
  }, [reload]);
  // Loaded here directly (a server without the light page): never loop, offer the link.
  return reload ? null : <a href="/lapor">/lapor</a>;
}

export const reportPublicRoutes = [
  <Route key="lapor" path="/lapor" component={LightReportPage} />,
  <Route key="lacak" path="/lacak">
    <Suspense fallback={null}>
      <TrackPage />
    </Suspense>
  </Route>,
];
