import { useState, type FormEvent } from 'react';
import { can } from '@netra/core/access/permissions';
import { DataTable, EmptyState, ExportButtons, Field, ImportPanel, Loaded, Notice, Options, PageSection, RowImportResult, textFields, useFormSubmit } from '../../components/kit.ts';
import { apiSend, fieldErrors, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import '../register/register.css';
import { messages } from './messages.ts';

type PairList = ApiResponse<'/candidates'>;
type Pair = PairList['items'][number];
type Obligation = Pair['asnMembers'][number]['obligations'][number];

const list = (text: string, separator: RegExp) => text.split(separator).map((s) => s.trim()).filter(Boolean);

interface FormState {
  regionCode: string;
  ballotNumber: string;
  headName: string;
  headNickname: string;
  headVariants: string;
  headNip: string;
  deputyName: string;
  deputyNickname: string;
  deputyVariants: string;
  deputyNip: string;
  independent: boolean;
  parties: string;
  incumbentMember: '' | 'head' | 'deputy';
  incumbentOffice: 'regional_head' | 'deputy_regional_head';
  slogans: string;
  hashtags: string;
}

const emptyForm = (regionCode: string): FormState => ({
  regionCode,
  ballotNumber: '',
  headName: '',
  headNickname: '',
  headVariants: '',
  headNip: '',
  deputyName: '',
  deputyNickname: '',
  deputyVariants: '',
  deputyNip: '',
  independent: false,
  parties: '',
  incumbentMember: '',
  incumbentOffice: 'regional_head',
  slogans: '',
  hashtags: '',
});

const formOf = (p: Pair): FormState => ({
  regionCode: p.regionCode,
  ballotNumber: p.ballotNumber === null ? '' : String(p.ballotNumber),
  headName: p.head.name,
  headNickname: p.head.nickname ?? '',
  headVariants: (p.head.variants ?? []).join('; '),
  headNip: p.head.asnNip ?? '',
  deputyName: p.deputy.name,
  deputyNickname: p.deputy.nickname ?? '',
  deputyVariants: (p.deputy.variants ?? []).join('; '),
  deputyNip: p.deputy.asnNip ?? '',
  independent: p.independent,
  parties: p.parties.join('; '),
  // The contract types these as strings; the server only ever stores the two values of each.
  incumbentMember: (p.incumbent?.member ?? '') as FormState['incumbentMember'],
  incumbentOffice: (p.incumbent?.office ?? 'regional_head') as FormState['incumbentOffice'],
  slogans: p.slogans.join('; '),
  hashtags: p.hashtags.map((h) => `#${h}`).join(' '),
});

function bodyOf(form: FormState, electionId: string) {
  const person = (name: string, nickname: string, variants: string, nip: string) => ({
    name,
    ...(nickname.trim() ? { nickname } : {}),
    ...(variants.trim() ? { variants: list(variants, /;/) } : {}),
    ...(nip.trim() ? { asnNip: nip } : {}),
  });
  return {
    electionId,
    regionCode: form.regionCode.trim(),
    ballotNumber: form.ballotNumber.trim() ? Number(form.ballotNumber) : null,
    head: person(form.headName, form.headNickname, form.headVariants, form.headNip),
    deputy: person(form.deputyName, form.deputyNickname, form.deputyVariants, form.deputyNip),
    independent: form.independent,
    parties: list(form.parties, /;/),
    incumbent: form.incumbentMember ? { member: form.incumbentMember, office: form.incumbentOffice } : null,
    slogans: list(form.slogans, /;/),
    hashtags: list(form.hashtags, /[\s;,]+/),
  };
}

function PairForm({ electionId, editing, onSaved, onCancel }: { electionId: string; editing: Pair | null; onSaved(): void; onCancel(): void }) {
  const { language } = useI18n();
  const t = useMessages(messages);
  const session = useSession();
  const scope = session.user!.scope;
  const [form, setForm] = useState<FormState>(editing ? formOf(editing) : emptyForm(scope.kind === 'region' ? scope.regionCode : ''));
  const { busy, errors, failure, run } = useFormSubmit();
  const text = textFields('pair', form, setForm);
  const input = (key: keyof FormState, label: string, error?: string) => text(key, label, {}, error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const body = bodyOf(form, electionId);
      if (editing) await apiSend('PUT', `/candidates/${editing.id}`, body, language, session.csrfToken);
      else await apiSend('POST', '/candidates', body, language, session.csrfToken);
      onSaved();
    });
  };
  return (
    <form className="card reg-form" onSubmit={submit} noValidate>
      <h2 className="wide">{editing ? t.formEdit : t.formAdd}</h2>
      {input('regionCode', t.regionCode, errors.regionCode)}
      {input('ballotNumber', t.ballotNumber, errors.ballotNumber)}
      {input('headName', `${t.head}: ${t.name}`, errors['head.name'])}
      {input('headNickname', `${t.head}: ${t.nickname}`, errors['head.nickname'])}
      {input('headVariants', `${t.head}: ${t.variants}`, errors['head.variants'])}
      {input('headNip', `${t.head}: ${t.nip}`, errors['head.asnNip'])}
      {input('deputyName', `${t.deputy}: ${t.name}`, errors['deputy.name'])}
      {input('deputyNickname', `${t.deputy}: ${t.nickname}`, errors['deputy.nickname'])}
      {input('deputyVariants', `${t.deputy}: ${t.variants}`, errors['deputy.variants'])}
      {input('deputyNip', `${t.deputy}: ${t.nip}`, errors['deputy.asnNip'])}
      <Field id="pair-route" label={t.route} error={errors.independent}>
        <select value={form.independent ? 'independent' : 'party'} onChange={(e) => setForm({ ...form, independent: e.target.value === 'independent' })}>
          <option value="party">{t.party}</option>
          <option value="independent">{t.independent}</option>
        </select>
      </Field>
      {input('parties', t.parties, errors.parties)}
      <Field id="pair-incumbent" label={t.incumbentMember} error={errors['incumbent.member']}>
        <select value={form.incumbentMember} onChange={(e) => setForm({ ...form, incumbentMember: e.target.value as FormState['incumbentMember'] })}>
          <option value="">{t.none}</option>
          <option value="head">{t.head}</option>
          <option value="deputy">{t.deputy}</option>
        </select>
      </Field>
      <Field id="pair-office" label={t.office}>
        <select value={form.incumbentOffice} disabled={!form.incumbentMember} onChange={(e) => setForm({ ...form, incumbentOffice: e.target.value as FormState['incumbentOffice'] })}>
          <option value="regional_head">{t.regionalHead}</option>
          <option value="deputy_regional_head">{t.deputyHead}</option>
        </select>
      </Field>
      {input('slogans', t.slogans, errors.slogans)}
      {input('hashtags', t.hashtags, errors.hashtags)}
      <Notice tone="error" className="wide reg-alert">{failure}</Notice>
      <div className="wide reg-actions">
        <button type="submit" disabled={busy}>
          {t.save}
        </button>
        <button type="button" className="reg-secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function RecordObligation({ pair, member, obligation, onSaved }: { pair: Pair; member: 'head' | 'deputy'; obligation: Obligation; onSaved(): void }) {
  const { language } = useI18n();
  const t = useMessages(messages);
  const session = useSession();
  const [doneOn, setDoneOn] = useState('');
  const [letterNumber, setLetterNumber] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await apiSend('POST', `/candidates/${pair.id}/obligations`, { member, obligation: obligation.code, doneOn, letterNumber }, language, session.csrfToken);
      setErrors({});
      onSaved();
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(Object.keys(fields).length ? fields : { doneOn: error instanceof Error ? error.message : String(error) });
    }
  }
  const id = `${pair.id}-${member}-${obligation.code}`;
  return (
    <form onSubmit={submit} className="reg-actions" noValidate aria-label={`${t.recordTitle}: ${obligation.name}`}>
      <label htmlFor={`${id}-date`} className="muted">
        {t.date}
      </label>
      <input id={`${id}-date`} type="date" value={doneOn} onChange={(e) => setDoneOn(e.target.value)} aria-invalid={errors.doneOn ? true : undefined} />
      <label htmlFor={`${id}-letter`} className="muted">
        {t.letter}
      </label>
      <input id={`${id}-letter`} value={letterNumber} onChange={(e) => setLetterNumber(e.target.value)} aria-invalid={errors.letterNumber ? true : undefined} />
      <button type="submit" className="reg-secondary">
        {t.record}
      </button>
      {(errors.doneOn || errors.letterNumber || errors.member) && <p className="field-error">{errors.doneOn ?? errors.letterNumber ?? errors.member}</p>}
    </form>
  );
}

