/**
 * The fields of a report, shared by the public form (/lapor) and the officers' intake. They follow
 * the official report form (Perbawaslu 8/2020 jo. 9/2024): the event, the reported person, the
 * evidence, the witnesses, and a named reporter's particulars. The rules are core's
 * (`reportFieldProblems`, `REPORT_FIELD_LIMITS`): the same ones the server applies, checked here
 * as the citizen types, with `maxlength` and counters from the same limits.
 *
 * The public form keeps its draft, photos included, on the device (IndexedDB, draft-store.ts);
 * the intake keeps text per tab.
 */
import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { MAX_WITNESSES, REPORT_FIELD_LIMITS, REPORTER_GENDER_LABELS, REPORTER_GENDERS, type LimitedField } from '@netra/core/reports/fields';
import { useI18n, useMessages } from '../../lib/i18n.tsx';
import { RegionSearch } from '../regions/RegionSearch.tsx';
import { formatBytes, type FormInfo } from './api.ts';
import { clearDraft, loadDraft, saveDraft, type DraftPersistence } from './draft-store.ts';
import { messages } from './messages.ts';
import { preparePhoto, sniffType } from './photo.ts';

export interface WitnessDraft {
  name: string;
  address: string;
  phone: string;
}

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
  reporterBirthPlace: string;
  reporterBirthDate: string;
  reporterGender: string;
  reporterOccupation: string;
  reporterNationality: string;
  witnesses: WitnessDraft[];
  /** Intake only. */
  source: 'finding' | 'paper';
  receivedOn: string;
  /** One per submission: a retry after a timeout (or from the offline queue) must not file the report twice. */
  idempotencyKey: string;
  /** Set when the citizen pressed "send" without a connection: sent as soon as one returns. */
  queuedAt: string | null;
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
    reporterBirthPlace: '',
    reporterBirthDate: '',
    reporterGender: '',
    reporterOccupation: '',
    reporterNationality: 'Indonesia',
    witnesses: [],
    source: 'finding',
    receivedOn: '',
    idempotencyKey: newKey(),
    queuedAt: null,
  };
}

export interface DraftState {
  draft: ReportDraft;
  files: File[];
  /** False until the stored draft has been read (IndexedDB answers asynchronously). */
  loaded: boolean;
  /** True once the draft as it now stands (files included) is written where it is kept. */
  persisted: boolean;
  update(patch: Partial<ReportDraft>): void;
  setFiles(files: File[]): void;
  reset(): void;
}

