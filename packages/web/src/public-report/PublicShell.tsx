/**
 * The frame of the light public pages: the brand, the way home and to tracking, the language.
 * No session check (a public visitor has none, and asking would log a 401), no router.
 */
import type { ReactNode } from 'react';
import { commonMessages, useI18n, useMessages } from '../lib/i18n.tsx';

export function PublicShell({ children }: { children: ReactNode }) {
  const { language, setLanguage } = useI18n();
  const t = useMessages(commonMessages);
  return (
    <div className="page">
      <header className="masthead">
        <a href="/" className="brand">
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <circle cx="16" cy="16" r="14" fill="currentColor" />
            <circle cx="16" cy="16" r="6" fill="white" />
          </svg>
          <span>
            <strong>Netra</strong>
            <small>{t.tagline}</small>
          </span>
        </a>
        <nav className="nav" aria-label="Netra">
          <a href="/">{t.navHome}</a>
          <a href="/lacak">{t.navTrack}</a>
          <a href="/transparansi">{t.navTransparency}</a>
          <button type="button" className="link-button" onClick={() => setLanguage(language === 'id' ? 'en' : 'id')} lang={language === 'id' ? 'en' : 'id'}>
            {t.switchLanguage}
          </button>
        </nav>
      </header>
      <main className="content">{children}</main>
      <footer className="footer">{t.footer}</footer>
    </div>
  );
}
