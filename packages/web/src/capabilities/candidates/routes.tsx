/** The candidate pages of the staff console, for console/ConsoleRoutes.tsx. */
import { Route } from 'wouter';
import { StaffRoute } from '../../console/StaffRoute.tsx';
import { CandidatesPage } from './CandidatesPage.tsx';
import { CANDIDATE_READERS } from './nav.ts';

export const candidateConsoleRoutes = [
  <Route key="candidates" path="/konsol/calon">
    <StaffRoute roles={CANDIDATE_READERS}>
      <CandidatesPage />
    </StaffRoute>
  </Route>,
];
