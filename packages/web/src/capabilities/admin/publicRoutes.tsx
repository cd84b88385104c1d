/** The invitation page an officer's one-time link opens, for main.tsx: /undangan/<token>. */
import { lazy, Suspense } from 'react';
import { Route } from 'wouter';

const InvitationPage = lazy(() => import('./InvitationPage.tsx').then((m) => ({ default: m.InvitationPage })));

export const adminPublicRoutes = [
  <Route key="invitation" path="/undangan/:token">
    {(params) => (
      <Suspense fallback={null}>
        <InvitationPage token={params.token} />
      </Suspense>
    )}
  </Route>,
];
