/**
 * /konsol/pemilihan: the elections console (issue 14). The list of elections and a form to create
 * one; each election's own page (ElectionAdminPage) sets its stages, regions and rulebook.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { DataTable, EmptyState, Field, Loaded, Notice, Options, PageSection, textFields, useFormSubmit } from '../../components/kit.ts';
import { apiSend, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatDate, localeOf } from '../../lib/format.ts';
import { useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { adminMessages } from './admin-messages.ts';

type ElectionList = ApiResponse<'/elections'>;

const EMPTY = { id: '', kind: 'pilkada', nameId: '', nameEn: '', votingDay: '', basis: '' };

function CreateElection() {
  const t = useMessages(adminMessages);
  const { language } = useI18n();
  const session = useSession();
  const [, navigate] = useLocation();
  const [form, setForm] = useState(EMPTY);
  const { busy, errors, failure, run } = useFormSubmit();
  const field = textFields('election', form, setForm, errors);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiSend('POST', '/elections', { ...form, id: form.id.trim() }, language, session.csrfToken);
      navigate(`/konsol/pemilihan/${encodeURIComponent(form.id.trim())}`);
    });
  };
  return (
    <details className="card kit-details">
      <summary>{t.create}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <Notice tone="error">{failure}</Notice>
        {field('id', t.idField)}
        <Field id="election-kind" label={t.kind} error={errors.kind}>
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            <Options items={Object.entries(t.kinds).map(([id, name]) => ({ id, name }))} />
          </select>
        </Field>
        {field('nameId', t.nameId)}
        {field('nameEn', t.nameEn)}
        {field('votingDay', t.votingDay, { type: 'date' })}
        {field('basis', t.basis)}
        <button type="submit" disabled={busy}>
          {t.create}
        </button>
      </form>
    </details>
  );
}

export function ElectionsAdminPage() {
  const t = useMessages(adminMessages);
  const { language } = useI18n();
  const [state, reload] = useApi<ElectionList>('/elections', language);
  return (
    <main className="container">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <CreateElection />
      <PageSection title={t.list}>
        <Loaded state={state} onRetry={reload}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState>{t.none}</EmptyState>
            ) : (
              <DataTable
                rows={data.items}
                rowKey={(e) => e.id}
                testId="elections"
                columns={[
                  { key: 'name', header: t.name, cell: (e) => <Link href={`/konsol/pemilihan/${e.id}`}>{e.name}</Link> },
                  { key: 'kind', header: t.kind, cell: (e) => t.kinds[e.kind] },
                  { key: 'votingDay', header: t.votingDay, cell: (e) => formatDate(e.votingDay, language), sortValue: (e) => e.votingDay },
                  { key: 'regions', header: t.regions, className: 'num', cell: (e) => e.regionCount.toLocaleString(localeOf(language)) },
                ]}
              />
            )
          }
        </Loaded>
      </PageSection>
    </main>
  );
}
