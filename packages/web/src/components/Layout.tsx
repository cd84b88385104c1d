import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { commonMessages, useMessages } from '../lib/i18n.tsx';
import { BrandMark, LanguageSwitch } from './BrandMark.tsx';
import { useSession } from '../lib/session.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const t = useMessages(commonMessages);
  const session = useSession();
  return (
    <div className="page">
      <header className="masthead">
        <Link href="/" className="brand">
          <BrandMark />
        </Link>
        <nav className="nav">
          <Link href="/">{t.navHome}</Link>
          <Link href="/lapor">{t.navReport}</Link>
          <Link href="/lacak">{t.navTrack}</Link>
          <Link href="/nip">{t.navNip}</Link>
          <a href="/api/v1/docs">{t.navApi}</a>
          <Link href={session.ready ? '/konsol' : '/masuk'}>{session.ready ? t.navConsole : t.navSignIn}</Link>
          <LanguageSwitch />
        </nav>
      </header>
      <main className="content">{children}</main>
      <footer className="footer">{t.footer}</footer>
    </div>
  );
}
