import { POSITION_TYPES } from '@netra/core/register/vocabulary';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { LoadError } from '../../components/LoadError.tsx';
import { useApi } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import type { Agency, AsnSummary } from './api.ts';
import { messages } from './messages.ts';
import { Pager } from './Pager.tsx';
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
  const [state, reload] = useApi<{ total: number; totalCapped: boolean; items: AsnSummary[] }>(queryOf(filters, offset), language);
  const [agencies] = useApi<{ items: Agency[] }>('/register/agencies?limit=200', language);
  const filtered = Object.values(filters).some((v) => v.trim() !== '');
  const format = (n: number) => n.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setFilters(draft);
  };
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });

  return (
    <>
      <h1>{t.searchTitle}</h1>
      <p className="lead">{t.searchLead}</p>
      <form className="reg-filters" onSubmit={submit} role="search">
        <div>
          <label htmlFor="reg-nip">{t.nip}</label>
          <input id="reg-nip" inputMode="numeric" value={draft.nip} onChange={set('nip')} placeholder="19860926 201505 1 001" aria-describedby="reg-nip-hint" />
          <span id="reg-nip-hint" className="muted" style={{ fontSize: '0.8rem' }}>
            {t.nipHint}
          </span>
        </div>
        <div>
          <label htmlFor="reg-q">{t.name}</label>
          <input id="reg-q" value={draft.q} onChange={set('q')} />
        </div>
        <div>
          <label htmlFor="reg-agency">{t.agency}</label>
          <select id="reg-agency" value={draft.agencyId} onChange={set('agencyId')}>
            <option value="">{t.allAgencies}</option>
            {agencies.status === 'ready' &&
              agencies.data.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
          </select>
        </div>
        <div>
          <label htmlFor="reg-type">{t.positionType}</label>
          <select id="reg-type" value={draft.positionType} onChange={set('positionType')}>
            <option value="">{t.allPositionTypes}</option>
            {POSITION_TYPES.map((p) => (
              <option key={p.code} value={p.code}>
                {p.label[language]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="reg-position">{t.position}</label>
          <input id="reg-position" value={draft.position} onChange={set('position')} />
        </div>
        <div className="reg-actions">
          <button type="submit">{t.search}</button>
          <button
            type="button"
            className="reg-secondary"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
              setOffset(0);
            }}
          >
            {t.reset}
          </button>
        </div>
      </form>
      {state.status === 'loading' && <p className="muted">{t.loading}</p>}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data.items.length === 0 && <p className="reg-empty">{filtered ? t.noResults : t.emptyRegister}</p>}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <>
          <p className="muted" role="status">
            {t.results(
              `${format(offset + 1)}–${format(offset + state.data.items.length)}`,
              state.data.totalCapped ? t.moreThan(format(state.data.total)) : format(state.data.total),
            )}
          </p>
          <div className="reg-scroll">
            <table className="reg-table">
              <thead>
                <tr>
                  <th>{t.name}</th>
                  <th>{t.position}</th>
                  <th>{t.agency}</th>
                  <th>{t.region}</th>
                  <th>{t.status}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link href={`/konsol/register/asn/${a.id}`}>{a.name}</Link>
                      <span className="sub mono">{a.nip}</span>
                    </td>
                    <td>
                      {a.positionTitle}
                      <span className="sub">
                        {a.positionTypeLabel}
                        {a.grade ? ` · ${a.grade}` : ''}
                      </span>
                    </td>
                    <td>
                      {a.agencyName}
                      {a.unitName && <span className="sub">{a.unitName}</span>}
                    </td>
                    <td>{a.regionName}</td>
                    <td>
                      {a.kind.toUpperCase()}
                      <span className="sub">{a.active ? t.active : t.inactive}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={state.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        </>
      )}
    </>
  );
}