export function CandidatesPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const role = session.user!.role;
  const [electionId, setElectionId] = useState('pilkada-2024');
  const [editing, setEditing] = useState<Pair | 'new' | null>(null);
  const [elections] = useApi<ApiResponse<'/elections'>>('/elections', language);
  const [state, reload] = useApi<PairList>(`/candidates?electionId=${encodeURIComponent(electionId)}`, language);
  const canEdit = can(role, 'candidates.edit');
  const canRecord = can(role, 'candidates.obligation.record');
  const alerts = state.status === 'ready' ? state.data.items.flatMap((p) => p.asnMembers.flatMap((m) => m.alerts.map((a) => ({ ...a, key: `${p.id}-${m.member}-${a.obligation}` })))) : [];
  // Candidacy rules (and art. 71(2)) apply to regional elections only.
  const electionOptions = elections.status === 'ready' ? elections.data.items.filter((e) => e.kind === 'pilkada') : [];

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <ExportButtons source="candidates" filter={{ electionId }} what={t.title} />
      <div className="reg-filters">
        <Field id="cand-election" label={t.election}>
          <select value={electionId} onChange={(e) => setElectionId(e.target.value)}>
            <Options items={electionOptions} />
            {electionOptions.length === 0 && <option value="pilkada-2024">pilkada-2024</option>}
          </select>
        </Field>
        {canEdit && (
          <div className="reg-actions">
            <button type="button" onClick={() => setEditing('new')}>
              {t.formAdd}
            </button>
          </div>
        )}
      </div>
      {editing && (
        <PairForm
          key={editing === 'new' ? 'new' : editing.id}
          electionId={electionId}
          editing={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {canEdit && (
        <ImportPanel<ApiResponse<'/candidates/import', 'post'>> folded endpoint="/candidates/import" templateHref="/api/v1/candidates/template.csv" inputId="pairs-file" fileLabel={t.importFile} onDone={reload}>
          {(summary) => <RowImportResult summary={summary} />}
        </ImportPanel>
      )}
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            {(
              <>
                <PageSection className="" id="alerts-title" title={t.alertsTitle}>
                  {alerts.length === 0 ? (
                    <p className="muted">{t.noAlerts}</p>
                  ) : (
                    alerts.map((a) => (
                      <p key={a.key} className="reg-alert" role="alert">
                        {a.message}
                      </p>
                    ))
                  )}
                </PageSection>
                <h2>{t.pairs}</h2>
                <DataTable
                  className="reg-table"
                  scrollClassName="reg-scroll"
                  empty={<EmptyState className="reg-empty">{t.noPairs}</EmptyState>}
                  rows={data.items}
                  rowKey={(p) => p.id}
                  columns={[
                    { key: 'ballot', header: t.ballot, cell: (p) => p.ballotNumber ?? '—' },
                    { key: 'region', header: t.region, cell: (p) => p.regionName },
                    ...(['head', 'deputy'] as const).map((member) => ({
                      key: member,
                      header: t[member],
                      cell: (p: Pair) => (
                        <>
                          {p[member].name}
                          {p[member].nickname && <span className="sub">“{p[member].nickname}”</span>}
                          {p[member].asnNip && <span className="sub">{t.asn} · {p[member].asnNip}</span>}
                          {p.incumbent?.member === member && <span className="reg-status">{t.incumbent}</span>}
                        </>
                      ),
                    })),
                    {
                      key: 'route',
                      header: t.route,
                      cell: (p) => (
                        <>
                          {p.independent ? t.independent : t.party}
                          {p.parties.length > 0 && <span className="sub">{p.parties.join(', ')}</span>}
                        </>
                      ),
                    },
                    canEdit && {
                      key: 'edit',
                      header: null,
                      cell: (p) => (
                        <button type="button" className="reg-secondary" onClick={() => setEditing(p)}>
                          {t.edit}
                        </button>
                      ),
                    },
                  ]}
                />
                <h2>{t.obligationsTitle}</h2>
                {data.items.every((p) => p.asnMembers.length === 0) && <p className="muted">{t.noAsnCandidates}</p>}
                {data.items.flatMap((p) =>
                  p.asnMembers.map((m) => (
                    <section key={`${p.id}-${m.member}`} className="card">
                      <h3>
                        {m.name} <span className="muted mono">({m.nip})</span> · {p.regionName}
                      </h3>
                      <DataTable
                        className="reg-table"
                        scrollClassName={null}
                        rows={m.obligations}
                        rowKey={(o) => o.code}
                        columns={[
                          {
                            key: 'obligation',
                            header: t.obligation,
                            cell: (o) => (
                              <>
                                {o.name}
                                <span className="sub">{o.basis}</span>
                                {o.unsure && <span className="sub">({t.unsure})</span>}
                              </>
                            ),
                          },
                          { key: 'due', header: t.due, cell: (o) => formatDate(o.due, language) },
                          { key: 'state', header: t.state, cell: (o) => <span className={`reg-status reg-status-${o.status}`}>{t.status[o.status] ?? o.status}</span> },
                          {
                            key: 'done',
                            header: t.done,
                            cell: (o) =>
                              o.doneOn ? (
                                <>
                                  {formatDate(o.doneOn, language)}
                                  {o.letterNumber && <span className="sub mono">{o.letterNumber}</span>}
                                </>
                              ) : canRecord ? (
                                <RecordObligation pair={p} member={m.member} obligation={o} onSaved={reload} />
                              ) : (
                                '—'
                              ),
                          },
                        ]}
                      />
                    </section>
                  )),
                )}
              </>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
