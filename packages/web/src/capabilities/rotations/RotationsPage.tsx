import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import { can } from '@netra/core/access/permissions';
import { DataTable, EmptyState, ExportButtons, Field, ImportPanel, Loaded, Notice, Options, Pager, RowImportResult, textFields, useFormSubmit } from '../../components/kit.ts';
import { apiSend, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import '../register/register.css';
import { messages } from './messages.ts';

type RotationList = ApiResponse<'/rotations'>;
type RotationItem = RotationList['items'][number];

const LIMIT = 20;
const EMPTY_FORM = {
  electionId: 'pilkada-2024',
  regionCode: '',
  nip: '',
  name: '',
  fromPosition: '',
  toPosition: '',
  decreeNumber: '',
  decreeDate: '',
  signerName: '',
  signerRole: 'regional_head',
  ministerApproval: false,
  approvalLetterNumber: '',
  approvalDate: '',
};

function RotationForm({ onSaved }: { onSaved(): void }) {
  const { language } = useI18n();
  const t = useMessages(messages);
  const session = useSession();
  const scope = session.user!.scope;
  const [form, setForm] = useState({ ...EMPTY_FORM, regionCode: scope.kind === 'region' ? scope.regionCode : '' });
  const { errors, failure, run } = useFormSubmit();
  const text = textFields('rot', form, setForm, errors);
  const field = (key: keyof typeof EMPTY_FORM, type = 'text') => text(key, key === 'electionId' ? t.election : t[key as 'name'], { type });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { approvalLetterNumber, approvalDate, ...rest } = form;
      await apiSend('POST', '/rotations', { ...rest, ...(form.ministerApproval ? { approvalLetterNumber, approvalDate } : {}) }, language, session.csrfToken);
      setForm({ ...EMPTY_FORM, regionCode: form.regionCode });
      onSaved();
    });
  };
  return (
    <details className="card reg-details">
      <summary>{t.formTitle}</summary>
      <form className="reg-form" onSubmit={submit} noValidate>
        {field('electionId')}
        {field('regionCode')}
        {field('nip')}
        {field('name')}
        {field('fromPosition')}
        {field('toPosition')}
        {field('decreeNumber')}
        {field('decreeDate', 'date')}
        {field('signerName')}
        <Field id="rot-signerRole" label={t.signerRole}>
          <select value={form.signerRole} onChange={(e) => setForm({ ...form, signerRole: e.target.value })}>
            <Options items={Object.entries(t.roles).map(([id, name]) => ({ id, name }))} />
          </select>
        </Field>
        <div className="wide reg-check">
          <label>
            <input type="checkbox" checked={form.ministerApproval} onChange={(e) => setForm({ ...form, ministerApproval: e.target.checked })} /> {t.ministerApproval}
          </label>
        </div>
        {form.ministerApproval && field('approvalLetterNumber')}
        {form.ministerApproval && field('approvalDate', 'date')}
        <Notice tone="error" className="wide reg-alert">{failure}</Notice>
        <div className="wide">
          <button type="submit">{t.save}</button>
        </div>
      </form>
    </details>
  );
}

