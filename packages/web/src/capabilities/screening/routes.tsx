/** The screening pages of the staff console, for console/ConsoleRoutes.tsx. */
import { Route } from 'wouter';
import { StaffRoute } from '../../console/StaffRoute.tsx';
import { AccountsPage } from './AccountsPage.tsx';
import { SCREENING_OFFICERS, SCREENING_READERS } from './api.ts';
import { ImportPage } from './ImportPage.tsx';
import { LexiconPage } from './LexiconPage.tsx';
import { QueuePage } from './QueuePage.tsx';

export const screeningConsoleRoutes = [
  <Route key="screening-import" path="/konsol/penapisan/impor">
    <StaffRoute roles={SCREENING_OFFICERS}>
      <ImportPage />
    </StaffRoute>
  </Route>,
  <Route key="screening-lexicon" path="/konsol/penapisan/leksikon">
    <StaffRoute roles={SCREENING_READERS}>
      <LexiconPage />
    </StaffRoute>
  </Route>,
  <Route key="screening-accounts" path="/konsol/penapisan/akun">
    <StaffRoute roles={SCREENING_READERS}>
      <AccountsPage />
    </StaffRoute>
  </Route>,
  <Route key="screening" path="/konsol/penapisan">
    <StaffRoute roles={SCREENING_READERS}>
      <QueuePage />
    </StaffRoute>
  </Route>,
];
