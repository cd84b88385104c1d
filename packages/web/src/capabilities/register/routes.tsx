/** The register pages of the staff console, for console/ConsoleRoutes.tsx. */
import { Route } from 'wouter';
import { StaffRoute } from '../../console/StaffRoute.tsx';
import { AgenciesPage } from './AgenciesPage.tsx';
import { AsnPage } from './AsnPage.tsx';
import { RegisterImportPage } from './RegisterImportPage.tsx';
import { RegisterSearchPage } from './RegisterSearchPage.tsx';

export const registerConsoleRoutes = [
  <Route key="register-agencies" path="/konsol/register/instansi">
    <StaffRoute action="register.agencies.manage">
      <AgenciesPage />
    </StaffRoute>
  </Route>,
  <Route key="register-import" path="/konsol/register/impor">
    <StaffRoute action="register.import">
      <RegisterImportPage />
    </StaffRoute>
  </Route>,
  <Route key="register-asn" path="/konsol/register/asn/:id">
    {(params) => (
      <StaffRoute action="register.read">
        <AsnPage id={params.id} />
      </StaffRoute>
    )}
  </Route>,
  <Route key="register" path="/konsol/register">
    <StaffRoute action="register.read">
      <RegisterSearchPage />
    </StaffRoute>
  </Route>,
];
