/** The screening pages of the staff console, for console/ConsoleRoutes.tsx. */
import { Route } from 'wouter';
import { StaffRoute } from '../../console/StaffRoute.tsx';
import { AccountsPage } from './AccountsPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { LexiconPage } from './LexiconPage.tsx';
import { QueuePage } from './QueuePage.tsx';

export const screeningConsoleRoutes = [
  <Route key="screening-import" path="/konsol/penapisan/impor">
    <StaffRoute action="screening.triage">
      <ImportPage />
    </StaffRoute>
  </Route>,
  <Route key="screening-lexicon" path="/konsol/penapisan/leksikon">
    <StaffRoute action="screening.read">
      <LexiconPage />
    </StaffRoute>
  </Route>,
  <Route key="screening-accounts" path="/konsol/penapisan/akun">
    <StaffRoute action="screening.read">
      <AccountsPage />
    </StaffRoute>
  </Route>,
  <Route key="screening" path="/konsol/penapisan">
    <StaffRoute action="screening.read">
      <QueuePage />
    </StaffRoute>
  </Route>,
];
