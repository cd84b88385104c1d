/** The administration pages of the staff console, for console/ConsoleRoutes.tsx. */
import { Route } from 'wouter';
import { StaffRoute } from '../../console/StaffRoute.tsx';
import { AccountsPage } from './AccountsPage.tsx';
import { AuditPage } from './AuditPage.tsx';

export const adminConsoleRoutes = [
  <Route key="accounts" path="/konsol/akun">
    <StaffRoute action="users.manage">
      <AccountsPage />
    </StaffRoute>
  </Route>,
  <Route key="audit" path="/konsol/audit">
    <StaffRoute action="audit.read">
      <AuditPage />
    </StaffRoute>
  </Route>,
];
