/**
 * /konsol/akun: invite officers, change their role and scope with a reason, deactivate them, ask
 * for and approve second-factor resets (four eyes), and see who can act in a region.
 */
import { PERMISSION_ACTIONS, ROLE_CODES, ROLES } from '@netra/core/access/index';
import { useState, type FormEvent } from 'react';
import { DataTable, EmptyState, Field, FilterBar, Loaded, Notice, Options, PageSection, Pager } from '../../components/kit.ts';
import { apiSend, ApiRequestError, fieldErrors, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatInstant } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { messages } from './messages.ts';

type UserList = ApiResponse<'/users'>;
type User = UserList['items'][number];
type Invited = ApiResponse<'/users/invitations', 'post'>;
type Resets = ApiResponse<'/users/totp-resets'>;
type Coverage = ApiResponse<'/users/coverage'>;

const PAGE = 25;

function useTexts() {
  return { ...useMessages(commonMessages), ...useMessages(messages) };
}

function errorText(error: unknown, fallback: string) {
  return error instanceof ApiRequestError ? error.message : fallback;
}

/** A role menu; `Field` hands it the control's id and ARIA attributes, passed on to the select. */
function RoleSelect({ value, onChange, placeholder, ...control }: { value: string; onChange(value: string): void; placeholder?: string; id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) {
  const { language } = useI18n();
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      <Options placeholder={placeholder} items={ROLE_CODES.map((code) => ({ id: code, name: ROLES[code].label[language] }))} />
    </select>
  );
}

function InviteForm({ onInvited }: { onInvited(): void }) {
  const t = useTexts();
  const { language } = useI18n();
  const session = useSession();
  const [form, setForm] = useState({ email: '', name: '', role: 'bawaslu_regency', regionCode: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Invited | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    setResult(null);
    try {
      const body = { email: form.email.trim(), name: form.name.trim(), role: form.role, regionCode: form.regionCode.trim() || null };
      setResult(await apiSend<Invited>('POST', '/users/invitations', body, language, session.csrfToken));
      setForm({ email: '', name: '', role: form.role, regionCode: form.regionCode });
      onInvited();
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorText(e, t.loadError));
    } finally {
      setBusy(false);
    }
  }

  const until = result ? formatInstant(result.invitation.expiresAt, language) : '';
  return (
    <PageSection title={t.inviteTitle} id="undang">
      <form className="form" onSubmit={submit} noValidate>
        <Notice tone="error">{error}</Notice>
        <Field id="invite-email" label={t.email} error={errors.email}>
          <input type="email" value={form.email} onChange={(e) => set('email')(e.target.value)} />
        </Field>
        <Field id="invite-name" label={t.name} error={errors.name}>
          <input value={form.name} onChange={(e) => set('name')(e.target.value)} />
        </Field>
        <Field id="invite-role" label={t.role} error={errors.role}>
          <RoleSelect value={form.role} onChange={set('role')} />
        </Field>
        <Field id="invite-region" label={t.region} hint={t.regionHint} error={errors.regionCode}>
          <input value={form.regionCode} onChange={(e) => set('regionCode')(e.target.value)} size={8} />
        </Field>
        <button type="submit" disabled={busy}>
          {t.invite}
        </button>
      </form>
      {result && (
        <Notice>
          {result.invitation.link ? (
            <>
              {t.invitedManual(result.user.email, until)} <code className="mono" data-testid="invitation-link">{result.invitation.link}</code>
            </>
          ) : (
            t.invitedByEmail(result.user.email, until)
          )}
        </Notice>
      )}
    </PageSection>
  );
}

function AccessForm({ user, onDone }: { user: User; onDone(message: string | null): void }) {
  const t = useTexts();
  const { language } = useI18n();
  const session = useSession();
  const [role, setRole] = useState(user.role);
  const [regionCode, setRegionCode] = useState(user.regionCode ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await apiSend('POST', `/users/${user.id}/access`, { role, regionCode: regionCode.trim() || null, reason }, language, session.csrfToken);
      onDone(t.accessChanged);
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorText(e, t.loadError));
    }
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`${t.changeAccess} ${user.email}`}>
      <Notice tone="error">{error}</Notice>
      <Field id={`access-role-${user.id}`} label={t.role} error={errors.role}>
        <RoleSelect value={role} onChange={setRole} />
      </Field>
      <Field id={`access-region-${user.id}`} label={t.region} hint={t.regionHint} error={errors.regionCode}>
        <input value={regionCode} onChange={(e) => setRegionCode(e.target.value)} size={8} />
      </Field>
      <Field id={`access-reason-${user.id}`} label={t.reason} error={errors.reason}>
        <input value={reason} onChange={(e) => setReason(e.target.value)} size={40} />
      </Field>
      <button type="submit">{t.save}</button>{' '}
      <button type="button" className="secondary" onClick={() => onDone(null)}>
        {t.cancel}
      </button>
    </form>
  );
}

