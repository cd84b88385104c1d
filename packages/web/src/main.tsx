import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Switch } from 'wouter';
import { Layout } from './components/Layout.tsx';
import { LanguageProvider } from './lib/i18n.tsx';
import { SessionProvider } from './lib/session.tsx';
import { RegionPage } from './capabilities/elections/RegionPage.tsx';
import { NipPage } from './capabilities/nip/NipPage.tsx';
import { reportPublicRoutes } from './capabilities/reports/publicRoutes.tsx';
import { transparencyPublicRoutes } from './capabilities/transparency/publicRoutes.tsx';
import { adminPublicRoutes } from './capabilities/admin/publicRoutes.tsx';
import { HomePage } from './capabilities/regions/HomePage.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import './styles.css';

// The staff console (and its QR-code library) loads only when a staff page is opened, so the
// public pages stay small for reporters on slow phones.
const LoginPage = lazy(() => import('./console/LoginPage.tsx').then((m) => ({ default: m.LoginPage })));
const ConsoleRoutes = lazy(() => import('./console/ConsoleRoutes.tsx').then((m) => ({ default: m.ConsoleRoutes })));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <SessionProvider>
        <Layout>
          <Switch>
            <Route path="/" component={HomePage} />
            <Route path="/wilayah/:code">{(params) => <RegionPage code={params.code} />}</Route>
            <Route path="/nip" component={NipPage} />
            {reportPublicRoutes}
            {transparencyPublicRoutes}
            {adminPublicRoutes}
            <Route path="/masuk">
              <Suspense fallback={null}>
                <LoginPage />
              </Suspense>
            </Route>
            <Route path={/^\/konsol(\/.*)?$/}>
              <Suspense fallback={null}>
                <ConsoleRoutes />
              </Suspense>
            </Route>
            <Route component={NotFoundPage} />
          </Switch>
        </Layout>
      </SessionProvider>
    </LanguageProvider>
  </StrictMode>,
);
