/** The rotation-watch page of the staff console, for console/ConsoleRoutes.tsx. */
import { Route } from 'wouter';
import { StaffRoute } from '../../console/StaffRoute.tsx';
import { RotationsPage } from './RotationsPage.tsx';

export const rotationConsoleRoutes = [
  <Route key="rotations" path="/konsol/mutasi">
    <StaffRoute action="rotations.read">
      <RotationsPage />
    </StaffRoute>
  </Route>,
];
