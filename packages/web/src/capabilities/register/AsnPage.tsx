import { Link } from 'wouter';
import { DataTable, LoadError, PageSection } from '../../components/kit.ts';
import { useApi } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import type { AsnDetail } from './api.ts';
import { AgencyCell, PositionCell } from './cells.tsx';
import { messages } from './messages.ts';
import './register.css';
import { HoldBadge } from '../retention/HoldBadge.tsx';

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
      <HoldBadge on={{ asnId: a.id }} />
      <p className="lead mono">{a.nipFormatted}</p>
      <PageSection className="card" title={t.currentPosition}>
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
      </PageSection>
      <PageSection className="card" title={t.positionHistory}>
        <DataTable
          className="reg-table"
          scrollClassName={null}
          empty={<p className="muted">{t.noHistory}</p>}
          rows={a.positions}
          rowKey={(_, i) => i}
          columns={[
            { key: 'position', header: t.position, cell: (p) => <PositionCell {...p} /> },
            { key: 'agency', header: t.agency, cell: (p) => <AgencyCell {...p} /> },
            {
              key: 'period',
              header: t.period,
              cell: (p) => (
                <>
                  {date(p.startedOn)} {t.until} {p.endedOn ? date(p.endedOn) : formatDate(p.endedAt.slice(0, 10), language)}
                </>
              ),
            },
          ]}
        />
      </PageSection>
      <PageSection className="card" title={t.reports}>
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
      </PageSection>
      <PageSection className="card" title={t.cases}>
        {a.cases.length === 0 ? (
          <p className="muted">{t.noCases}</p>
        ) : (
          <ul>
            {a.cases.map((c) => (
              <li key={c.id}>
                <Link href={`/konsol/perkara/${c.id}`}>{c.number}</Link> · {c.stateLabel} · {t.receivedOn} {formatDate(c.receivedOn, language)}
                {c.sanctioned && ` · ${t.sanctioned}`}
              </li>
            ))}
          </ul>
        )}
      </PageSection>
      <PageSection className="card" title={t.pledges}>
        {a.pledges.length === 0 ? (
          <p className="muted">{t.noPledges}</p>
        ) : (
          <ul data-testid="asn-pledges">
            {a.pledges.map((p) => (
              <li key={p.electionId}>{t.pledgeLine(p.electionName, formatDate(p.signedOn, language))}</li>
            ))}
          </ul>
        )}
      </PageSection>
      <PageSection className="card" title={t.siasnBlocks}>
        {a.siasnBlocks.length === 0 ? (
          <p className="muted">{t.noSiasnBlocks}</p>
        ) : (
          <ul data-testid="asn-siasn-blocks">
            {a.siasnBlocks.map((b) => (
              <li key={b.id} data-status={b.status}>
                <Link href={`/konsol/perkara/${b.caseId}`}>{t.blockLine(b.statusLabel, b.caseNumber)}</Link>
                {b.status === 'imposed' && b.imposedReference && ` · ${t.blockImposed(b.imposedReference, formatDate(b.imposedOn ?? '', language))}`}
                {b.status === 'lifted' && b.liftReason && ` · ${b.liftReason}`}
              </li>
            ))}
          </ul>
        )}
      </PageSection>
    </>
  );
}
