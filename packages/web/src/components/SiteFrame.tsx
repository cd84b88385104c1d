/**
 * The public frame shared by the full site (Layout, with the router) and the light public report
 * page (PublicShell, without it): masthead with the brand and the language switch, content, footer.
 * Each passes its own links (router links or plain anchors).
 */
import type { ReactNode } from 'react';
import { commonMessages, useI18n, useMessages } from '../lib/i18n.tsx';

/** `brand` is a link wrapping <BrandMark />; `links` are the navigation's entries. */
export function SiteFrame({ brand, links, navLabel, children }: { brand: ReactNode; links: ReactNode; navLabel?: string; children: ReactNode }) {
  const t = useMessages(commonMessages);
  return (
    <div className="page">
      <header className="masthead">
        {brand}
        <nav className="nav" aria-label={navLabel}>
          {links}
          <LanguageSwitch />
        </nav>
      </header>
      <main className="content">{children}</main>
      <footer className="footer">{t.footer}</footer>
    </div>
  );
}

export function BrandMark() {
  const t = useMessages(commonMessages);
  return (
    <>
      <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
        <circle cx="16" cy="16" r="14" fill="currentColor" />
        <circle cx="16" cy="16" r="6" fill="white" />
      </svg>
      <span>
        <strong>Netra</strong>
        <small>{t.tagline}</small>
      </span>
    </>
  );
}

function LanguageSwitch() {
  const { language, setLanguage } = useI18n();
  const t = useMessages(commonMessages);
  return (
    <button type="button" className="link-button" onClick={() => setLanguage(language === 'id' ? 'en' : 'id')} lang={language === 'id' ? 'en' : 'id'}>
      {t.switchLanguage}
    </button>
  );
}