function UserRow({ user, onChange }: { user: User; onChange(message: string | null, error: string | null): void }) {
  const t = useTexts();
  const { language } = useI18n();
  const session = useSession();
  const [editing, setEditing] = useState<'access' | 'reset' | null>(null);
  const [reason, setReason] = useState('');
  const own = user.id === session.user?.id;

  async function act(path: string, body: unknown, message: string | null) {
    try {
      await apiSend('POST', `/users/${user.id}/${path}`, body, language, session.csrfToken);
      setEditing(null);
      onChange(message, null);
    } catch (e) {
      onChange(null, errorText(e, t.loadError));
    }
  }
  const status = !user.active ? t.statusInactive : user.passwordSet ? t.statusActive : t.statusInvited;
  return (
    <tr data-email={user.email}>
      <td>
        <strong>{user.name}</strong>
        <br />
        <span className="muted">{user.email}</span>
      </td>
      <td>{ROLES[user.role as keyof typeof ROLES]?.label[language] ?? user.role}</td>
      <td>{user.regionCode ?? t.national}</td>
      <td>{status}</td>
      <td>{user.totpEnabled ? t.on : t.off}</td>
      <td>
        {editing === 'access' ? (
          <AccessForm user={user} onDone={(message) => (setEditing(null), message && onChange(message, null))} />
        ) : editing === 'reset' ? (
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              void act('totp-reset', { reason }, t.resetRequested);
            }}
          >
            <Field id={`reset-reason-${user.id}`} label={t.reason}>
              <input value={reason} onChange={(e) => setReason(e.target.value)} size={40} />
            </Field>
            <button type="submit">{t.resetTotp}</button>{' '}
            <button type="button" className="secondary" onClick={() => setEditing(null)}>
              {t.cancel}
            </button>
          </form>
        ) : (
          !own && (
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setEditing('access')}>
                {t.changeAccess}
              </button>{' '}
              {!user.passwordSet && user.active && (
                <button type="button" className="secondary" onClick={() => act('invitation', {}, null)}>
                  {t.resend}
                </button>
              )}{' '}
              {user.totpEnabled && (
                <button type="button" className="secondary" onClick={() => setEditing('reset')}>
                  {t.resetTotp}
                </button>
              )}{' '}
              <button type="button" className="secondary" onClick={() => act('active', { active: !user.active }, null)}>
                {user.active ? t.deactivate : t.activate}
              </button>
            </div>
          )
        )}
      </td>
    </tr>
  );
}

