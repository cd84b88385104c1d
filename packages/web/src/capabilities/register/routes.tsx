/** The register pages of the staff console, for console/ConsoleRoutes.tsx. */
import { Route } from 'wouter';
import { StaffRoute } from '../../console/StaffRoute.tsx';
import { REGISTER_IMPORTERS, REGISTER_READERS } from './api.ts';
import { AsnPage } from './AsnPage.tsx';
import { RegisterImportPage } from './RegisterImportPage.tsx';
import { RegisterSearchPage } from './RegisterSearchPage.tsx';

export const registerConsoleRoutes = [
  <Route key="register-import" path="/konsol/register/impor">
    <StaffRoute roles={REGISTER_IMPORTERS}>
      <RegisterImportPage />
    </StaffRoute>
  </Route>,
  <Route key="register-asn" path="/konsol/register/asn/:id">
    {(params) => (
      <StaffRoute roles={REGISTER_READERS}>
        <AsnPage id={params.id} />
      </StaffRoute>
    )}
  </Route>,
  <Route key="register" path="/konsol/register">
    <StaffRoute roles={REGISTER_READERS}>
      <RegisterSearchPage />
    </StaffRoute>
  </Route>,
];
