/**
 * /konsol/retensi: what expires in the next 30/90 days per rule and region (with what holds keep
 * back), the purge (dry run; the real one behind a typed confirmation) and its history, the legal
 * holds (place, lift, both with a reason) and the retention rules with their legal basis.
 * Buttons follow core's permission table; the server checks every request again.
 */
import { can } from '@netra/core/access/permissions';
import { useState } from 'react';
import { ConfirmDialog, DataTable, EmptyState, Field, Loaded, Notice, PageSection, Pager, StatCards, useFormSubmit, useQueryParams } from '../../components/kit.ts';
import { apiSend, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatCount, formatDate, formatInstant } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { messages } from './messages.ts';

type Forecast = ApiResponse<'/retention/forecast'>;
type Rules = ApiResponse<'/retention/rules'>;
type Holds = ApiResponse<'/retention/holds'>;
type Runs = ApiResponse<'/retention/purges'>;
type Run = ApiResponse<'/retention/purges/{id}'>;
type Messages = typeof messages.id & typeof commonMessages.id;

const PAGE = 20;
const CONFIRMATION = 'MUSNAHKAN';

function actionLabel(t: Messages, action: string): string {
  const labels: Record<string, string> = { shred_key: t.actionShred, delete_file: t.actionFile, anonymise: t.actionAnonymise, delete_row: t.actionDelete, keep: t.actionKeep };
  return labels[action] ?? action;
}

function useT(): Messages {
  return { ...useMessages(commonMessages), ...useMessages(messages) };
}

function ForecastSection({ kindLabel }: { kindLabel(kind: string): string }) {
  const t = useT();
  const { language } = useI18n();
  const [params, setParams] = useQueryParams();
  const days = params.get('hari') === '90' ? 90 : 30;
  const [state, reload] = useApi<Forecast>(`/retention/forecast?days=${days}`, language);
  return (
    <PageSection
      title={t.forecastTitle(days)}
      actions={
        <span className="retention-window" role="group">
          {[30, 90].map((d) => (
            <button key={d} type="button" className={d === days ? '' : 'secondary'} aria-pressed={d === days} onClick={() => setParams({ hari: d === 30 ? '' : String(d) })}>
              {d === 30 ? t.days30 : t.days90}
            </button>
          ))}
        </span>
      }
    >
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            <p className="muted">{t.window(formatDate(data.today, language), formatDate(data.until, language), data.zone)}</p>
            <StatCards
              items={[
                { label: t.expiring, value: formatCount(sum(data.rows, 'expiring'), language) },
                { label: t.overdue, value: formatCount(sum(data.rows, 'overdue'), language) },
                { label: t.held, value: formatCount(sum(data.rows, 'held'), language) },
              ]}
            />
            <DataTable
              rows={data.rows}
              rowKey={(r) => `${r.kind}|${r.electionId ?? ''}|${r.regionCode ?? ''}`}
              empty={<EmptyState as="div">{t.noExpiry}</EmptyState>}
              columns={[
                { key: 'kind', header: t.kind, cell: (r) => kindLabel(r.kind) },
                { key: 'election', header: t.election, cell: (r) => r.electionId ?? '–' },
                { key: 'region', header: t.region, cellClassName: 'mono', cell: (r) => r.regionCode ?? t.national },
                { key: 'rule', header: t.rule, cell: (r) => `${t.keep(r.keepDays)} · ${actionLabel(t, r.action)}${r.ruleElectionId ? ` (${t.ownRule})` : ''}` },
                { key: 'expiring', header: t.expiring, className: 'num', cell: (r) => formatCount(r.expiring, language) },
                { key: 'overdue', header: t.overdue, className: 'num', cell: (r) => formatCount(r.overdue, language) },
                { key: 'held', header: t.held, className: 'num', cell: (r) => formatCount(r.held, language) },
              ]}
            />
          </>
        )}
      </Loaded>
    </PageSection>
  );
}

