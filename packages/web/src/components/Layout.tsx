import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { commonMessages, useMessages } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { BrandMark, SiteFrame } from './SiteFrame.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const t = useMessages(commonMessages);
  const session = useSession();
  return (
    <SiteFrame
      brand={
        <Link href="/" className="brand">
          <BrandMark />
        </Link>
      }
      links={
        <>
          <Link href="/">{t.navHome}</Link>
          <Link href="/lapor">{t.navReport}</Link>
          <Link href="/lacak">{t.navTrack}</Link>
          <Link href="/nip">{t.navNip}</Link>
          <a href="/api/v1/docs">{t.navApi}</a>
          <Link href={session.ready ? '/konsol' : '/masuk'}>{session.ready ? t.navConsole : t.navSignIn}</Link>
        </>
      }
    >
      {children}
    </SiteFrame>
  );
}
