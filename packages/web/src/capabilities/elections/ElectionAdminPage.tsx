/**
 * /konsol/pemilihan/:id: one election's stages and dates, participating regions (CSV import with
 * the rejected rows shown), its rulebook as an editable form saved as a new version with its
 * reason and regulation, and the history of versions.
 */
import { DEADLINE_FIELDS } from '@netra/core/rulebook/validate';
import { STAGE_CODES, STAGE_DEFAULTS } from '@netra/core/rulebook/stages';
import { cloneElement, useState, type FormEvent, type ReactElement } from 'react';
import { Link } from 'wouter';
import { DataTable, EmptyState, ImportPanel, Loaded, Notice, Options, PageSection, Pager, RowImportResult, useFormSubmit, type RowImportSummary } from '../../components/kit.ts';
import { apiSend, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatDate, formatInstant } from '../../lib/format.ts';
import { useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { adminMessages } from './admin-messages.ts';

type Detail = ApiResponse<'/elections/{id}'>;
type Rulebook = Detail['rulebook'];
type Versions = ApiResponse<'/elections/{id}/rulebook/versions'>;
type StageRow = { code: string; nameId: string; nameEn: string; start: string; end: string; critical: boolean; basis: string };

const REGION_PAGE = 20;
const VERSION_PAGE = 10;
const LEVELS = ['none', 'light', 'moderate', 'heavy', 'dismissal'] as const;

/** A cell's control named for screen readers (the column header names it on screen), with its server error under it (errors keyed like `stages.2.end`). */
function Cell({ label, error, children }: { label: string; error?: string; children: ReactElement<{ 'aria-label'?: string; 'aria-invalid'?: boolean }> }) {
  return (
    <>
      {cloneElement(children, { 'aria-label': label, 'aria-invalid': error ? true : undefined })}
      {error && <span className="field-error">{error}</span>}
    </>
  );
}

function StagesEditor({ detail, onSaved }: { detail: Detail; onSaved(message: string): void }) {
  const t = useMessages(adminMessages);
  const { language } = useI18n();
  const session = useSession();
  const [rows, setRows] = useState<StageRow[]>(() => detail.stages.map((s) => ({ code: s.code, nameId: STAGE_DEFAULTS[s.code as keyof typeof STAGE_DEFAULTS]?.name.id ?? s.name, nameEn: STAGE_DEFAULTS[s.code as keyof typeof STAGE_DEFAULTS]?.name.en ?? s.name, start: s.start, end: s.end, critical: s.critical, basis: s.basis })));
  const { busy, errors, failure, run } = useFormSubmit();
  const set = (index: number, patch: Partial<StageRow>) => setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const addStage = () => {
    const code = STAGE_CODES.find((c) => !rows.some((r) => r.code === c)) ?? STAGE_CODES[0]!;
    const d = STAGE_DEFAULTS[code];
    setRows([...rows, { code, nameId: d.name.id, nameEn: d.name.en, start: detail.votingDay, end: detail.votingDay, critical: d.critical, basis: detail.basis }]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiSend('PUT', `/elections/${detail.id}/stages`, { stages: rows }, language, session.csrfToken);
      onSaved(t.saved);
    });
  };
  return (
    <PageSection title={t.stages} id="tahapan">
      <form onSubmit={submit} noValidate>
        <Notice tone="error">{failure ?? errors.stages}</Notice>
        <DataTable
          rows={rows.map((row, index) => ({ row, index }))}
          rowKey={(r) => r.index}
          testId="stages"
          columns={[
            {
              key: 'code',
              header: t.stage,
              cell: ({ row, index }) => (
                <Cell label={t.stage} error={errors[`stages.${index}.code`]}>
                  <select
                    value={row.code}
                    onChange={(e) => {
                      const d = STAGE_DEFAULTS[e.target.value as keyof typeof STAGE_DEFAULTS];
                      set(index, { code: e.target.value, nameId: d.name.id, nameEn: d.name.en, critical: d.critical });
                    }}
                  >
                    <Options items={STAGE_CODES.map((c) => ({ id: c, name: STAGE_DEFAULTS[c].name[language] }))} />
                  </select>
                </Cell>
              ),
            },
            { key: 'start', header: t.start, cell: ({ row, index }) => <Cell label={t.start} error={errors[`stages.${index}.start`]}><input type="date" value={row.start} onChange={(e) => set(index, { start: e.target.value })} /></Cell> },
            { key: 'end', header: t.end, cell: ({ row, index }) => <Cell label={t.end} error={errors[`stages.${index}.end`]}><input type="date" value={row.end} onChange={(e) => set(index, { end: e.target.value })} /></Cell> },
            { key: 'critical', header: t.critical, cell: ({ row, index }) => <input type="checkbox" aria-label={t.critical} checked={row.critical} onChange={(e) => set(index, { critical: e.target.checked })} /> },
            { key: 'basis', header: t.basis, cell: ({ row, index }) => <Cell label={t.basis} error={errors[`stages.${index}.basis`]}><input value={row.basis} onChange={(e) => set(index, { basis: e.target.value })} /></Cell> },
            { key: 'remove', header: '', cell: ({ index }) => <button type="button" className="secondary" onClick={() => setRows(rows.filter((_, i) => i !== index))}>{t.remove}</button> },
          ]}
        />
        <p>
          <button type="button" className="secondary" onClick={addStage}>
            {t.addStage}
          </button>{' '}
          <button type="submit" disabled={busy}>
            {t.saveStages}
          </button>
        </p>
      </form>
    </PageSection>
  );
}

