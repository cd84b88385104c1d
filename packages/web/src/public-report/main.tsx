/**
 * The light entry of the public report page (/lapor): the report form and its receipt, nothing
 * of the console. Built separately (vite.report.config.ts) with Preact standing in for React
 * (preact/compat), so the same components the console uses load in a fraction of the bytes on
 * a weak signal; the service worker (public-report/sw.ts) makes it open and keep its draft offline.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider } from '../lib/i18n.tsx';
import { ReportFormPage } from '../capabilities/reports/ReportFormPage.tsx';
import { PublicShell } from './PublicShell.tsx';
import '../styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <PublicShell>
        <ReportFormPage />
      </PublicShell>
    </LanguageProvider>
  </StrictMode>,
);

// Offline: the page, its assets, the form's data and the region list stay available.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  addEventListener('load', () => void navigator.serviceWorker.register('/sw.js', { scope: '/lapor' }).catch(() => undefined));
}
