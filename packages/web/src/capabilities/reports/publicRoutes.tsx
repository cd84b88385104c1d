/**
 * The public report pages for main.tsx: /lapor (file a report) and /lacak (follow one). Loaded
 * on demand so the home page stays small; each is one small chunk on a slow phone.
 */
import { lazy, Suspense } from 'react';
import { Route } from 'wouter';

const ReportFormPage = lazy(() => import('./ReportFormPage.tsx').then((m) => ({ default: m.ReportFormPage })));
const TrackPage = lazy(() => import('./TrackPage.tsx').then((m) => ({ default: m.TrackPage })));

export const reportPublicRoutes = [
  <Route key="lapor" path="/lapor">
    <Suspense fallback={null}>
      <ReportFormPage />
    </Suspense>
  </Route>,
  <Route key="lacak" path="/lacak">
    <Suspense fallback={null}>
      <TrackPage />
    </Suspense>
  </Route>,
];
