import { POSITION_TYPES } from '@netra/core/register/vocabulary';
import { useState } from 'react';
import { Link } from 'wouter';
import { DataTable, EmptyState, ExportButtons, Field, FilterBar, Loaded, Options, Pager } from '../../components/kit.ts';
import { useApi } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import type { AgencyList, AsnList } from './api.ts';
import { AgencyCell, PositionCell } from './cells.tsx';
import { messages } from './messages.ts';
import './register.css';

const LIMIT = 25;

interface Filters {
  nip: string;
  q: string;
  agencyId: string;
  positionType: string;
  position: string;
}

const EMPTY: Filters = { nip: '', q: '', agencyId: '', positionType: '', position: '' };

function queryOf(filters: Filters, offset: number): string {
  const params = new URLSearchParams({ limit: String(LIMIT), offset: String(offset) });
  for (const [key, value] of Object.entries(filters)) if (value.trim()) params.set(key, value.trim());
  return `/register/asn?${params}`;
}

export function RegisterSearchPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [state, reload] = useApi<AsnList>(queryOf(filters, offset), language);
  const [agencies] = useApi<AgencyList>('/register/agencies?limit=200', language);
  const filtered = Object.values(filters).some((v) => v.trim() !== '');
  const count = (n: number) => formatCount(n, language);
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const apply = (next: Filters) => {
    setOffset(0);
    setFilters(next);
  };

  return (
    <>
      <h1>{t.searchTitle}</h1>
      <p className="lead">{t.searchLead}</p>
      <ExportButtons source="register" filter={{ ...filters }} what={t.searchTitle} />
      <FilterBar
        className="reg-filters"
        actionsClassName="reg-actions"
        resetClassName="reg-secondary"
        submitLabel={t.search}
        resetLabel={t.reset}
        onSubmit={() => apply(draft)}
        onReset={() => {
          setDraft(EMPTY);
          apply(EMPTY);
        }}
      >
        <Field id="reg-nip" label={t.nip} hint={t.nipHint}>
          <input inputMode="numeric" value={draft.nip} onChange={set('nip')} placeholder="19860926 201505 1 001" />
        </Field>
        <Field id="reg-q" label={t.name}>
          <input value={draft.q} onChange={set('q')} />
        </Field>
        <Field id="reg-agency" label={t.agency}>
          <select value={draft.agencyId} onChange={set('agencyId')}>
            <Options placeholder={t.allAgencies} items={agencies.status === 'ready' ? agencies.data.items : []} />
          </select>
        </Field>
        <Field id="reg-type" label={t.positionType}>
          <select value={draft.positionType} onChange={set('positionType')}>
            <Options placeholder={t.allPositionTypes} items={POSITION_TYPES.map((p) => ({ id: p.code, name: p.label[language] }))} />
          </select>
        </Field>
        <Field id="reg-position" label={t.position}>
          <input value={draft.position} onChange={set('position')} />
        </Field>
      </FilterBar>
      <Loaded state={state} onRetry={reload}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState className="reg-empty">{filtered ? t.noResults : t.emptyRegister}</EmptyState>
          ) : (
            <>
              <p className="muted" role="status">
                {t.results(`${count(offset + 1)}–${count(offset + data.items.length)}`, data.totalCapped ? t.moreThan(count(data.total)) : count(data.total))}
              </p>
              <DataTable
                className="reg-table"
                scrollClassName="reg-scroll"
                rows={data.items}
                rowKey={(a) => a.id}
                columns={[
                  {
                    key: 'name',
                    header: t.name,
                    cell: (a) => (
                      <>
                        <Link href={`/konsol/register/asn/${a.id}`}>{a.name}</Link>
                        <span className="sub mono">{a.nip}</span>
                      </>
                    ),
                  },
                  { key: 'position', header: t.position, cell: (a) => <PositionCell {...a} /> },
                  { key: 'agency', header: t.agency, cell: (a) => <AgencyCell agencyName={a.agencyName} unitName={a.unitName} /> },
                  { key: 'region', header: t.region, cell: (a) => a.regionName },
                  {
                    key: 'status',
                    header: t.status,
                    cell: (a) => (
                      <>
                        {a.kind.toUpperCase()}
                        <span className="sub">{a.active ? t.active : t.inactive}</span>
                      </>
                    ),
                  },
                ]}
              />
              <Pager className="reg-pager" total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
            </>
          )
        }
      </Loaded>
    </>
  );
}