/** The watch's verdict on a rotation (flagged with its severity, or cleared), its window and reasons; then `children` (the finding). */
function Assessment({ item, children }: { item: RotationItem; children: ReactNode }) {
  const t = useMessages(messages);
  const a = item.assessment;
  return (
    <>
      {a && (
        <>
          <span className={`reg-status reg-status-${a.flagged ? a.severity : 'done'}`}>{a.flagged ? `${t.flagged}: ${t.severity[a.severity]}` : t.cleared}</span>
          <span className="sub">{t.window(a.window.from, a.window.to)}</span>
          <ul className="reg-reasons">
            {a.reasons.map((reason) => (
              <li key={reason.code} className={reason.effect}>
                {reason.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {children}
    </>
  );
}

export function RotationsPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const role = session.user!.role;
  const [flaggedOnly, setFlaggedOnly] = useState(can(role, 'rotations.finding'));
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [state, reload] = useApi<RotationList>(
    `/rotations?limit=${LIMIT}&offset=${offset}${flaggedOnly ? '&flagged=true' : ''}`,
    language,
  );

  async function makeFinding(item: RotationItem) {
    setBusy(item.id);
    setNotice(null);
    try {
      const made = await apiSend<ApiResponse<'/rotations/{id}/finding', 'post'>>('POST', `/rotations/${item.id}/finding`, undefined, language, session.csrfToken);
      setNotice(t.findingCreated(made.caseNumber));
      reload();
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <ExportButtons source="rotations" filter={{ flagged: flaggedOnly ? 'true' : '' }} what={t.title} />
      {state.status === 'ready' && (
        <details className="reg-note">
          <summary>
            {t.basis}: {state.data.legalBasis.reference}
          </summary>
          <p>{state.data.legalBasis.text}</p>
        </details>
      )}
      {can(role, 'rotations.record') && (
        <>
          <RotationForm onSaved={reload} />
          <ImportPanel<ApiResponse<'/rotations/import', 'post'>> folded endpoint="/rotations/import" templateHref="/api/v1/rotations/template.csv" inputId="rotations-file" fileLabel={t.importFile} onDone={reload}>
            {(summary) => <RowImportResult summary={summary} />}
          </ImportPanel>
        </>
      )}
      <div className="reg-actions reg-check" role="group">
        <label>
          <input
            type="checkbox"
            checked={flaggedOnly}
            onChange={(e) => {
              setOffset(0);
              setFlaggedOnly(e.target.checked);
            }}
          />{' '}
          {t.flaggedOnly}
        </label>
      </div>
      <Notice className="reg-note">{notice}</Notice>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            {(
              <>
                <DataTable
                  className="reg-table"
                  scrollClassName="reg-scroll"
                  empty={<EmptyState className="reg-empty">{flaggedOnly ? t.noneFlagged : t.none}</EmptyState>}
                  rows={data.items}
                  rowKey={(r) => r.id}
                  columns={[
                    {
                      key: 'person',
                      header: t.person,
                      cell: (r) => (
                        <>
                          {r.person.name}
                          <span className="sub mono">{r.person.nip}</span>
                          <span className="sub">{r.regionName}</span>
                        </>
                      ),
                    },
                    {
                      key: 'move',
                      header: t.move,
                      cell: (r) => (
                        <>
                          {r.fromPosition} → {r.toPosition}
                        </>
                      ),
                    },
                    {
                      key: 'decree',
                      header: t.decree,
                      cell: (r) => (
                        <>
                          {r.decree.number}
                          <span className="sub">{formatDate(r.decree.date, language)}</span>
                          <span className="sub">
                            {t.approval}: {r.ministerApproval ? `${r.ministerApproval.letterNumber} (${formatDate(r.ministerApproval.date, language)})` : t.noApproval}
                          </span>
                        </>
                      ),
                    },
                    {
                      key: 'signer',
                      header: t.signer,
                      cell: (r) => (
                        <>
                          {r.signedBy.name}
                          <span className="sub">{r.signedBy.roleLabel}</span>
                        </>
                      ),
                    },
                    {
                      key: 'assessment',
                      header: t.assessment,
                      cell: (r) => (
                        <Assessment item={r}>
                          {r.finding ? (
                            <Link href={`/konsol/perkara/${r.finding.caseId}`}>{t.findingMade(r.finding.caseNumber)}</Link>
                          ) : (
                            r.assessment?.flagged &&
                            can(role, 'rotations.finding') && (
                              <button type="button" disabled={busy === r.id} onClick={() => makeFinding(r)}>
                                {t.makeFinding}
                              </button>
                            )
                          )}
                        </Assessment>
                      ),
                    },
                  ]}
                />
                <Pager className="reg-pager" total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
              </>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