function sum(rows: Forecast['rows'], key: 'expiring' | 'overdue' | 'held'): number {
  return rows.reduce((n, r) => n + r[key], 0);
}

function RunLog({ run, kindLabel }: { run: Run; kindLabel(kind: string): string }) {
  const t = useT();
  const { language } = useI18n();
  return (
    <div data-testid="purge-result">
      <h3>{t.runTitle(run.dryRun)}</h3>
      <p>{t.runSummary(run.total, run.held)}</p>
      <DataTable
        rows={run.log}
        rowKey={(l) => `${l.kind}|${l.electionId ?? ''}|${l.regionCode ?? ''}|${l.ruleElectionId ?? ''}`}
        empty={<EmptyState as="div">{t.noExpiry}</EmptyState>}
        columns={[
          { key: 'kind', header: t.kind, cell: (l) => kindLabel(l.kind) },
          { key: 'action', header: t.action, cell: (l) => actionLabel(t, l.action) },
          { key: 'election', header: t.election, cell: (l) => l.electionId ?? '–' },
          { key: 'region', header: t.region, cellClassName: 'mono', cell: (l) => l.regionCode ?? t.national },
          { key: 'rule', header: t.rule, cell: (l) => t.keep(l.ruleKeepDays) },
          { key: 'count', header: t.count, className: 'num', cell: (l) => formatCount(l.count, language) },
          { key: 'basis', header: t.basis, cell: (l) => l.ruleLegalBasis },
        ]}
      />
    </div>
  );
}

function PurgeSection({ kindLabel, onRun }: { kindLabel(kind: string): string; onRun(): void }) {
  const t = useT();
  const { language } = useI18n();
  const session = useSession();
  const submit = useFormSubmit();
  const [run, setRun] = useState<Run | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [word, setWord] = useState('');
  const purge = (dryRun: boolean) =>
    submit.run(async () => {
      setRun(await apiSend<Run>('POST', '/retention/purges', dryRun ? { dryRun } : { dryRun, confirm: word }, language, session.csrfToken));
      setConfirming(false);
      setWord('');
      onRun();
    });
  return (
    <PageSection title={t.purgeTitle}>
      <p className="muted">{t.purgeLead}</p>
      <p>
        <button type="button" onClick={() => purge(true)} disabled={submit.busy} data-testid="dry-run">
          {t.dryRun}
        </button>{' '}
        <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={submit.busy}>
          {t.purgeNow}
        </button>
      </p>
      {!confirming && <Notice tone="error">{submit.failure}</Notice>}
      <ConfirmDialog
        open={confirming}
        title={t.purgeConfirmTitle}
        confirmLabel={t.purgeConfirm}
        cancelLabel={t.cancel}
        busy={submit.busy}
        error={submit.errors.confirm ?? submit.failure}
        onConfirm={() => purge(false)}
        onCancel={() => setConfirming(false)}
      >
        <p>{t.purgeConfirmText(CONFIRMATION)}</p>
        <Field id="purge-confirm" label={t.confirmField}>
          <input value={word} onChange={(e) => setWord(e.target.value)} autoComplete="off" />
        </Field>
      </ConfirmDialog>
      {run && <RunLog run={run} kindLabel={kindLabel} />}
    </PageSection>
  );
}

