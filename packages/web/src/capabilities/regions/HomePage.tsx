import { Link, useLocation } from 'wouter';
import { RegionSearch } from './RegionSearch.tsx';
import { commonMessages, useMessages } from '../../lib/i18n.tsx';
import { messages } from './messages.ts';

export function HomePage() {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [, navigate] = useLocation();
  return (
    <section className="hero">
      <h1>{t.heroTitle}</h1>
      <p className="lead">{t.heroText}</p>
      <RegionSearch onSelect={(region) => navigate(`/wilayah/${region.code}`)} />
      <aside className="card report-cta">
        <p>{t.reportCta}</p>
        <a href="/lapor" className="button">
          {t.reportButton}
        </a>
      </aside>
      <aside className="card report-cta">
        <p>{t.transparencyCta}</p>
        <Link href="/transparansi" className="button">
          {t.transparencyButton}
        </Link>
      </aside>
    </section>
  );
}
