/**
 * Every page under /konsol, with absolute paths. Each capability adds its routes here, wrapped in
 * <StaffRoute action={…}> (an action of core's permission table).
 */
import { Route, Switch } from 'wouter';
import { CasePage } from '../capabilities/cases/CasePage.tsx';
import { CaseQueuePage } from '../capabilities/cases/CaseQueuePage.tsx';
import { candidateConsoleRoutes } from '../capabilities/candidates/routes.tsx';
import { registerConsoleRoutes } from '../capabilities/register/routes.tsx';
import { reportConsoleRoutes } from '../capabilities/reports/console/routes.tsx';
import { rotationConsoleRoutes } from '../capabilities/rotations/routes.tsx';
import { screeningConsoleRoutes } from '../capabilities/screening/routes.tsx';
import { dashboardConsoleRoutes } from '../capabilities/dashboards/routes.tsx';
import { adminConsoleRoutes } from '../capabilities/admin/routes.tsx';
import { electionConsoleRoutes } from '../capabilities/elections/routes.tsx';
import { inboxConsoleRoutes } from '../capabilities/inbox/routes.tsx';
import { retentionConsoleRoutes } from '../capabilities/retention/routes.tsx';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { ConsoleHome } from './HomePage.tsx';
import { StaffRoute } from './StaffRoute.tsx';

export function ConsoleRoutes() {
  return (
    <Switch>
      <Route path="/konsol">
        <StaffRoute>
          <ConsoleHome />
        </StaffRoute>
      </Route>
      <Route path="/konsol/perkara">
        <StaffRoute action="cases.read">
          <CaseQueuePage />
        </StaffRoute>
      </Route>
      <Route path="/konsol/perkara/:id">
        {(params) => (
          <StaffRoute action="cases.read">
            <CasePage id={params.id} />
          </StaffRoute>
        )}
      </Route>
      {reportConsoleRoutes}
      {registerConsoleRoutes}
      {candidateConsoleRoutes}
      {rotationConsoleRoutes}
      {screeningConsoleRoutes}
      {dashboardConsoleRoutes}
      {adminConsoleRoutes}
      {retentionConsoleRoutes}
      {electionConsoleRoutes}
      {inboxConsoleRoutes}
      <Route>
        <StaffRoute>
          <NotFoundPage />
        </StaffRoute>
      </Route>
    </Switch>
  );
}