function PendingResets({ version, onChange }: { version: number; onChange(message: string | null, error: string | null): void }) {
  const t = useTexts();
  const { language } = useI18n();
  const session = useSession();
  const [state, reload] = useApi<Resets>(`/users/totp-resets?v=${version}`, language);
  async function decide(id: string, approve: boolean) {
    try {
      await apiSend('POST', `/users/totp-resets/${id}/decision`, { approve }, language, session.csrfToken);
      reload();
      onChange(null, null);
    } catch (e) {
      onChange(null, errorText(e, t.loadError));
    }
  }
  return (
    <PageSection title={t.resetsTitle} id="reset">
      <p className="muted">{t.resetsLead}</p>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <DataTable
            rows={data.items}
            rowKey={(r) => r.id}
            empty={<EmptyState as="div">{t.noResets}</EmptyState>}
            columns={[
              { key: 'who', header: t.name, cell: (r) => `${r.name} (${r.email})` },
              { key: 'reason', header: t.reason, cell: (r) => r.reason },
              { key: 'by', header: t.requestedBy, cell: (r) => `${r.requestedByName} · ${formatInstant(r.requestedAt, language)}` },
              {
                key: 'decide',
                header: null,
                cell: (r) => (
                  <>
                    <button type="button" onClick={() => decide(r.id, true)}>
                      {t.approve}
                    </button>{' '}
                    <button type="button" className="secondary" onClick={() => decide(r.id, false)}>
                      {t.refuse}
                    </button>
                  </>
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </PageSection>
  );
}

function CoverageSection() {
  const t = useTexts();
  const { language } = useI18n();
  const [region, setRegion] = useState('');
  const [action, setAction] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [state, reload] = useApi<Coverage>(query, language);
  return (
    <PageSection title={t.coverageTitle} id="cakupan">
      <FilterBar
        submitLabel={t.show}
        onSubmit={() => {
          const params = new URLSearchParams({ region: region.trim(), limit: '200' });
          if (action) params.set('action', action);
          setQuery(`/users/coverage?${params}`);
        }}
      >
        <Field id="coverage-region" label={t.coverageRegion}>
          <input value={region} onChange={(e) => setRegion(e.target.value)} size={8} />
        </Field>
        <Field id="coverage-action" label={t.action}>
          <select value={action} onChange={(e) => setAction(e.target.value)}>
            <Options placeholder={t.anyAction} items={PERMISSION_ACTIONS.map((a) => ({ id: a, name: a }))} />
          </select>
        </Field>
      </FilterBar>
      {query && (
        <Loaded state={state} onRetry={reload}>
          {(data) => (
            <>
              <p className="muted">
                {t.coverageRoles}: {data.roles.map((r) => ROLES[r as keyof typeof ROLES]?.label[language] ?? r).join(', ')}
              </p>
              <DataTable
                rows={data.items}
                rowKey={(u) => u.id}
                empty={<EmptyState as="div">{t.noAccounts}</EmptyState>}
                columns={[
                  { key: 'name', header: t.name, cell: (u) => `${u.name} (${u.email})` },
                  { key: 'role', header: t.role, cell: (u) => ROLES[u.role as keyof typeof ROLES]?.label[language] ?? u.role },
                  { key: 'region', header: t.region, cell: (u) => u.regionCode ?? t.national },
                ]}
              />
            </>
          )}
        </Loaded>
      )}
    </PageSection>
  );
}

export function AccountsPage() {
  const t = useTexts();
  const { language } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset), v: String(version) });
  if (q) params.set('q', q);
  if (role) params.set('role', role);
  const [state, reload] = useApi<UserList>(`/users?${params}`, language);
  const changed = (message: string | null, err: string | null) => {
    setNotice(message);
    setError(err);
    if (!err) {
      setVersion((v) => v + 1);
      reload();
    }
  };

  return (
    <>
      <h1>{t.accountsTitle}</h1>
      <p className="lead">{t.accountsLead}</p>
      <InviteForm onInvited={() => changed(null, null)} />
      <PageSection title={t.listTitle} id="daftar-akun">
        <FilterBar submitLabel={t.filter} onSubmit={() => (setOffset(0), setQ(typed.trim()))}>
          <Field id="users-q" label={t.search}>
            <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </Field>
          <Field id="users-role" label={t.role}>
            <RoleSelect value={role} onChange={(v) => (setOffset(0), setRole(v))} placeholder={t.allRoles} />
          </Field>
        </FilterBar>
        <Notice>{notice}</Notice>
        <Notice tone="error">{error}</Notice>
        <Loaded state={state} onRetry={reload}>
          {(data) => (
            <>
              <DataTable
                rows={data.items}
                rowKey={(u) => u.id}
                renderRow={(u) => <UserRow user={u} onChange={changed} />}
                empty={<EmptyState as="div">{t.noAccounts}</EmptyState>}
                columns={[
                  { key: 'name', header: t.name },
                  { key: 'role', header: t.role },
                  { key: 'region', header: t.region },
                  { key: 'status', header: t.status },
                  { key: 'totp', header: t.twoFactor },
                  { key: 'actions', header: null },
                ]}
              />
              <Pager total={data.total} shown={data.items.length} limit={PAGE} offset={offset} onChange={setOffset} />
            </>
          )}
        </Loaded>
      </PageSection>
      <PendingResets version={version} onChange={changed} />
      <CoverageSection />
    </>
  );
}
