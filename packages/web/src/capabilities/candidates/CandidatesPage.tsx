import { useState, type FormEvent } from 'react';
import { CsvImport } from '../../components/CsvImport.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { ApiRequestError, apiSend, fieldErrors, useApi } from '../../lib/api.ts';
import { commonMessages, formatDate, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import '../register/register.css';
import { messages } from './messages.ts';
import { CANDIDATE_EDITORS, OBLIGATION_RECORDERS } from './nav.ts';

interface Person {
  name: string;
  nickname?: string;
  variants?: string[];
  asnNip?: string;
}

interface Obligation {
  code: string;
  name: string;
  due: string;
  status: string;
  doneOn: string | null;
  daysLate: number | null;
  daysRemaining: number | null;
  basis: string;
  unsure: boolean;
  letterNumber: string | null;
}

interface Pair {
  id: string;
  electionId: string;
  regionCode: string;
  regionName: string;
  ballotNumber: number | null;
  head: Person;
  deputy: Person;
  independent: boolean;
  parties: string[];
  incumbent: { member: 'head' | 'deputy'; office: 'regional_head' | 'deputy_regional_head' } | null;
  slogans: string[];
  hashtags: string[];
  asnMembers: Array<{ member: 'head' | 'deputy'; name: string; nip: string; asnId: number | null; obligations: Obligation[]; alerts: Array<{ obligation: string; message: string }> }>;
}

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
  incumbentMember: p.incumbent?.member ?? '',
  incumbentOffice: p.incumbent?.office ?? 'regional_head',
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const input = (key: keyof FormState, label: string, error?: string) => (
    <div>
      <label htmlFor={`pair-${key}`}>{label}</label>
      <input id={`pair-${key}`} value={String(form[key])} onChange={(e) => setForm({ ...form, [key]: e.target.value })} aria-invalid={error ? true : undefined} />
      {error && <p className="field-error">{error}</p>}
    </div>
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const body = bodyOf(form, electionId);
      if (editing) await apiSend('PUT', `/candidates/${editing.id}`, body, language, session.csrfToken);
      else await apiSend('POST', '/candidates', body, language, session.csrfToken);
      onSaved();
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(error instanceof ApiRequestError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }
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
      <div>
        <label htmlFor="pair-route">{t.route}</label>
        <select id="pair-route" value={form.independent ? 'independent' : 'party'} onChange={(e) => setForm({ ...form, independent: e.target.value === 'independent' })}>
          <option value="party">{t.party}</option>
          <option value="independent">{t.independent}</option>
        </select>
        {errors.independent && <p className="field-error">{errors.independent}</p>}
      </div>
      {input('parties', t.parties, errors.parties)}
      <div>
        <label htmlFor="pair-incumbent">{t.incumbentMember}</label>
        <select id="pair-incumbent" value={form.incumbentMember} onChange={(e) => setForm({ ...form, incumbentMember: e.target.value as FormState['incumbentMember'] })}>
          <option value="">{t.none}</option>
          <option value="head">{t.head}</option>
          <option value="deputy">{t.deputy}</option>
        </select>
        {errors['incumbent.member'] && <p className="field-error">{errors['incumbent.member']}</p>}
      </div>
      <div>
        <label htmlFor="pair-office">{t.office}</label>
        <select id="pair-office" value={form.incumbentOffice} disabled={!form.incumbentMember} onChange={(e) => setForm({ ...form, incumbentOffice: e.target.value as FormState['incumbentOffice'] })}>
          <option value="regional_head">{t.regionalHead}</option>
          <option value="deputy_regional_head">{t.deputyHead}</option>
        </select>
      </div>
      {input('slogans', t.slogans, errors.slogans)}
      {input('hashtags', t.hashtags, errors.hashtags)}
      {failure && (
        <p className="wide reg-alert" role="alert">
          {failure}
        </p>
      )}
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
  const [elections] = useApi<{ items: Array<{ id: string; name: string; kind: string }> }>('/elections', language);
  const [state, reload] = useApi<{ items: Pair[] }>(`/candidates?electionId=${encodeURIComponent(electionId)}`, language);
  const canEdit = CANDIDATE_EDITORS.includes(role);
  const canRecord = OBLIGATION_RECORDERS.includes(role);
  const alerts = state.status === 'ready' ? state.data.items.flatMap((p) => p.asnMembers.flatMap((m) => m.alerts.map((a) => ({ ...a, key: `${p.id}-${m.member}-${a.obligation}` })))) : [];
  // Candidacy rules (and art. 71(2)) apply to regional elections only.
  const electionOptions = elections.status === 'ready' ? elections.data.items.filter((e) => e.kind === 'pilkada') : [];

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <div className="reg-filters">
        <div>
          <label htmlFor="cand-election">{t.election}</label>
          <select id="cand-election" value={electionId} onChange={(e) => setElectionId(e.target.value)}>
            {electionOptions.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
            {electionOptions.length === 0 && <option value="pilkada-2024">pilkada-2024</option>}
          </select>
        </div>
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
      {canEdit && <CsvImport endpoint="/candidates/import" templateHref="/api/v1/candidates/template.csv" inputId="pairs-file" fileLabel={t.importFile} onDone={reload} />}
      {state.status === 'loading' && <p className="muted">{t.loading}</p>}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <section aria-labelledby="alerts-title">
            <h2 id="alerts-title">{t.alertsTitle}</h2>
            {alerts.length === 0 ? (
              <p className="muted">{t.noAlerts}</p>
            ) : (
              alerts.map((a) => (
                <p key={a.key} className="reg-alert" role="alert">
                  {a.message}
                </p>
              ))
            )}
          </section>
          <h2>{t.pairs}</h2>
          {state.data.items.length === 0 ? (
            <p className="reg-empty">{t.noPairs}</p>
          ) : (
            <div className="reg-scroll">
              <table className="reg-table">
                <thead>
                  <tr>
                    <th>{t.ballot}</th>
                    <th>{t.region}</th>
                    <th>{t.head}</th>
                    <th>{t.deputy}</th>
                    <th>{t.route}</th>
                    {canEdit && <th />}
                  </tr>
                </thead>
                <tbody>
                  {state.data.items.map((p) => (
                    <tr key={p.id}>
                      <td>{p.ballotNumber ?? '—'}</td>
                      <td>{p.regionName}</td>
                      {(['head', 'deputy'] as const).map((member) => (
                        <td key={member}>
                          {p[member].name}
                          {p[member].nickname && <span className="sub">“{p[member].nickname}”</span>}
                          {p[member].asnNip && <span className="sub">{t.asn} · {p[member].asnNip}</span>}
                          {p.incumbent?.member === member && <span className="reg-status">{t.incumbent}</span>}
                        </td>
                      ))}
                      <td>
                        {p.independent ? t.independent : t.party}
                        {p.parties.length > 0 && <span className="sub">{p.parties.join(', ')}</span>}
                      </td>
                      {canEdit && (
                        <td>
                          <button type="button" className="reg-secondary" onClick={() => setEditing(p)}>
                            {t.edit}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>{t.obligationsTitle}</h2>
          {state.data.items.every((p) => p.asnMembers.length === 0) && <p className="muted">{t.noAsnCandidates}</p>}
          {state.data.items.flatMap((p) =>
            p.asnMembers.map((m) => (
              <section key={`${p.id}-${m.member}`} className="card">
                <h3>
                  {m.name} <span className="muted mono">({m.nip})</span> · {p.regionName}
                </h3>
                <table className="reg-table">
                  <thead>
                    <tr>
                      <th>{t.obligation}</th>
                      <th>{t.due}</th>
                      <th>{t.state}</th>
                      <th>{t.done}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.obligations.map((o) => (
                      <tr key={o.code}>
                        <td>
                          {o.name}
                          <span className="sub">{o.basis}</span>
                          {o.unsure && <span className="sub">({t.unsure})</span>}
                        </td>
                        <td>{formatDate(o.due, language)}</td>
                        <td>
                          <span className={`reg-status reg-status-${o.status}`}>{t.status[o.status] ?? o.status}</span>
                        </td>
                        <td>
                          {o.doneOn ? (
                            <>
                              {formatDate(o.doneOn, language)}
                              {o.letterNumber && <span className="sub mono">{o.letterNumber}</span>}
                            </>
                          ) : canRecord ? (
                            <RecordObligation pair={p} member={m.member} obligation={o} onSaved={reload} />
                          ) : (
                            '—'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )),
          )}
        </>
      )}
    </>
  );
}
