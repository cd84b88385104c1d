/**
 * The frame of the light public pages: the brand, the way home and to tracking, the language.
 * No session check (a public visitor has none, and asking would log a 401), no router.
 */
import type { ReactNode } from 'react';
import { BrandMark, SiteFrame } from '../components/SiteFrame.tsx';
import { commonMessages, useMessages } from '../lib/i18n.tsx';

export function PublicShell({ children }: { children: ReactNode }) {
  const t = useMessages(commonMessages);
  return (
    <SiteFrame
      navLabel="Netra"
      brand={
        <a href="/" className="brand">
          <BrandMark />
        </a>
      }
      links={
        <>
          <a href="/">{t.navHome}</a>
          <a href="/lacak">{t.navTrack}</a>
          <a href="/transparansi">{t.navTransparency}</a>
        </>
      }
    >
      {children}
    </SiteFrame>
  );
}