function RegionsSection({ detail, lastImport, onImported, onChanged }: { detail: Detail; lastImport: RowImportSummary | null; onImported(summary: RowImportSummary): void; onChanged(): void }) {
  const t = useMessages(adminMessages);
  const { language } = useI18n();
  const session = useSession();
  const [offset, setOffset] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const remove = async (code: string) => {
    setFailure(null);
    try {
      await apiSend('DELETE', `/elections/${detail.id}/regions/${code}`, undefined, language, session.csrfToken);
      onChanged();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <PageSection title={t.participating(detail.regionCount)} id="wilayah">
      <ImportPanel<RowImportSummary>
        endpoint={`/elections/${detail.id}/regions/import`}
        inputId="regions-file"
        fileLabel={t.regionsFile}
        title={t.importRegions}
        help={t.regionsHelp}
        onDone={onImported}
      >
        {() => null}
      </ImportPanel>
      {lastImport && (
        <div role="status" data-testid="regions-import-result">
          <RowImportResult summary={lastImport} />
        </div>
      )}
      <Notice tone="error">{failure}</Notice>
      {detail.regions.length === 0 ? (
        <EmptyState>{t.noRegions}</EmptyState>
      ) : (
        <>
          <DataTable
            rows={detail.regions.slice(offset, offset + REGION_PAGE)}
            rowKey={(r) => r.code}
            testId="election-regions"
            columns={[
              { key: 'code', header: t.code, cellClassName: 'mono', cell: (r) => r.code },
              { key: 'name', header: t.name, cell: (r) => r.name },
              { key: 'remove', header: '', cell: (r) => <button type="button" className="secondary" onClick={() => void remove(r.code)}>{t.remove}</button> },
            ]}
          />
          <Pager total={detail.regions.length} limit={REGION_PAGE} offset={offset} onChange={setOffset} />
        </>
      )}
    </PageSection>
  );
}

function RulebookEditor({ detail, onSaved }: { detail: Detail; onSaved(message: string): void }) {
  const t = useMessages(adminMessages);
  const { language } = useI18n();
  const session = useSession();
  const [rb, setRb] = useState<Rulebook>(() => structuredClone(detail.rulebook));
  const [reason, setReason] = useState('');
  const [regulation, setRegulation] = useState('');
  const { busy, errors, failure, run } = useFormSubmit();
  const err = (key: string) => errors[`rulebook.${key}`];
  const patch = (next: Partial<Rulebook>) => setRb({ ...rb, ...next });
  type DeadlineKey = (typeof DEADLINE_FIELDS)[number];
  const setDeadline = (key: DeadlineKey, next: Partial<Rulebook['review']>) => patch({ [key]: { ...rb[key]!, ...next } } as Partial<Rulebook>);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const saved = await apiSend<{ version: number }>('POST', `/elections/${detail.id}/rulebook`, { rulebook: rb, reason, regulation }, language, session.csrfToken);
      onSaved(t.versionSaved(saved.version));
    });
  };
  const matrix = rb.sanctionMatrix;
  const candidacy = rb.candidacy;
  return (
    <PageSection title={t.rulebook(detail.rulebookVersion)} id="buku-aturan">
      <p className="hint">{t.rulebookLead}</p>
      <form onSubmit={submit} noValidate aria-label={t.rulebook(detail.rulebookVersion)}>
        <h3>{t.deadlines}</h3>
        <DataTable
          rows={DEADLINE_FIELDS.filter((key) => rb[key])}
          rowKey={(key) => key}
          testId="rulebook-deadlines"
          columns={[
            { key: 'name', header: '', cell: (key) => t.deadlineNames[key] },
            { key: 'days', header: t.days, cell: (key) => <Cell label={`${t.deadlineNames[key]}: ${t.days}`} error={err(`${key}.days`)}><input type="number" min={1} max={90} value={rb[key]!.days} onChange={(e) => setDeadline(key, { days: Number(e.target.value) })} /></Cell> },
            {
              key: 'counting',
              header: t.counting,
              cell: (key) => (
                <select aria-label={`${t.deadlineNames[key]}: ${t.counting}`} value={rb[key]!.counting} onChange={(e) => setDeadline(key, { counting: e.target.value as 'calendar' | 'working' })}>
                  <Options items={Object.entries(t.countings).map(([id, name]) => ({ id, name }))} />
                </select>
              ),
            },
            { key: 'unsure', header: t.unsure, cell: (key) => <input type="checkbox" aria-label={`${t.deadlineNames[key]}: ${t.unsure}`} checked={rb[key]!.unsure ?? false} onChange={(e) => setDeadline(key, { unsure: e.target.checked })} /> },
            { key: 'basis', header: t.basis, cell: (key) => <Cell label={`${t.deadlineNames[key]}: ${t.basis}`} error={err(`${key}.basis`)}><input value={rb[key]!.basis} onChange={(e) => setDeadline(key, { basis: e.target.value })} /></Cell> },
          ]}
        />

        <h3>{t.recipients}</h3>
        <Notice tone="error">{err('recommendationRecipients')}</Notice>
        <DataTable
          rows={rb.recommendationRecipients.map((p, index) => ({ p, index }))}
          rowKey={(r) => r.index}
          columns={[
            {
              key: 'recipient',
              header: t.recipient,
              cell: ({ p, index }) => (
                <select aria-label={t.recipient} value={p.recipient} onChange={(e) => patch({ recommendationRecipients: rb.recommendationRecipients.map((x, i) => (i === index ? { ...x, recipient: e.target.value as 'BKN' | 'KASN' } : x)) })}>
                  <Options items={[{ id: 'KASN', name: 'KASN' }, { id: 'BKN', name: 'BKN' }]} />
                </select>
              ),
            },
            ...(['from', 'to'] as const).map((end) => ({
              key: end,
              header: t[end],
              cell: ({ p, index }: { p: Rulebook['recommendationRecipients'][number]; index: number }) => (
                <Cell label={t[end]} error={err(`recommendationRecipients.${index}.${end}`)}>
                  <input type="date" value={p[end] ?? ''} onChange={(e) => patch({ recommendationRecipients: rb.recommendationRecipients.map((x, i) => (i === index ? { ...x, [end]: e.target.value || null } : x)) })} />
                </Cell>
              ),
            })),
            { key: 'basis', header: t.basis, cell: ({ p, index }) => <Cell label={t.basis} error={err(`recommendationRecipients.${index}.basis`)}><input value={p.basis} onChange={(e) => patch({ recommendationRecipients: rb.recommendationRecipients.map((x, i) => (i === index ? { ...x, basis: e.target.value } : x)) })} /></Cell> },
            { key: 'remove', header: '', cell: ({ index }) => <button type="button" className="secondary" onClick={() => patch({ recommendationRecipients: rb.recommendationRecipients.filter((_, i) => i !== index) })}>{t.remove}</button> },
          ]}
        />
        <button type="button" className="secondary" onClick={() => patch({ recommendationRecipients: [...rb.recommendationRecipients, { recipient: 'BKN', from: null, to: null, basis: '' }] })}>
          {t.addPeriod}
        </button>

        <h3>{t.daysOff}</h3>
        <DataTable
          rows={rb.extraNonWorkingDays.map((d, index) => ({ d, index }))}
          rowKey={(r) => r.index}
          testId="rulebook-days-off"
          columns={[
            { key: 'date', header: t.date, cell: ({ d, index }) => <Cell label={t.date} error={err(`extraNonWorkingDays.${index}.date`)}><input type="date" value={d.date} onChange={(e) => patch({ extraNonWorkingDays: rb.extraNonWorkingDays.map((x, i) => (i === index ? { ...x, date: e.target.value } : x)) })} /></Cell> },
            { key: 'reason', header: t.reason, cell: ({ d, index }) => <Cell label={t.reason} error={err(`extraNonWorkingDays.${index}.reason`)}><input value={d.reason} onChange={(e) => patch({ extraNonWorkingDays: rb.extraNonWorkingDays.map((x, i) => (i === index ? { ...x, reason: e.target.value } : x)) })} /></Cell> },
            { key: 'basis', header: t.basis, cell: ({ d, index }) => <Cell label={t.basis}><input value={d.basis ?? ''} onChange={(e) => patch({ extraNonWorkingDays: rb.extraNonWorkingDays.map((x, i) => (i === index ? { ...x, basis: e.target.value } : x)) })} /></Cell> },
            { key: 'remove', header: '', cell: ({ index }) => <button type="button" className="secondary" onClick={() => patch({ extraNonWorkingDays: rb.extraNonWorkingDays.filter((_, i) => i !== index) })}>{t.remove}</button> },
          ]}
        />
        <button type="button" className="secondary" onClick={() => patch({ extraNonWorkingDays: [...rb.extraNonWorkingDays, { date: '', reason: '', basis: '' }] })}>
          {t.addDay}
        </button>

        <p>
          <label>
            <input type="checkbox" checked={rb.fourEyes?.findings ?? true} onChange={(e) => patch({ fourEyes: { basis: rb.fourEyes?.basis ?? '-', findings: e.target.checked } })} /> {t.fourEyes}
          </label>
        </p>

        {matrix && (
          <>
            <h3>{t.matrix}</h3>
            <Notice tone="error">{err('sanctionMatrix.acts')}</Notice>
            <DataTable
              rows={matrix.acts.map((a, index) => ({ a, index }))}
              rowKey={(r) => r.a.code}
              testId="rulebook-matrix"
              columns={[
                { key: 'act', header: t.act, cell: ({ a }) => <span title={a.description[language]}>{a.code}</span> },
                { key: 'desc', header: '', cell: ({ a }) => a.description[language] },
                {
                  key: 'level',
                  header: t.level,
                  cell: ({ a, index }) => (
                    <select aria-label={`${a.code}: ${t.level}`} value={a.discipline} onChange={(e) => patch({ sanctionMatrix: { ...matrix, acts: matrix.acts.map((x, i) => (i === index ? { ...x, discipline: e.target.value as (typeof LEVELS)[number] } : x)) } })}>
                      <Options items={LEVELS.map((l) => ({ id: l, name: t.levels[l] }))} />
                    </select>
                  ),
                },
                { key: 'ethics', header: t.ethics, cell: ({ a, index }) => <input type="checkbox" aria-label={`${a.code}: ${t.ethics}`} checked={a.ethics} onChange={(e) => patch({ sanctionMatrix: { ...matrix, acts: matrix.acts.map((x, i) => (i === index ? { ...x, ethics: e.target.checked } : x)) } })} /> },
                {
                  key: 'alternative',
                  header: t.alternative,
                  cell: ({ a, index }) => (
                    <Cell label={`${a.code}: ${t.alternative}`} error={err(`sanctionMatrix.acts.${index}.unsure`)}>
                      <select
                        value={a.unsure?.alternative ?? ''}
                        onChange={(e) => {
                          const value = e.target.value as (typeof LEVELS)[number] | '';
                          const { unsure: _old, ...rest } = a;
                          const next = value ? { ...rest, unsure: { alternative: value, note: a.unsure?.note ?? { id: 'Sumber berbeda pendapat.', en: 'Sources disagree.' } } } : rest;
                          patch({ sanctionMatrix: { ...matrix, acts: matrix.acts.map((x, i) => (i === index ? next : x)) } });
                        }}
                      >
                        <Options placeholder={t.none_} items={LEVELS.map((l) => ({ id: l, name: t.levels[l] }))} />
                      </select>
                    </Cell>
                  ),
                },
              ]}
            />
          </>
        )}

        {candidacy && (
          <fieldset className="form">
            <legend>{t.candidacy}</legend>
            {(
              [
                ['graceDays', t.graceDays, candidacy.resignation.graceDays, (n: number) => ({ ...candidacy, resignation: { ...candidacy.resignation, graceDays: n } }), 'candidacy.resignation.graceDays'],
                ['bknDays', t.bknDays, candidacy.bknProcessing.days, (n: number) => ({ ...candidacy, bknProcessing: { ...candidacy.bknProcessing, days: n } }), 'candidacy.bknProcessing.days'],
                ['dueSoon', t.dueSoonDays, candidacy.dueSoonDays, (n: number) => ({ ...candidacy, dueSoonDays: n }), 'candidacy.dueSoonDays'],
              ] as const
            ).map(([key, label, value, apply, field]) => (
              <div key={key}>
                <label htmlFor={`cand-${key}`}>{label}</label>
                <input id={`cand-${key}`} type="number" value={value} onChange={(e) => patch({ candidacy: apply(Number(e.target.value)) })} />
                {err(field) && <p className="field-error">{err(field)}</p>}
              </div>
            ))}
          </fieldset>
        )}

        <fieldset className="form">
          <div>
            <label htmlFor="rulebook-reason">{t.changeReason}</label>
            <input id="rulebook-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={errors.reason ? true : undefined} />
            {errors.reason && <p className="field-error">{errors.reason}</p>}
          </div>
          <div>
            <label htmlFor="rulebook-regulation">{t.regulation}</label>
            <input id="rulebook-regulation" value={regulation} onChange={(e) => setRegulation(e.target.value)} aria-invalid={errors.regulation ? true : undefined} />
            {errors.regulation && <p className="field-error">{errors.regulation}</p>}
          </div>
        </fieldset>
        <Notice tone="error">{failure ?? errors.rulebook}</Notice>
        <button type="submit" disabled={busy}>
          {t.saveRulebook}
        </button>
      </form>
    </PageSection>
  );
}

