/** The elections console pages, for console/ConsoleRoutes.tsx. */
import { Route } from 'wouter';
import { StaffRoute } from '../../console/StaffRoute.tsx';
import { ElectionAdminPage } from './ElectionAdminPage.tsx';
import { ElectionsAdminPage } from './ElectionsAdminPage.tsx';

export const electionConsoleRoutes = [
  <Route key="election-admin" path="/konsol/pemilihan/:id">
    {(params) => (
      <StaffRoute action="elections.manage">
        <ElectionAdminPage id={params.id} />
      </StaffRoute>
    )}
  </Route>,
  <Route key="elections-admin" path="/konsol/pemilihan">
    <StaffRoute action="elections.manage">
      <ElectionsAdminPage />
    </StaffRoute>
  </Route>,
];
