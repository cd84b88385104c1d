/**
 * The frame of the light public pages: the brand, the way home and to tracking, the language.
 * No session check (a public visitor has none, and asking would log a 401), no router.
 */
import type { ReactNode } from 'react';
import { BrandMark, LanguageSwitch } from '../components/BrandMark.tsx';
import { commonMessages, useMessages } from '../lib/i18n.tsx';

export function PublicShell({ children }: { children: ReactNode }) {
  const t = useMessages(commonMessages);
  return (
    <div className="page">
      <header className="masthead">
        <a href="/" className="brand">
          <BrandMark />
        </a>
        <nav className="nav" aria-label="Netra">
          <a href="/">{t.navHome}</a>
          <a href="/lacak">{t.navTrack}</a>
          <a href="/transparansi">{t.navTransparency}</a>
          <LanguageSwitch />
        </nav>
      </header>
      <main className="content">{children}</main>
      <footer className="footer">{t.footer}</footer>
    </div>
  );
}
