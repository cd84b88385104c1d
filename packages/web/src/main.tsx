import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Switch } from 'wouter';
import { Layout } from './components/Layout.tsx';
import { LanguageProvider } from './lib/i18n.tsx';
import { RegionPage } from './capabilities/elections/RegionPage.tsx';
import { NipPage } from './capabilities/nip/NipPage.tsx';
import { HomePage } from './capabilities/regions/HomePage.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <Layout>
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/wilayah/:code">{(params) => <RegionPage code={params.code} />}</Route>
          <Route path="/nip" component={NipPage} />
          <Route component={NotFoundPage} />
        </Switch>
      </Layout>
    </LanguageProvider>
  </StrictMode>,
);
