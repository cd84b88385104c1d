/**
 * Every page under /konsol, with absolute paths. Each capability adds its routes here, wrapped in
 * <StaffRoute roles={…}>.
 */
import { Route, Switch } from 'wouter';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { ConsoleHome } from './ConsoleLayout.tsx';
import { StaffRoute } from './StaffRoute.tsx';

export function ConsoleRoutes() {
  return (
    <Switch>
      <Route path="/konsol">
        <StaffRoute>
          <ConsoleHome />
        </StaffRoute>
      </Route>
      <Route>
        <StaffRoute>
          <NotFoundPage />
        </StaffRoute>
      </Route>
    </Switch>
  );
}
