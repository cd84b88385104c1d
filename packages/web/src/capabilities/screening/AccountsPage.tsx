/** /konsol/penapisan/akun: watched accounts, their ASN link proposals and links. */
import { useState, type FormEvent } from 'react';
import { DataTable, EmptyState, Field, FilterBar, Loaded, Notice, Options, Pager } from '../../components/kit.ts';
import { apiSend, ApiRequestError, useApi, type ApiResponse } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { can } from '@netra/core/access/permissions';
import type { Account, AccountList } from './api.ts';
import { messages } from './messages.ts';
import './screening.css';

const PAGE = 25;

function AccountRow({ account, canEdit, onChange }: { account: Account; canEdit: boolean; onChange(message: string | null, error: string | null): void }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [nip, setNip] = useState('');
  const [busy, setBusy] = useState(false);

  async function act(path: string, body: unknown = {}) {
    setBusy(true);
    try {
      await apiSend('POST', `/screening/accounts/${account.id}/${path}`, body, language, session.csrfToken);
      onChange(null, null);
    } catch (err) {
      onChange(null, err instanceof ApiRequestError ? err.message : t.loadError);
    } finally {
      setBusy(false);
    }
  }
  const link = (event: FormEvent) => {
    event.preventDefault();
    if (nip.trim()) void act('link', { asnNip: nip.trim() });
  };

  return (
    <tr>
      <td>
        <strong>@{account.handle}</strong> <span className="scr-meta">{account.platform}</span>
        {account.displayName && <span className="scr-meta"> · {account.displayName}</span>}
        {account.agencyHint && <span className="scr-meta"> · {account.agencyHint}</span>}
      </td>
      <td>{account.regionName}</td>
      <td>
        {account.postCount}
        {account.maxScore !== null && <span className="scr-meta"> · {account.maxScore}</span>}
      </td>
      <td>
        <span className={`scr-pill scr-pill-${account.linkStatus ?? 'none'}`}>{t.linkStatuses[account.linkStatus ?? 'none']}</span>
        {account.asn && (
          <span className="scr-meta">
            {' '}
            {account.asn.name} (NIP {account.asn.nip}){account.asn.agency && `, ${account.asn.agency}`}
            {account.linkStatus === 'proposed' && account.linkSimilarity !== null && ` · ${t.similarity(account.linkSimilarity)}`}
          </span>
        )}
      </td>
      {canEdit && (
        <td>
          <div className="scr-actions">
            {account.linkStatus === 'proposed' && (
              <>
                <button type="button" disabled={busy} onClick={() => act('link/confirm')}>
                  {t.confirmLink}
                </button>
                <button type="button" className="scr-secondary" disabled={busy} onClick={() => act('link/reject')}>
                  {t.rejectLink}
                </button>
              </>
            )}
            {account.linkStatus === 'confirmed' && (
              <button type="button" className="scr-secondary" disabled={busy} onClick={() => act('unlink')}>
                {t.unlink}
              </button>
            )}
            {account.linkStatus !== 'confirmed' && (
              <form onSubmit={link} className="scr-actions">
                <input aria-label={`${t.nip} @${account.handle}`} placeholder={t.nip} value={nip} onChange={(e) => setNip(e.target.value)} size={20} />
                <button type="submit" className="scr-secondary" disabled={busy}>
                  {t.link}
                </button>
              </form>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}

export function AccountsPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const canEdit = can(session.user!.role, 'screening.triage');
  const [linkStatus, setLinkStatus] = useState('');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  if (linkStatus) params.set('linkStatus', linkStatus);
  if (q) params.set('q', q);
  const [state, reload] = useApi<AccountList>(`/screening/accounts?${params}`, language);

  const changed = (message: string | null, err: string | null) => {
    setNotice(message);
    setError(err);
    if (!err) reload();
  };
  async function propose() {
    try {
      const { proposed } = await apiSend<ApiResponse<'/screening/accounts/propose-links', 'post'>>('POST', '/screening/accounts/propose-links', {}, language, session.csrfToken);
      changed(t.proposed(proposed), null);
    } catch (err) {
      changed(null, err instanceof ApiRequestError ? err.message : t.loadError);
    }
  }

  return (
    <>
      <h1>{t.accountsTitle}</h1>
      <p className="lead">{t.accountsLead}</p>
      <FilterBar
        className="scr-filters"
        submitLabel={t.filter}
        onSubmit={() => {
          setOffset(0);
          setQ(typed.trim());
        }}
        extra={
          canEdit && (
            <div>
              <button type="button" className="scr-secondary" onClick={propose}>
                {t.proposeLinks}
              </button>
            </div>
          )
        }
      >
        <Field id="acc-q" label={t.searchAccount}>
          <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </Field>
        <Field id="acc-link" label={t.linkStatus}>
          <select value={linkStatus} onChange={(e) => (setOffset(0), setLinkStatus(e.target.value))}>
            <Options placeholder={t.statuses.all} items={(['proposed', 'confirmed', 'none'] as const).map((s) => ({ id: s, name: t.linkStatuses[s] }))} />
          </select>
        </Field>
      </FilterBar>
      <Notice className="scr-note">{notice}</Notice>
      <Notice tone="error" className="scr-alert">{error}</Notice>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            {(
              <>
                <DataTable
                  className="scr-table"
                  scrollClassName="scr-scroll"
                  empty={
                    <EmptyState as="div" className="scr-empty">
                      {t.noAccounts}
                    </EmptyState>
                  }
                  rows={data.items}
                  rowKey={(a) => a.id}
                  renderRow={(a) => <AccountRow account={a} canEdit={canEdit} onChange={changed} />}
                  columns={[
                    { key: 'account', header: t.account },
                    { key: 'region', header: t.region },
                    {
                      key: 'posts',
                      header: (
                        <>
                          {t.posts} · {t.maxScore}
                        </>
                      ),
                    },
                    { key: 'link', header: t.linkStatus },
                    canEdit && { key: 'actions', header: null },
                  ]}
                />
                <Pager className="scr-pager" buttonClassName="scr-secondary" total={data.total} shown={data.items.length} limit={PAGE} offset={offset} onChange={setOffset} />
              </>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
