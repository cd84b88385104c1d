/** The dashboard and prevention pages of the staff console, for console/ConsoleRoutes.tsx. */
import { lazy, Suspense } from 'react';
import { Route } from 'wouter';
import { StaffRoute } from '../../console/StaffRoute.tsx';

// Each page loads when opened: the console's first page stays light.
const DashboardPage = lazy(() => import('./DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const PreventionPage = lazy(() => import('../prevention/PreventionPage.tsx').then((m) => ({ default: m.PreventionPage })));
const EventPage = lazy(() => import('../prevention/EventPage.tsx').then((m) => ({ default: m.EventPage })));

export const dashboardConsoleRoutes = [
  <Route key="dashboard" path="/konsol/dasbor">
    <StaffRoute>
      <Suspense fallback={null}>
        <DashboardPage />
      </Suspense>
    </StaffRoute>
  </Route>,
  <Route key="prevention-event" path="/konsol/pencegahan/kegiatan/:id">
    {(params) => (
      <StaffRoute action="prevention.read">
        <Suspense fallback={null}>
          <EventPage id={params.id} />
        </Suspense>
      </StaffRoute>
    )}
  </Route>,
  <Route key="prevention" path="/konsol/pencegahan">
    <StaffRoute>
      <Suspense fallback={null}>
        <PreventionPage />
      </Suspense>
    </StaffRoute>
  </Route>,
];
