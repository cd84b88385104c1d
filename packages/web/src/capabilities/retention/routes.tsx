/** The retention console page, for console/ConsoleRoutes.tsx. */
import { Route } from 'wouter';
import { StaffRoute } from '../../console/StaffRoute.tsx';
import { RetentionPage } from './RetentionPage.tsx';

export const retentionConsoleRoutes = [
  <Route key="retention" path="/konsol/retensi">
    <StaffRoute action="retention.read">
      <RetentionPage />
    </StaffRoute>
  </Route>,
];