/** The draft and its files, saved on every change; `reset` starts a new one. */
export function useDraft(storageKey: string, persistence: DraftPersistence): DraftState {
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft);
  const [files, setFiles] = useState<File[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void loadDraft<ReportDraft>(storageKey, persistence).then((saved) => {
      if (cancelled) return;
      if (saved.draft) setDraft({ ...emptyDraft(), ...saved.draft });
      if (saved.files.length > 0) setFiles(saved.files);
      setLoaded(true);
    });
    return () => {
      cancelled = true;
    };
  }, [storageKey, persistence]);
  // Which draft was last written: the page says "kept on this device" only once it is (writing a
  // photo to IndexedDB takes a moment, and a phone may be closed right after pressing send).
  const [written, setWritten] = useState<{ draft: ReportDraft; files: File[] } | null>(null);
  useEffect(() => {
    if (!loaded) return;
    let current = true;
    void saveDraft(storageKey, persistence, draft, files).then(() => {
      if (current) setWritten({ draft, files });
    });
    return () => {
      current = false;
    };
  }, [draft, files, loaded, storageKey, persistence]);
  const persisted = written?.draft === draft && written.files === files;
  const update = useCallback((patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const reset = useCallback(() => {
    void clearDraft(storageKey, persistence);
    setDraft(emptyDraft());
    setFiles([]);
  }, [storageKey, persistence]);
  return { draft, files, loaded, persisted, update, setFiles, reset };
}

const TEXT_FIELDS = ['electionId', 'regionCode', 'place', 'occurredOn', 'occurredUntil', 'knownOn', 'description', 'reportedName', 'reportedAgency', 'reportedPosition', 'reportedNip'] as const;
const REPORTER_FIELDS = [
  'reporterName',
  'reporterAddress',
  'reporterPhone',
  'reporterEmail',
  'reporterBirthPlace',
  'reporterBirthDate',
  'reporterGender',
  'reporterOccupation',
  'reporterNationality',
] as const;

export const identityAskedOf = (draft: Pick<ReportDraft, 'source'>, mode: 'public' | 'intake') => mode === 'public' || draft.source === 'paper';

const filledWitnessRows = (witnesses: readonly WitnessDraft[]) => witnesses.filter((w) => w.name.trim() || w.address.trim() || w.phone.trim());

export function draftToFormData(draft: ReportDraft, files: File[], mode: 'public' | 'intake'): FormData {
  const form = new FormData();
  for (const name of TEXT_FIELDS) if (draft[name].trim()) form.append(name, draft[name].trim());
  for (const code of draft.actCodes) form.append('actCodes', code);
  const identityAsked = identityAskedOf(draft, mode);
  form.append('anonymous', String(identityAsked ? draft.anonymous : false));
  if (identityAsked && !draft.anonymous) for (const name of REPORTER_FIELDS) if (draft[name].trim()) form.append(name, draft[name].trim());
  const witnesses = filledWitnessRows(draft.witnesses);
  if (witnesses.length > 0) form.append('witnesses', JSON.stringify(witnesses));
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
  onBlur?(): void;
  error?: string;
  hint?: string;
  type?: 'text' | 'date' | 'email' | 'tel';
  multiline?: boolean;
  max?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'tel' | 'email';
  /** The length limit (maxlength) from core's rules. */
  limit?: LimitedField;
  /** Show "n / max" under the field. */
  counter?: boolean;
}

export function InputField({ name, label, value, onChange, onBlur, error, hint, type = 'text', multiline, max, autoComplete = 'off', inputMode, limit, counter }: InputFieldProps) {
  const t = useMessages(messages);
  const id = `report-${name.replace(/\./g, '-')}`;
  const bounds = limit ? REPORT_FIELD_LIMITS[limit] : null;
  const length = [...value.trim()].length;
  const describedBy = [hint ? `${id}-hint` : null, counter ? `${id}-count` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    maxLength: bounds?.max,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onBlur,
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
      {counter && bounds && (
        <p className={`counter${length > 0 && length < bounds.min ? ' short' : ''}`} id={`${id}-count`} aria-live="polite">
          {t.counter(length, bounds.min, bounds.max)}
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

/**
 * Files chosen for upload: the type checked from the bytes on pick, photos made smaller, the
 * limits checked before anything is sent. A new choice clears the last refusal.
 */
export function EvidencePicker({ files, setFiles, limits, error, onChosen }: { files: File[]; setFiles(files: File[]): void; limits: FormInfo['evidence']; error?: string; onChosen?(): void }) {
  const t = useMessages(messages);
  const inputId = useId();
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  const [problem, setProblem] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(false);
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(e.target.files ?? []);
    e.target.value = '';
    onChosen?.();
    setProblem(null);
    if (picked.length === 0) return;
    setPreparing(true);
    try {
      const accepted: File[] = [];
      const refused: string[] = [];
      for (const file of picked) {
        const type = await sniffType(file);
        if (!type || !limits.acceptedTypes.includes(type === 'image/heic' ? 'image/heic' : type)) refused.push(file.name);
        else accepted.push(await preparePhoto(file, type));
      }
      const chosen = [...files, ...accepted];
      const tooBig = chosen.find((f) => f.size > limits.maxFileBytes);
      if (refused.length > 0) setProblem(t.wrongType(refused.join('", "')));
      else if (chosen.length > limits.maxFiles) setProblem(t.tooManyFiles(limits.maxFiles));
      else if (tooBig) setProblem(t.fileTooLarge(tooBig.name, mb(limits.maxFileBytes)));
      else if (chosen.reduce((s, f) => s + f.size, 0) > limits.maxTotalBytes) setProblem(t.totalTooLarge(mb(limits.maxTotalBytes)));
      if (chosen.length <= limits.maxFiles && !tooBig && chosen.reduce((s, f) => s + f.size, 0) <= limits.maxTotalBytes) setFiles(chosen);
    } finally {
      setPreparing(false);
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
        onChange={(e) => void choose(e)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${inputId}-hint${shown ? ` ${inputId}-error` : ''}`}
      />
      <p className="hint" id={`${inputId}-hint`}>
        {t.evidenceHint(limits.maxFiles, mb(limits.maxFileBytes), mb(limits.maxTotalBytes))}
      </p>
      {preparing && (
        <p className="hint" role="status">
          {t.preparingPhotos}
        </p>
      )}
      <FieldError id={`${inputId}-error`} message={shown ?? undefined} />
      {files.length > 0 && (
        <ul className="file-list">
          {files.map((file, i) => (
            <li key={`${file.name}-${i}`}>
              <span>
                {file.name} <span className="muted">({formatBytes(file.size)})</span>
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onChosen?.();
                  setProblem(null);
                  setFiles(files.filter((_, j) => j !== i));
                }}
              >
                {t.removeFile}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The election as radio choices: full names wrap on a 390 px phone (a select cut them to "… Serentak 20"). */
function ElectionChoice({ info, value, onChange, error }: { info: FormInfo; value: string; onChange(id: string): void; error?: string }) {
  const t = useMessages(messages);
  return (
    <fieldset className="field choices" aria-describedby={error ? 'report-electionId-error' : undefined} aria-invalid={error ? true : undefined}>
      <legend>{t.election}</legend>
      {info.elections.map((e) => (
        <label key={e.id} className="choice">
          <input type="radio" name="electionId" value={e.id} checked={value === e.id} onChange={() => onChange(e.id)} />
          <span>
            {e.name}
            <small className="muted"> · {t.votingDay(e.votingDay)}</small>
          </span>
        </label>
      ))}
      <FieldError id="report-electionId-error" message={error} />
    </fieldset>
  );
}

function Witnesses({ witnesses, update, errors, touch }: { witnesses: WitnessDraft[]; update(witnesses: WitnessDraft[]): void; errors: Record<string, string>; touch(field: string): void }) {
  const t = useMessages(messages);
  const change = (i: number, patch: Partial<WitnessDraft>) => update(witnesses.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const firstNew = useRef<number | null>(null);
  useEffect(() => {
    if (firstNew.current !== null) document.getElementById(`report-witnesses-${firstNew.current}-name`)?.focus();
    firstNew.current = null;
  }, [witnesses.length]);
  return (
    <>
      <p className="hint">{t.witnessesHint}</p>
      {witnesses.map((w, i) => (
        <fieldset key={i} className="witness">
          <legend>{t.witness(i + 1)}</legend>
          <InputField name={`witnesses.${i}.name`} label={t.witnessName} value={w.name} onChange={(name) => change(i, { name })} onBlur={() => touch(`witnesses.${i}.name`)} error={errors[`witnesses.${i}.name`]} limit="witnessName" />
          <InputField name={`witnesses.${i}.address`} label={t.witnessAddress} value={w.address} onChange={(address) => change(i, { address })} error={errors[`witnesses.${i}.address`]} limit="witnessAddress" />
          <InputField
            name={`witnesses.${i}.phone`}
            label={t.witnessPhone}
            value={w.phone}
            type="tel"
            inputMode="tel"
            onChange={(phone) => change(i, { phone })}
            onBlur={() => touch(`witnesses.${i}.phone`)}
            error={errors[`witnesses.${i}.phone`]}
            limit="witnessPhone"
          />
          <button type="button" className="link-button" onClick={() => update(witnesses.filter((_, j) => j !== i))}>
            {t.removeWitness}
          </button>
        </fieldset>
      ))}
      {witnesses.length < MAX_WITNESSES && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            firstNew.current = witnesses.length;
            update([...witnesses, { name: '', address: '', phone: '' }]);
          }}
        >
          {t.addWitness}
        </button>
      )}
      <FieldError id="report-witnesses-error" message={errors.witnesses} />
    </>
  );
}

export interface ReportFieldsProps {
  mode: 'public' | 'intake';
  info: FormInfo;
  state: DraftState;
  errors: Record<string, string>;
  /** A field was left: its rule may now be shown. */
  touch(field: string): void;
  /** Shown under "when": the reporting-window warning. */
  windowNotice?: ReactNode;
  /** Shown under the act dates (e.g. a warning when the date falls outside every stage). */
  dateNotice?: ReactNode;
}

export function ReportFields({ mode, info, state, errors, touch, windowNotice, dateNotice }: ReportFieldsProps) {
  const t = useMessages(messages);
  const { language } = useI18n();
  const { draft, update, files, setFiles } = state;
  const field = (name: keyof ReportDraft & string, label: string, extra: Partial<InputFieldProps> = {}) => (
    <InputField
      name={name}
      label={label}
      value={String(draft[name] ?? '')}
      onChange={(value) => update({ [name]: value } as Partial<ReportDraft>)}
      onBlur={() => touch(name)}
      error={errors[name]}
      limit={name in REPORT_FIELD_LIMITS ? (name as LimitedField) : undefined}
      {...extra}
    />
  );
  const toggleAct = (code: string) => update({ actCodes: draft.actCodes.includes(code) ? draft.actCodes.filter((c) => c !== code) : [...draft.actCodes, code] });
  const identityAsked = identityAskedOf(draft, mode);

  return (
    <>
      <Section title={t.stepWhat}>
        <ElectionChoice info={info} value={draft.electionId} onChange={(electionId) => update({ electionId })} error={errors.electionId} />
        {field('description', t.description, { multiline: true, hint: t.descriptionHint, counter: true })}
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
        {dateNotice}
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
            <RegionSearch onSelect={(region) => update({ regionCode: region.code, regionName: region.name })} offline={mode === 'public'} />
          )}
          <FieldError id="report-regionCode-error" message={errors.regionCode} />
        </div>
        {field('place', t.place, { hint: t.placeHint, counter: true })}
      </Section>

      <Section title={t.stepWho}>
        {field('reportedName', t.reportedName, { hint: t.reportedNameHint })}
        {field('reportedAgency', t.reportedAgency)}
        {field('reportedPosition', t.reportedPosition)}
        {field('reportedNip', t.reportedNip, { inputMode: 'numeric' })}
      </Section>

      <Section title={t.stepEvidence}>
        <EvidencePicker files={files} setFiles={setFiles} limits={info.evidence} error={errors.evidence} onChosen={() => touch('evidence')} />
        {files.length > 0 && mode === 'public' && <p className="hint">{t.filesKeptNote}</p>}
      </Section>

      <Section title={t.stepWitnesses}>
        <Witnesses witnesses={draft.witnesses} update={(witnesses) => update({ witnesses })} errors={errors} touch={touch} />
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
              <p className="hint">{mode === 'public' ? t.identityNote : t.identityNotePaper}</p>
              {field('reporterName', t.reporterName, { autoComplete: 'name' })}
              <div className="field-row">
                {field('reporterBirthPlace', t.reporterBirthPlace)}
                {field('reporterBirthDate', t.reporterBirthDate, { type: 'date', max: info.today, autoComplete: 'bday' })}
              </div>
              <fieldset className="field choices inline-choices" aria-describedby={errors.reporterGender ? 'report-reporterGender-error' : undefined}>
                <legend>{t.reporterGender}</legend>
                {REPORTER_GENDERS.map((g) => (
                  <label key={g} className="choice">
                    <input type="radio" name="reporterGender" value={g} checked={draft.reporterGender === g} onChange={() => update({ reporterGender: g })} />
                    <span>{REPORTER_GENDER_LABELS[g][language]}</span>
                  </label>
                ))}
                <FieldError id="report-reporterGender-error" message={errors.reporterGender} />
              </fieldset>
              {field('reporterOccupation', t.reporterOccupation)}
              {field('reporterNationality', t.reporterNationality)}
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
