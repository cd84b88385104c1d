import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { CsvImport } from '../../components/CsvImport.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { ApiRequestError, apiSend, fieldErrors, useApi } from '../../lib/api.ts';
import { commonMessages, formatDate, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { Pager } from '../register/Pager.tsx';
import '../register/register.css';
import { messages } from './messages.ts';
import { FINDING_MAKERS, ROTATION_RECORDERS } from './nav.ts';

interface RotationItem {
  id: string;
  regionName: string;
  person: { nip: string; name: string };
  fromPosition: string;
  toPosition: string;
  decree: { number: string; date: string };
  signedBy: { name: string; roleLabel: string };
  ministerApproval: { letterNumber: string; date: string } | null;
  assessment: { flagged: boolean; severity: string; window: { from: string; to: string; basis: string }; reasons: Array<{ code: string; effect: string; message: string }>; matchedCandidate: string | null } | null;
  finding: { caseId: string; caseNumber: string } | null;
}

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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const field = (key: keyof typeof EMPTY_FORM, type = 'text') => (
    <div>
      <label htmlFor={`rot-${key}`}>{key === 'electionId' ? t.election : t[key as 'name']}</label>
      <input id={`rot-${key}`} type={type} value={String(form[key])} onChange={(e) => setForm({ ...form, [key]: e.target.value })} aria-invalid={errors[key] ? true : undefined} />
      {errors[key] && <p className="field-error">{errors[key]}</p>}
    </div>
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    try {
      const { approvalLetterNumber, approvalDate, ...rest } = form;
      await apiSend('POST', '/rotations', { ...rest, ...(form.ministerApproval ? { approvalLetterNumber, approvalDate } : {}) }, language, session.csrfToken);
      setErrors({});
      setForm({ ...EMPTY_FORM, regionCode: form.regionCode });
      onSaved();
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(error instanceof ApiRequestError ? error.message : String(error));
    }
  }
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
        <div>
          <label htmlFor="rot-signerRole">{t.signerRole}</label>
          <select id="rot-signerRole" value={form.signerRole} onChange={(e) => setForm({ ...form, signerRole: e.target.value })}>
            {Object.entries(t.roles).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="wide reg-check">
          <label>
            <input type="checkbox" checked={form.ministerApproval} onChange={(e) => setForm({ ...form, ministerApproval: e.target.checked })} /> {t.ministerApproval}
          </label>
        </div>
        {form.ministerApproval && field('approvalLetterNumber')}
        {form.ministerApproval && field('approvalDate', 'date')}
        {failure && (
          <p className="wide reg-alert" role="alert">
            {failure}
          </p>
        )}
        <div className="wide">
          <button type="submit">{t.save}</button>
        </div>
      </form>
    </details>
  );
}

export function RotationsPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const role = session.user!.role;
  const [flaggedOnly, setFlaggedOnly] = useState(FINDING_MAKERS.includes(role));
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [state, reload] = useApi<{ total: number; items: RotationItem[]; legalBasis: { reference: string; text: string } }>(
    `/rotations?limit=${LIMIT}&offset=${offset}${flaggedOnly ? '&flagged=true' : ''}`,
    language,
  );

  async function makeFinding(item: RotationItem) {
    setBusy(item.id);
    setNotice(null);
    try {
      const made = await apiSend<{ caseNumber: string }>('POST', `/rotations/${item.id}/finding`, undefined, language, session.csrfToken);
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
      {state.status === 'ready' && (
        <details className="reg-note">
          <summary>
            {t.basis}: {state.data.legalBasis.reference}
          </summary>
          <p>{state.data.legalBasis.text}</p>
        </details>
      )}
      {ROTATION_RECORDERS.includes(role) && (
        <>
          <RotationForm onSaved={reload} />
          <CsvImport endpoint="/rotations/import" templateHref="/api/v1/rotations/template.csv" inputId="rotations-file" fileLabel={t.importFile} onDone={reload} />
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
      {notice && (
        <p className="reg-note" role="status">
          {notice}
        </p>
      )}
      {state.status === 'loading' && <p className="muted">{t.loading}</p>}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data.items.length === 0 && <p className="reg-empty">{flaggedOnly ? t.noneFlagged : t.none}</p>}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <>
          <div className="reg-scroll">
            <table className="reg-table">
              <thead>
                <tr>
                  <th>{t.person}</th>
                  <th>{t.move}</th>
                  <th>{t.decree}</th>
                  <th>{t.signer}</th>
                  <th>{t.assessment}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.person.name}
                      <span className="sub mono">{r.person.nip}</span>
                      <span className="sub">{r.regionName}</span>
                    </td>
                    <td>
                      {r.fromPosition} → {r.toPosition}
                    </td>
                    <td>
                      {r.decree.number}
                      <span className="sub">{formatDate(r.decree.date, language)}</span>
                      <span className="sub">
                        {t.approval}: {r.ministerApproval ? `${r.ministerApproval.letterNumber} (${formatDate(r.ministerApproval.date, language)})` : t.noApproval}
                      </span>
                    </td>
                    <td>
                      {r.signedBy.name}
                      <span className="sub">{r.signedBy.roleLabel}</span>
                    </td>
                    <td>
                      {r.assessment && (
                        <>
                          <span className={`reg-status reg-status-${r.assessment.flagged ? r.assessment.severity : 'done'}`}>
                            {r.assessment.flagged ? `${t.flagged}: ${t.severity[r.assessment.severity]}` : t.cleared}
                          </span>
                          <span className="sub">{t.window(r.assessment.window.from, r.assessment.window.to)}</span>
                          <ul className="reg-reasons">
                            {r.assessment.reasons.map((reason) => (
                              <li key={reason.code} className={reason.effect}>
                                {reason.message}
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                      {r.finding ? (
                        <Link href={`/konsol/perkara/${r.finding.caseId}`}>{t.findingMade(r.finding.caseNumber)}</Link>
                      ) : (
                        r.assessment?.flagged &&
                        FINDING_MAKERS.includes(role) && (
                          <button type="button" disabled={busy === r.id} onClick={() => makeFinding(r)}>
                            {t.makeFinding}
                          </button>
                        )
                      )}
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
