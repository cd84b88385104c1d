import { Link } from 'wouter';
import { LoadError } from '../../components/LoadError.tsx';
import { useApi } from '../../lib/api.ts';
import { commonMessages, formatDate, useI18n, useMessages } from '../../lib/i18n.tsx';
import type { AsnDetail } from './api.ts';
import { messages } from './messages.ts';
import './register.css';

/** A civil servant: current position, position history, and the reports and cases about them. */
export function AsnPage({ id }: { id: string }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [state, reload] = useApi<AsnDetail>(`/register/asn/${encodeURIComponent(id)}`, language);
  const date = (value: string | null) => (value ? formatDate(value, language) : t.unknownDate);

  if (state.status === 'loading') return <p className="muted">{t.loading}</p>;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  const a = state.data;
  return (
    <>
      <p>
        <Link href="/konsol/register">{t.back}</Link>
      </p>
      <h1>{a.name}</h1>
      <p className="lead mono">{a.nipFormatted}</p>
      <section className="card">
        <h2>{t.currentPosition}</h2>
        <dl className="reg-dl">
          <dt>{t.position}</dt>
          <dd>
            {a.positionTitle} ({a.positionTypeLabel}){a.grade ? `, ${a.grade}` : ''}
          </dd>
          <dt>{t.since}</dt>
          <dd>{date(a.positionStart)}</dd>
          <dt>{t.agency}</dt>
          <dd>{a.agencyName}</dd>
          <dt>{t.unit}</dt>
          <dd>{a.unitName ?? '—'}</dd>
          <dt>{t.region}</dt>
          <dd>
            {a.regionName} ({a.regionCode})
          </dd>
          <dt>{t.status}</dt>
          <dd>
            {a.kind.toUpperCase()}, {a.active ? t.active : t.inactive}
          </dd>
          <dt>{t.birthDate}</dt>
          <dd>{date(a.birthDate)}</dd>
          <dt>{t.gender}</dt>
          <dd>{a.gender === 'female' ? t.female : t.male}</dd>
          <dt>{t.lastUpdated}</dt>
          <dd>{formatDate(a.updatedAt.slice(0, 10), language)}</dd>
        </dl>
      </section>
      <section className="card">
        <h2>{t.positionHistory}</h2>
        {a.positions.length === 0 ? (
          <p className="muted">{t.noHistory}</p>
        ) : (
          <table className="reg-table">
            <thead>
              <tr>
                <th>{t.position}</th>
                <th>{t.agency}</th>
                <th>{t.period}</th>
              </tr>
            </thead>
            <tbody>
              {a.positions.map((p, i) => (
                <tr key={i}>
                  <td>
                    {p.positionTitle}
                    <span className="sub">
                      {p.positionTypeLabel}
                      {p.grade ? ` · ${p.grade}` : ''}
                    </span>
                  </td>
                  <td>
                    {p.agencyName}
                    {p.unitName && <span className="sub">{p.unitName}</span>}
                  </td>
                  <td>
                    {date(p.startedOn)} {t.until} {p.endedOn ? date(p.endedOn) : formatDate(p.endedAt.slice(0, 10), language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <h2>{t.reports}</h2>
        {a.reports.length === 0 ? (
          <p className="muted">{t.noReports}</p>
        ) : (
          <ul>
            {a.reports.map((r) => (
              <li key={r.id}>
                <Link href={`/konsol/laporan/${r.id}`}>{r.receiptNumber}</Link> · {formatDate(r.occurredOn, language)} · {r.caseNumber}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>{t.cases}</h2>
        {a.cases.length === 0 ? (
          <p className="muted">{t.noCases}</p>
        ) : (
          <ul>
            {a.cases.map((c) => (
              <li key={c.id}>
                <Link href={`/konsol/perkara/${c.id}`}>{c.number}</Link> · {c.state} · {t.receivedOn} {formatDate(c.receivedOn, language)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>{t.pledges}</h2>
        <p className="muted">{t.pledgesSoon}</p>
      </section>
    </>
  );
}
