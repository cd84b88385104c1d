/** The candidate pages of the staff console, for console/ConsoleRoutes.tsx. */
import { Route } from 'wouter';
import { StaffRoute } from '../../console/StaffRoute.tsx';
import { CandidatesPage } from './CandidatesPage.tsx';

export const candidateConsoleRoutes = [
  <Route key="candidates" path="/konsol/calon">
    <StaffRoute action="candidates.read">
      <CandidatesPage />
    </StaffRoute>
  </Route>,
];