function VersionHistory({ electionId, refresh }: { electionId: string; refresh: number }) {
  const t = useMessages(adminMessages);
  const { language } = useI18n();
  const [offset, setOffset] = useState(0);
  const [state, reload] = useApi<Versions>(`/elections/${electionId}/rulebook/versions?limit=${VERSION_PAGE}&offset=${offset}&r=${refresh}`, language);
  return (
    <PageSection title={t.history} id="riwayat">
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            <DataTable
              rows={data.items}
              rowKey={(v) => v.version}
              testId="rulebook-versions"
              columns={[
                { key: 'version', header: t.version, cell: (v) => (v.current ? `${v.version} (${t.current})` : v.version) },
                { key: 'when', header: t.when, cell: (v) => formatInstant(v.changedAt, language) },
                { key: 'who', header: t.who, cell: (v) => v.changedBy?.name ?? t.system },
                { key: 'reason', header: t.reason, cell: (v) => v.reason },
                { key: 'regulation', header: t.regulation, cell: (v) => v.regulation },
                { key: 'changed', header: t.changed, cell: (v) => v.changed.map((c) => t.deadlineNames[c] ?? c).join(', ') },
                { key: 'cases', header: t.cases, className: 'num', cell: (v) => v.cases },
              ]}
            />
            <Pager total={data.total} limit={VERSION_PAGE} offset={offset} onChange={setOffset} />
          </>
        )}
      </Loaded>
    </PageSection>
  );
}