function RunsSection({ version }: { version: number }) {
  const t = useT();
  const { language } = useI18n();
  const [offset, setOffset] = useState(0);
  const [state, reload] = useApi<Runs>(`/retention/purges?limit=${PAGE}&offset=${offset}&v=${version}`, language);
  return (
    <PageSection title={t.runsTitle}>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            <DataTable
              rows={data.items}
              rowKey={(r) => r.id}
              empty={<EmptyState as="div">{t.noRuns}</EmptyState>}
              columns={[
                { key: 'started', header: t.started, cell: (r) => formatInstant(r.startedAt, language) },
                { key: 'kind', header: t.targetType, cell: (r) => (r.dryRun ? t.dryLabel : t.realLabel) },
                { key: 'trigger', header: t.trigger, cell: (r) => r.trigger },
                { key: 'by', header: t.by, cell: (r) => r.actorName ?? t.system },
                { key: 'status', header: t.status, cell: (r) => (r.error ? `${r.status}: ${r.error}` : r.status) },
                { key: 'total', header: t.total, className: 'num', cell: (r) => formatCount(r.total, language) },
                { key: 'held', header: t.held, className: 'num', cell: (r) => formatCount(r.held, language) },
              ]}
            />
            <Pager total={data.total} shown={data.items.length} limit={PAGE} offset={offset} onChange={setOffset} />
          </>
        )}
      </Loaded>
    </PageSection>
  );
}

type HoldType = 'case' | 'report' | 'person' | 'region' | 'election';

function holdBody(type: HoldType, target: string, election: string, reason: string) {
  switch (type) {
    case 'case':
      return { targetType: type, caseId: target.trim(), reason };
    case 'report':
      return { targetType: type, reportId: target.trim(), reason };
    case 'person':
      return { targetType: type, asnId: Number(target), reason };
    case 'region':
      return { targetType: type, regionCode: target.trim(), electionId: election.trim() || null, reason };
    case 'election':
      return { targetType: type, electionId: target.trim(), reason };
  }
}

