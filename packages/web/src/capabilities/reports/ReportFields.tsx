/**
 * The fields of a report, shared by the public form (/lapor) and the officers' intake. What is
 * typed lives in a draft kept in sessionStorage, so a refused submission, a reload or a dropped
 * connection loses nothing; files stay in memory (browsers cannot store them there).
 */
import { useCallback, useEffect, useId, useState, type ChangeEvent, type ReactNode } from 'react';
import { useMessages } from '../../lib/i18n.tsx';
import { RegionSearch } from '../regions/RegionSearch.tsx';
import { formatBytes, type FormInfo } from './api.ts';
import { messages } from './messages.ts';

export interface ReportDraft {
  electionId: string;
  regionCode: string;
  regionName: string;
  place: string;
  occurredOn: string;
  occurredUntil: string;
  knownOn: string;
  description: string;
  actCodes: string[];
  reportedName: string;
  reportedAgency: string;
  reportedPosition: string;
  reportedNip: string;
  anonymous: boolean;
  reporterName: string;
  reporterAddress: string;
  reporterPhone: string;
  reporterEmail: string;
  /** Intake only. */
  source: 'finding' | 'paper';
  receivedOn: string;
  /** One per submission: a retry after a timeout must not file the report twice. */
  idempotencyKey: string;
}

const newKey = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

export function emptyDraft(): ReportDraft {
  return {
    electionId: '',
    regionCode: '',
    regionName: '',
    place: '',
    occurredOn: '',
    occurredUntil: '',
    knownOn: '',
    description: '',
    actCodes: [],
    reportedName: '',
    reportedAgency: '',
    reportedPosition: '',
    reportedNip: '',
    anonymous: false,
    reporterName: '',
    reporterAddress: '',
    reporterPhone: '',
    reporterEmail: '',
    source: 'finding',
    receivedOn: '',
    idempotencyKey: newKey(),
  };
}

/** The draft, saved to sessionStorage on every change; `reset` starts a new one. */
export function useDraft(storageKey: string): [ReportDraft, (patch: Partial<ReportDraft>) => void, () => void] {
  const [draft, setDraft] = useState<ReportDraft>(() => {
    try {
      const saved = sessionStorage.getItem(storageKey);
      return saved ? { ...emptyDraft(), ...(JSON.parse(saved) as Partial<ReportDraft>) } : emptyDraft();
    } catch {
      return emptyDraft();
    }
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(draft));
    } catch {
      // Storage full or disabled (private mode): the draft still lives in memory.
    }
  }, [draft, storageKey]);
  const update = useCallback((patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const reset = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    setDraft(emptyDraft());
  }, [storageKey]);
  return [draft, update, reset];
}

const TEXT_FIELDS = ['electionId', 'regionCode', 'place', 'occurredOn', 'occurredUntil', 'knownOn', 'description', 'reportedName', 'reportedAgency', 'reportedPosition', 'reportedNip'] as const;
const REPORTER_FIELDS = ['reporterName', 'reporterAddress', 'reporterPhone', 'reporterEmail'] as const;