export function ElectionAdminPage({ id }: { id: string }) {
  const t = useMessages(adminMessages);
  const { language } = useI18n();
  const [state, reload] = useApi<Detail>(`/elections/${encodeURIComponent(id)}`, language);
  const [refresh, setRefresh] = useState(0);
  // Kept above the sections: a reload redraws them, and the outcome must stay in view.
  const [notice, setNotice] = useState<string | null>(null);
  const [lastImport, setLastImport] = useState<RowImportSummary | null>(null);
  const saved = (message: string) => {
    setNotice(message);
    reload();
    setRefresh((n) => n + 1);
  };
  return (
    <main className="container">
      <p>
        <Link href="/konsol/pemilihan">← {t.back}</Link>
      </p>
      <Notice>{notice}</Notice>
      <Loaded state={state} onRetry={reload}>
        {(detail) => (
          <>
            <h1>{detail.name}</h1>
            <p className="lead">
              {t.kinds[detail.kind]} · {t.votingDay}: {formatDate(detail.votingDay, language)} · {detail.basis}
            </p>
            <StagesEditor key={`stages-${refresh}`} detail={detail} onSaved={saved} />
            <RegionsSection
              detail={detail}
              lastImport={lastImport}
              onImported={(summary) => {
                setLastImport(summary);
                reload();
              }}
              onChanged={reload}
            />
            <RulebookEditor key={`rulebook-${detail.rulebookVersion}`} detail={detail} onSaved={saved} />
            <VersionHistory electionId={detail.id} refresh={refresh} />
          </>
        )}
      </Loaded>
    </main>
  );
}