function HoldsSection() {
  const t = useT();
  const { language } = useI18n();
  const session = useSession();
  const manage = can(session.user?.role ?? '', 'retention.holds.manage');
  const [activeOnly, setActiveOnly] = useState(true);
  const [offset, setOffset] = useState(0);
  const [state, reload] = useApi<Holds>(`/retention/holds?limit=${PAGE}&offset=${offset}${activeOnly ? '&active=true' : ''}`, language);
  const place = useFormSubmit();
  const lift = useFormSubmit();
  const [type, setType] = useState<HoldType>('case');
  const [target, setTarget] = useState('');
  const [election, setElection] = useState('');
  const [reason, setReason] = useState('');
  const [placed, setPlaced] = useState(false);
  const [lifting, setLifting] = useState<string | null>(null);
  const [liftReason, setLiftReason] = useState('');
  const types: Record<HoldType, string> = { case: t.typeCase, report: t.typeReport, person: t.typePerson, region: t.typeRegion, election: t.typeElection };
  const targetLabel: Record<HoldType, string> = { case: t.targetCase, report: t.targetReport, person: t.targetPerson, region: t.targetRegion, election: t.targetElection };
  const describe = (h: Holds['items'][number]) =>
    h.caseNumber ?? h.receiptNumber ?? (h.personName ? `${h.personName} (#${h.asnId})` : null) ?? (h.targetType === 'region' ? `${h.regionCode}${h.electionId ? ` · ${h.electionId}` : ''}` : h.electionId ?? '–');

  return (
    <PageSection title={t.holdsTitle}>
      <label className="inline">
        <input type="checkbox" checked={activeOnly} onChange={(e) => setActiveOnly(e.target.checked)} /> {t.activeOnly}
      </label>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            <DataTable
              rows={data.items}
              rowKey={(h) => h.id}
              empty={<EmptyState as="div">{t.noHolds}</EmptyState>}
              columns={[
                { key: 'type', header: t.targetType, cell: (h) => types[h.targetType] },
                { key: 'target', header: t.target, cell: (h) => describe(h) },
                { key: 'reason', header: t.reason, cell: (h) => h.reason },
                { key: 'placed', header: t.placed, cell: (h) => `${formatInstant(h.placedAt, language)} · ${h.placedByName ?? '–'}` },
                { key: 'lifted', header: t.lifted, cell: (h) => (h.liftedAt ? `${formatInstant(h.liftedAt, language)} · ${h.liftedByName ?? '–'}: ${h.liftReason ?? ''}` : '–') },
                {
                  key: 'act',
                  header: '',
                  cell: (h) =>
                    manage && !h.liftedAt ? (
                      <button type="button" className="link-button" onClick={() => setLifting(h.id)}>
                        {t.lift}
                      </button>
                    ) : null,
                },
              ]}
            />
            <Pager total={data.total} shown={data.items.length} limit={PAGE} offset={offset} onChange={setOffset} />
          </>
        )}
      </Loaded>
      <ConfirmDialog
        open={lifting !== null}
        title={t.liftTitle}
        confirmLabel={t.lift.replace('…', '')}
        cancelLabel={t.cancel}
        busy={lift.busy}
        error={lift.errors.reason ?? lift.failure}
        onCancel={() => setLifting(null)}
        onConfirm={() =>
          lift.run(async () => {
            await apiSend('POST', `/retention/holds/${lifting}/lift`, { reason: liftReason }, language, session.csrfToken);
            setLifting(null);
            setLiftReason('');
            reload();
          })
        }
      >
        <Field id="lift-reason" label={t.reason}>
          <textarea value={liftReason} onChange={(e) => setLiftReason(e.target.value)} rows={3} />
        </Field>
      </ConfirmDialog>
      {manage && (
        <form
          className="kit-filters"
          onSubmit={(e) => {
            e.preventDefault();
            setPlaced(false);
            void place.run(async () => {
              await apiSend('POST', '/retention/holds', holdBody(type, target, election, reason), language, session.csrfToken);
              setTarget('');
              setReason('');
              setPlaced(true);
              reload();
            });
          }}
        >
          <h3>{t.placeTitle}</h3>
          <Field id="hold-type" label={t.targetType}>
            <select value={type} onChange={(e) => setType(e.target.value as HoldType)}>
              {(Object.keys(types) as HoldType[]).map((k) => (
                <option key={k} value={k}>
                  {types[k]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="hold-target" label={targetLabel[type]} error={place.errors.caseId ?? place.errors.reportId ?? place.errors.asnId ?? place.errors.regionCode ?? (type === 'election' ? place.errors.electionId : undefined)}>
            <input value={target} onChange={(e) => setTarget(e.target.value)} required />
          </Field>
          {type === 'region' && (
            <Field id="hold-election" label={`${t.election} (${t.allElections})`} error={place.errors.electionId}>
              <input value={election} onChange={(e) => setElection(e.target.value)} placeholder="pilkada-2024" />
            </Field>
          )}
          <Field id="hold-place-reason" label={t.reason} error={place.errors.reason}>
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </Field>
          <button type="submit" disabled={place.busy}>
            {t.place}
          </button>
          <Notice tone="error">{place.failure}</Notice>
          {placed && <Notice>{t.placedOk}</Notice>}
        </form>
      )}
    </PageSection>
  );
}

function RulesSection({ rules, onSaved }: { rules: Rules; onSaved(): void }) {
  const t = useT();
  const { language } = useI18n();
  const session = useSession();
  const edit = can(session.user?.role ?? '', 'retention.rules');
  const save = useFormSubmit();
  const [editing, setEditing] = useState<Rules['rules'][number] | null>(null);
  const [form, setForm] = useState({ keepDays: '', legalBasis: '', unsure: false, reason: '', electionId: '' });
  const label = (kind: string) => rules.kinds.find((k) => k.kind === kind);
  const order = (kind: string) => rules.kinds.findIndex((k) => k.kind === kind);
  const open = (r: Rules['rules'][number]) => {
    save.clear();
    setEditing(r);
    setForm({ keepDays: r.keepDays === null ? '' : String(r.keepDays), legalBasis: r.legalBasis, unsure: r.unsure, reason: '', electionId: r.electionId ?? '' });
  };
  return (
    <PageSection title={t.rulesTitle}>
      <DataTable
        rows={[...rules.rules].sort((a, b) => order(a.kind) - order(b.kind) || (a.electionId ?? '').localeCompare(b.electionId ?? ''))}
        rowKey={(r) => r.id}
        columns={[
          { key: 'kind', header: t.kind, cell: (r) => label(r.kind)?.label ?? r.kind },
          { key: 'election', header: t.election, cell: (r) => r.electionId ?? t.allElections },
          { key: 'keep', header: t.rule, cell: (r) => `${t.keep(r.keepDays)} · ${actionLabel(t, label(r.kind)?.action ?? '')}` },
          { key: 'anchor', header: t.anchor, cell: (r) => label(r.kind)?.anchorLabel ?? '' },
          { key: 'basis', header: t.basis, cell: (r) => (r.unsure ? `${r.legalBasis} (${t.unsure})` : r.legalBasis) },
          { key: 'updated', header: '', cell: (r) => formatInstant(r.updatedAt, language) },
          {
            key: 'act',
            header: '',
            cell: (r) =>
              edit && label(r.kind)?.configurable ? (
                <button type="button" className="link-button" onClick={() => open(r)}>
                  {t.changeRule}
                </button>
              ) : null,
          },
        ]}
      />
      <ConfirmDialog
        open={editing !== null}
        title={editing ? `${t.changeRule}: ${label(editing.kind)?.label ?? editing.kind}` : ''}
        confirmLabel={t.save}
        cancelLabel={t.cancel}
        busy={save.busy}
        error={save.failure}
        onCancel={() => setEditing(null)}
        onConfirm={() =>
          save.run(async () => {
            await apiSend(
              'PUT',
              '/retention/rules',
              { kind: editing!.kind, electionId: form.electionId.trim() || null, keepDays: form.keepDays.trim() === '' ? null : Number(form.keepDays), legalBasis: form.legalBasis, unsure: form.unsure, reason: form.reason },
              language,
              session.csrfToken,
            );
            setEditing(null);
            onSaved();
          })
        }
      >
        {editing && label(editing.kind)?.perElection && (
          <Field id="rule-election" label={`${t.election} (${t.allElections})`} error={save.errors.electionId}>
            <input value={form.electionId} onChange={(e) => setForm({ ...form, electionId: e.target.value })} placeholder="pilkada-2024" />
          </Field>
        )}
        <Field id="rule-days" label={t.keepDays} error={save.errors.keepDays}>
          <input type="number" min={0} max={36500} value={form.keepDays} onChange={(e) => setForm({ ...form, keepDays: e.target.value })} />
        </Field>
        <Field id="rule-basis" label={t.legalBasis} error={save.errors.legalBasis}>
          <textarea value={form.legalBasis} onChange={(e) => setForm({ ...form, legalBasis: e.target.value })} rows={3} />
        </Field>
        <label className="inline">
          <input type="checkbox" checked={form.unsure} onChange={(e) => setForm({ ...form, unsure: e.target.checked })} /> {t.unsureLabel}
        </label>
        <Field id="rule-reason" label={t.reason} error={save.errors.reason}>
          <textarea value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} rows={2} />
        </Field>
      </ConfirmDialog>
    </PageSection>
  );
}

export function RetentionPage() {
  const t = useT();
  const { language } = useI18n();
  const session = useSession();
  const [rules, reloadRules] = useApi<Rules>('/retention/rules', language);
  const [version, setVersion] = useState(0);
  const kindLabel = (kind: string) => (rules.status === 'ready' ? (rules.data.kinds.find((k) => k.kind === kind)?.label ?? kind) : kind);
  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <ForecastSection kindLabel={kindLabel} />
      {can(session.user?.role ?? '', 'retention.purge') && <PurgeSection kindLabel={kindLabel} onRun={() => setVersion((v) => v + 1)} />}
      <HoldsSection />
      <Loaded state={rules} onRetry={reloadRules}>
        {(data) => <RulesSection rules={data} onSaved={reloadRules} />}
      </Loaded>
      <RunsSection version={version} />
    </>
  );
}
