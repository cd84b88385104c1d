import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { commonMessages, useI18n, useMessages } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { language, setLanguage } = useI18n();
  const t = useMessages(commonMessages);
  const session = useSession();
  return (
    <div className="page">
      <header className="masthead">
        <Link href="/" className="brand">
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <circle cx="16" cy="16" r="14" fill="currentColor" />
            <circle cx="16" cy="16" r="6" fill="white" />
          </svg>
          <span>
            <strong>Netra</strong>
            <small>{t.tagline}</small>
          </span>
        </Link>
        <nav className="nav">
          <Link href="/">{t.navHome}</Link>
          <Link href="/lapor">{t.navReport}</Link>
          <Link href="/lacak">{t.navTrack}</Link>
          <Link href="/nip">{t.navNip}</Link>
          <a href="/api/v1/docs">{t.navApi}</a>
          <Link href={session.ready ? '/konsol' : '/masuk'}>{session.ready ? t.navConsole : t.navSignIn}</Link>
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