export function draftToFormData(draft: ReportDraft, files: File[], mode: 'public' | 'intake'): FormData {
  const form = new FormData();
  for (const name of TEXT_FIELDS) if (draft[name].trim()) form.append(name, draft[name].trim());
  for (const code of draft.actCodes) form.append('actCodes', code);
  const identityAsked = mode === 'public' || draft.source === 'paper';
  form.append('anonymous', String(identityAsked ? draft.anonymous : false));
  if (identityAsked && !draft.anonymous) for (const name of REPORTER_FIELDS) if (draft[name].trim()) form.append(name, draft[name].trim());
  if (mode === 'intake') {
    form.append('source', draft.source);
    if (draft.receivedOn) form.append('receivedOn', draft.receivedOn);
  }
  for (const file of files) form.append('evidence', file, file.name);
  return form;
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

interface InputFieldProps {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: string;
  type?: 'text' | 'date' | 'email' | 'tel';
  multiline?: boolean;
  max?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'tel' | 'email';
}

export function InputField({ name, label, value, onChange, error, hint, type = 'text', multiline, max, autoComplete = 'off', inputMode }: InputFieldProps) {
  const id = `report-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={5} {...common} /> : <input type={type} max={max} autoComplete={autoComplete} inputMode={inputMode} {...common} />}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="report-section card">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/** Files chosen for upload, checked against the limits before anything is sent. */
export function EvidencePicker({ files, setFiles, limits, error }: { files: File[]; setFiles(files: File[]): void; limits: FormInfo['evidence']; error?: string }) {
  const t = useMessages(messages);
  const inputId = useId();
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  const [problem, setProblem] = useState<string | null>(null);
  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...files, ...Array.from(e.target.files ?? [])];
    e.target.value = '';
    const tooBig = chosen.find((f) => f.size > limits.maxFileBytes);
    if (chosen.length > limits.maxFiles) setProblem(t.tooManyFiles(limits.maxFiles));
    else if (tooBig) setProblem(t.fileTooLarge(tooBig.name, mb(limits.maxFileBytes)));
    else if (chosen.reduce((s, f) => s + f.size, 0) > limits.maxTotalBytes) setProblem(t.totalTooLarge(mb(limits.maxTotalBytes)));
    else {
      setProblem(null);
      setFiles(chosen);
    }
  };
  const shown = problem ?? error;
  return (
    <div className="field">
      <label htmlFor={inputId}>{t.evidence}</label>
      <input
        id={inputId}
        type="file"
        multiple
        accept={limits.acceptedTypes.join(',')}
        onChange={choose}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${inputId}-hint${shown ? ` ${inputId}-error` : ''}`}
      />
      <p className="hint" id={`${inputId}-hint`}>
        {t.evidenceHint(limits.maxFiles, mb(limits.maxFileBytes), mb(limits.maxTotalBytes))}
      </p>
      <FieldError id={`${inputId}-error`} message={shown ?? undefined} />
      {files.length > 0 && (
        <ul className="file-list">
          {files.map((file, i) => (
            <li key={`${file.name}-${i}`}>
              <span>
                {file.name} <span className="muted">({formatBytes(file.size)})</span>
              </span>
              <button type="button" className="link-button" onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                {t.removeFile}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export interface ReportFieldsProps {
  mode: 'public' | 'intake';
  info: FormInfo;
  draft: ReportDraft;
  update(patch: Partial<ReportDraft>): void;
  errors: Record<string, string>;
  files: File[];
  setFiles(files: File[]): void;
  /** Shown under "when": the reporting-window warning. */
  windowNotice?: ReactNode;
}

export function ReportFields({ mode, info, draft, update, errors, files, setFiles, windowNotice }: ReportFieldsProps) {
  const t = useMessages(messages);
  const field = (name: keyof ReportDraft & string, label: string, extra: Partial<InputFieldProps> = {}) => (
    <InputField name={name} label={label} value={String(draft[name] ?? '')} onChange={(value) => update({ [name]: value } as Partial<ReportDraft>)} error={errors[name]} {...extra} />
  );
  const toggleAct = (code: string) => update({ actCodes: draft.actCodes.includes(code) ? draft.actCodes.filter((c) => c !== code) : [...draft.actCodes, code] });
  const identityAsked = mode === 'public' || draft.source === 'paper';

  return (
    <>
      <Section title={t.stepWhat}>
        <div className="field">
          <label htmlFor="report-electionId">{t.election}</label>
          <select
            id="report-electionId"
            value={draft.electionId}
            onChange={(e) => update({ electionId: e.target.value })}
            aria-invalid={errors.electionId ? true : undefined}
            aria-describedby={errors.electionId ? 'report-electionId-error' : undefined}
          >
            <option value="">{t.chooseElection}</option>
            {info.elections.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
          <FieldError id="report-electionId-error" message={errors.electionId} />
        </div>
        {field('description', t.description, { multiline: true, hint: t.descriptionHint })}
        <fieldset className="field acts" aria-describedby={errors.actCodes ? 'report-actCodes-error' : undefined}>
          <legend>{t.acts}</legend>
          {info.acts.map((act) => (
            <label key={act.code} className="act">
              <input type="checkbox" checked={draft.actCodes.includes(act.code)} onChange={() => toggleAct(act.code)} />
              <span>{act.description}</span>
            </label>
          ))}
          <FieldError id="report-actCodes-error" message={errors.actCodes} />
        </fieldset>
      </Section>

      <Section title={t.stepWhenWhere}>
        <div className="field-row">
          {field('occurredOn', t.occurredOn, { type: 'date', max: info.today })}
          {field('occurredUntil', t.occurredUntil, { type: 'date', max: info.today })}
        </div>
        {field('knownOn', t.knownOn, { type: 'date', max: info.today })}
        {windowNotice}
        <div className="field">
          {draft.regionCode ? (
            <p className="chosen-region">
              <span className="label">{t.region}</span>
              <strong>{t.regionChosen(`${draft.regionName} (${draft.regionCode})`)}</strong>{' '}
              <button type="button" className="link-button" onClick={() => update({ regionCode: '', regionName: '' })}>
                {t.changeRegion}
              </button>
            </p>
          ) : (
            <RegionSearch onSelect={(region) => update({ regionCode: region.code, regionName: region.name })} />
          )}
          <FieldError id="report-regionCode-error" message={errors.regionCode} />
        </div>
        {field('place', t.place, { hint: t.placeHint })}
      </Section>

      <Section title={t.stepWho}>
        {field('reportedName', t.reportedName, { hint: t.reportedNameHint })}
        {field('reportedAgency', t.reportedAgency)}
        {field('reportedPosition', t.reportedPosition)}
        {field('reportedNip', t.reportedNip, { inputMode: 'numeric' })}
      </Section>

      <Section title={t.stepEvidence}>
        <EvidencePicker files={files} setFiles={setFiles} limits={info.evidence} error={errors.evidence} />
        {files.length > 0 && <p className="hint">{t.filesLostNote}</p>}
      </Section>

      {identityAsked && (
        <Section title={t.stepReporter}>
          <label className="inline toggle">
            <input type="checkbox" checked={draft.anonymous} onChange={(e) => update({ anonymous: e.target.checked })} /> {t.anonymous}
          </label>
          {draft.anonymous ? (
            <p className="hint">{t.anonymousHint}</p>
          ) : (
            <>
              <p className="hint">{t.identityNote}</p>
              {field('reporterName', t.reporterName, { autoComplete: 'name' })}
              {field('reporterAddress', t.reporterAddress, { autoComplete: 'street-address' })}
              {field('reporterPhone', t.reporterPhone, { type: 'tel', autoComplete: 'tel', inputMode: 'tel' })}
              {field('reporterEmail', t.reporterEmail, { type: 'email', autoComplete: 'email', inputMode: 'email' })}
            </>
          )}
        </Section>
      )}
    </>
  );
}
