import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import agencyFile from '../../db/seed/lao-cai-agencies.json';
import { feeOf } from '../../domain/fees';
import { api, ApiError, type Attachment, type Consent, type FieldError, type JsonSchema, type Procedure } from './api';
import { AssistedConsent } from './AssistedConsent';
import { isKiosk } from './kiosk';
import { navigate } from './router';
import { SchemaForm } from './SchemaForm';
import { clean, validate, type Errors, type FormValue } from './schema-form';
import { SignIn } from './SignIn';
import { useSession } from './session';
import { ACCEPT, UploadList, useUploads } from './Uploads';
import { optionLabel } from '../../domain/form-choices';
import { deadlineText, money } from './text';
import { lang, pick as inLang, t as tr, useT } from './i18n';
import type { MessageKey } from './i18n/vi';

const StorePicker = lazy(() => import('./StorePicker').then((m) => ({ default: m.StorePicker })));

/** Receiving desks: every commune-level one-stop desk receives every procedure (seed data). */
const DESKS = (agencyFile as { agencies: { code: string; name: string; kind: string }[] }).agencies
  .filter((a) => a.kind === 'commune')
  .sort((a, b) => a.name.localeCompare(b.name, 'vi'));

const APPLICANT: JsonSchema = {
  type: 'object',
  properties: {
    fullName: { type: 'string', minLength: 2, maxLength: 100 },
    idNumber: { type: 'string', pattern: '^\\d{12}$' },
    phone: { type: 'string', pattern: '^(0|\\+84)\\d{9,10}$' },
    email: { type: 'string', maxLength: 200 },
    address: { type: 'string', maxLength: 300 },
  },
  required: ['fullName', 'idNumber', 'phone'],
};
const APPLICANT_LABELS: Record<string, MessageKey> = {
  fullName: 'applicant.fullName',
  idNumber: 'applicant.idNumber',
  phone: 'applicant.phone',
  email: 'applicant.email',
  address: 'applicant.address',
};
const applicantLabel = (k: string) => (APPLICANT_LABELS[k] ? tr(APPLICANT_LABELS[k]) : k);

interface Draft {
  /** One key per draft: a double tap or a retry after a lost answer never makes two dossiers. */
  key: string;
  agencyCode: string;
  applicant: FormValue;
  form: FormValue;
  /** «Nộp hộ»: the citizen's consent, once given (a helper files for them). */
  consent?: Consent | null;
}

const newKey = () => `portal-${crypto.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`}`;
const draftKey = (code: string) => `motcua.draft.${code}`;
function loadDraft(code: string): Draft {
  try {
    const d = JSON.parse(sessionStorage.getItem(draftKey(code)) ?? 'null') as Draft | null;
    if (d?.key) return d;
  } catch {
    /* a broken draft starts over */
  }
  return { key: newKey(), agencyCode: '', applicant: {}, form: {} };
}

export function SubmitPage({ code }: { code: string }) {
  const session = useSession();
  const t = useT();
  const [p, setP] = useState<Procedure | null>(null);
  const [draft, setDraft] = useState<Draft>(() => loadDraft(code));
  const [step, setStep] = useState<'fill' | 'review'>('fill');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [phase, setPhase] = useState<'upload' | 'submit'>('upload');
  const uploads = useUploads();
  // Documents of the citizen's store taken instead of uploads (StorePicker.tsx), already stored on the server.
  const [stored, setStored] = useState<(Attachment & { storeId: string })[]>([]);
  const pick = (list: FileList | null) => setMessage(uploads.add(list) ?? '');
  // «Nộp hộ»: a community helper files for a citizen — the citizen's details, their consent, then the form.
  const helper = session?.user.role === 'helper';
  const [intake, setIntake] = useState<'citizen' | 'consent' | 'done'>(() => (draft.consent ? 'done' : 'citizen'));
  const desks = helper ? DESKS.filter((d) => d.code === session!.user.agencyCode) : DESKS;

  useEffect(() => {
    api.procedure(code).then(setP, (e: Error) => setMessage(e.message));
  }, [code]);
  useEffect(() => sessionStorage.setItem(draftKey(code), JSON.stringify(draft)), [code, draft]);
  useEffect(() => {
    if (session?.user.role === 'helper' && session.user.agencyCode) setDraft((d) => ({ ...d, agencyCode: session.user.agencyCode! }));
    else if (session && !draft.applicant.fullName) setDraft((d) => ({ ...d, applicant: { ...d.applicant, fullName: session.user.fullName } }));
    // Only when the session arrives: a name the citizen clears later is not filled in again.
  }, [session]);

  // Re-made when the language changes (`t` is the same function, the words behind it are not).
  const formLabel = useMemo(() => (k: string) => (p?.formLabels[k] ? inLang(p.formLabels[k]) : k), [p, lang()]);
  if (!p) return message ? <p role="alert" className="error">{message}</p> : <p role="status">{t('common.loading')}</p>;

  const checkAll = () => {
    const e: Errors = {
      ...validate(APPLICANT, draft.applicant, applicantLabel, 'applicant.'),
      ...validate(p.formSchema, draft.form, formLabel, 'form.'),
    };
    if (!draft.agencyCode) e.agencyCode = t('submit.pickDesk');
    return e;
  };
  const showErrors = (e: Errors) => {
    setErrors(e);
    const n = Object.keys(e).length;
    setMessage(n ? t('submit.fixN', { n }) : '');
    if (n) setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
  };

  async function submit() {
    if (busy) return;
    setBusy(true);
    setMessage('');
    try {
      // The files first (each stored once, however often «Nộp hồ sơ» is pressed), then the
      // dossier naming them, under the draft's Idempotency-Key as before.
      setPhase('upload');
      const attachments = await uploads.uploadAll().catch((err: ApiError) => {
        throw new ApiError(err.status, t('submit.uploadFailed', { message: err.message }));
      });
      setPhase('submit');
      const dossier = await api.submit(
        {
          procedureCode: p!.code,
          agencyCode: draft.agencyCode,
          channel: isKiosk() ? 'kiosk' : 'online',
          applicant: clean(APPLICANT, draft.applicant),
          form: clean(p!.formSchema, draft.form),
          attachments: [...attachments, ...stored].map((a) => a.id),
          ...(helper && draft.consent ? { assistance: { consent: draft.consent } } : {}),
        },
        draft.key,
      );
      sessionStorage.removeItem(draftKey(code));
      navigate(`/ho-so/${dossier.code}`, 'moi=1');
    } catch (err) {
      const e = err as ApiError;
      if (e.errors?.some((f) => f.field.startsWith('attachments'))) {
        setMessage(t('submit.badAttachments', { message: e.message }));
      } else if (e.errors?.length) {
        setStep('fill');
        showErrors(Object.fromEntries(e.errors.map((f: FieldError) => [f.field, f.message])));
      } else setMessage(e.status === 0 ? t('submit.offlineRetry', { message: e.message }) : e.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="submit-title">
      <h1 id="submit-title">{t('submit.title', { name: inLang(p.name) })}</h1>
      <ol className="steps" aria-label={t('submit.steps')}>
        <li aria-current={!session ? 'step' : undefined}>{t('submit.stepSignIn')}</li>
        {helper && <li aria-current={intake === 'citizen' ? 'step' : undefined}>{t('submit.stepCitizen')}</li>}
        {helper && <li aria-current={intake === 'consent' ? 'step' : undefined}>{t('submit.stepConsent')}</li>}
        <li aria-current={session && (!helper || intake === 'done') && step === 'fill' ? 'step' : undefined}>{t('submit.stepFill')}</li>
        <li aria-current={session && (!helper || intake === 'done') && step === 'review' ? 'step' : undefined}>{t('submit.stepReview')}</li>
      </ol>
      {!session ? (
        <SignIn why={t('submit.signInWhy')} />
      ) : helper && intake !== 'done' ? (
        <HelperIntake
          stage={intake}
          applicant={draft.applicant}
          onApplicant={(applicant) => setDraft({ ...draft, applicant, consent: null })}
          errors={errors}
          onNext={() => {
            const e = validate(APPLICANT, draft.applicant, applicantLabel, 'applicant.');
            showErrors(e);
            if (!Object.keys(e).length) setIntake('consent');
          }}
          message={message}
          procedureCode={p.code}
          consent={draft.consent ?? null}
          onConsent={(consent) => setDraft({ ...draft, consent })}
          onBack={() => setIntake('citizen')}
          onDone={() => setIntake('done')}
        />
      ) : step === 'fill' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const errs = checkAll();
            showErrors(errs);
            if (!Object.keys(errs).length) {
              setStep('review');
              window.scrollTo(0, 0);
            }
          }}
        >
          {message && <p role="alert" className="error">{message}</p>}
          <fieldset className="panel">
            <legend>{helper ? t('submit.assistedApplicant') : t('submit.applicant')}</legend>
            {helper ? (
              <p data-testid="assisted-citizen">
                {t('submit.assistedCitizen', { name: String(draft.applicant.fullName), id: String(draft.applicant.idNumber), phone: String(draft.applicant.phone) })}{' '}
                <button type="button" className="link" onClick={() => setIntake('citizen')}>
                  {t('submit.changeCitizen')}
                </button>
              </p>
            ) : (
              <SchemaForm schema={APPLICANT} value={draft.applicant} onChange={(applicant) => setDraft({ ...draft, applicant })} labelOf={applicantLabel} errors={errors} prefix="applicant." />
            )}
            <div className={`field${errors.agencyCode ? ' invalid' : ''}`}>
              <label htmlFor="agencyCode">
                {t('submit.desk')}<span className="req"> *</span>
              </label>
              <select id="agencyCode" value={draft.agencyCode} aria-invalid={errors.agencyCode ? true : undefined} aria-describedby={errors.agencyCode ? 'agencyCode-error' : undefined} onChange={(e) => setDraft({ ...draft, agencyCode: e.target.value })}>
                <option value="">{t('common.pickCommune')}</option>
                {desks.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
              {errors.agencyCode && <p className="field-error" id="agencyCode-error">{errors.agencyCode}</p>}
            </div>
          </fieldset>
          <fieldset className="panel">
            <legend>{t('submit.form')}</legend>
            <SchemaForm schema={p.formSchema} value={draft.form} onChange={(form) => setDraft({ ...draft, form })} labelOf={formLabel} errors={errors} prefix="form." />
          </fieldset>
          <fieldset className="panel">
            <legend>{t('submit.attachments')}</legend>
            <ul>
              {p.requiredDocuments.map((d) => (
                <li key={d.vi}>{inLang(d)}</li>
              ))}
            </ul>
            <div className="field">
              <label htmlFor="files">{t('submit.files')}</label>
              <input
                id="files"
                type="file"
                multiple
                accept={ACCEPT}
                onChange={(e) => {
                  pick(e.target.files);
                  e.target.value = '';
                }}
              />
            </div>
            <div className="field">
              <label htmlFor="camera">{t('submit.camera')}</label>
              <input
                id="camera"
                type="file"
                accept="image/jpeg,image/png"
                capture="environment"
                onChange={(e) => {
                  pick(e.target.files);
                  e.target.value = '';
                }}
              />
            </div>
            <UploadList files={uploads.files} onRemove={uploads.remove} requirements={p.requiredDocuments.map((d) => d.vi)}
              requirementLabel={(vi) => inLang(p.requiredDocuments.find((d) => d.vi === vi))} onTag={uploads.tag} />
            {session?.user.role === 'citizen' && (
              <Suspense fallback={null}>
                <StorePicker requirements={p.requiredDocuments.map((d) => d.vi)} requirementLabel={(vi) => inLang(p.requiredDocuments.find((d) => d.vi === vi))}
                  chosen={stored} onChosen={(a) => setStored((s) => [...s, a])} locked={busy} />
              </Suspense>
            )}
            <p className="note">{t('submit.filesNote')}</p>
          </fieldset>
          <p className="actions">
            <button type="submit">{t('submit.toReview')}</button>
          </p>
        </form>
      ) : (
        <div>
          {message && <p role="alert" className="error">{message}</p>}
          <section className="panel" aria-labelledby="review-title">
            <h2 id="review-title">{t('submit.reviewTitle')}</h2>
            <dl className="review">
              {Object.keys(APPLICANT.properties!).map((k) =>
                draft.applicant[k] ? (
                  <div key={k}>
                    <dt>{applicantLabel(k)}</dt>
                    <dd>{String(draft.applicant[k])}</dd>
                  </div>
                ) : null,
              )}
              <div>
                <dt>{t('submit.deskShort')}</dt>
                <dd>{DESKS.find((d) => d.code === draft.agencyCode)?.name}</dd>
              </div>
              {Object.keys(p.formSchema.properties ?? {}).map((k) => (
                <div key={k}>
                  <dt>{formLabel(k)}</dt>
                  <dd>{show(draft.form[k], p.formSchema.properties?.[k])}</dd>
                </div>
              ))}
              <div>
                <dt>{t('submit.attached')}</dt>
                <dd>
                  {uploads.files.length ? <UploadList files={uploads.files} onRemove={uploads.remove} label={t('submit.attached')} locked={busy} /> : !stored.length && t('submit.none')}
                  {stored.length > 0 && (
                    <ul aria-label={t('store.taken')} className="uploads">
                      {stored.map((a) => (
                        <li key={a.id}>
                          {a.name} <span className="note">({t('store.taken')})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('common.deadline')}</dt>
                {/* Online, the procedure's online deadline where it states one (the kiosk runs on the counter's). */}
                <dd>{t('submit.deadlineFrom', { deadline: deadlineText((!isKiosk() && p.deadlines?.online) || p.deadline) })}</dd>
              </div>
              <div>
                <dt>{t('common.fee')}</dt>
                {/* The amount the API will ask for: the channel's rate, by the form where the procedure's fee rule says so. */}
                <dd data-testid="fee">{money(feeOf({ fee: { counter: p.fee, online: p.feeOnline }, feeRule: p.feeRule ?? undefined }, isKiosk() ? 'kiosk' : 'online', clean(p.formSchema, draft.form)))}</dd>
              </div>
            </dl>
          </section>
          <p className="actions">
            <button type="button" className="secondary" onClick={() => setStep('fill')}>
              {t('submit.edit')}
            </button>
            <button type="button" onClick={submit} disabled={busy} aria-busy={busy}>
              {busy ? (phase === 'upload' && uploads.files.some((f) => !f.done) ? t('submit.uploading') : t('submit.sending')) : t('submit.send')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}

/** A value of the form in words: a choice by the words its form schema gives it. */
function show(v: unknown, prop: JsonSchema | undefined): string {
  if (v === undefined || v === '' || v === null) return '—';
  if (v === true) return tr('common.yes');
  if (v === false) return tr('common.no');
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? Object.values(x ?? {}).join(' – ') : String(x))).join('; ');
  return optionLabel(prop, v);
}

/** «Nộp hộ», before the form: the citizen's details, then their consent (portal/src/AssistedConsent.tsx). */
function HelperIntake(props: {
  stage: 'citizen' | 'consent';
  applicant: FormValue;
  onApplicant: (a: FormValue) => void;
  errors: Errors;
  message: string;
  onNext: () => void;
  procedureCode: string;
  consent: Consent | null;
  onConsent: (c: Consent | null) => void;
  onBack: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const a = props.applicant;
  if (props.stage === 'citizen') {
    return (
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onNext();
        }}
      >
        {props.message && <p role="alert" className="error">{props.message}</p>}
        <fieldset className="panel" data-testid="assisted-citizen-step">
          <legend>{t('submit.assistedCitizenLegend')}</legend>
          <p className="note">{t('submit.assistedCitizenNote')}</p>
          <SchemaForm schema={APPLICANT} value={a} onChange={props.onApplicant} labelOf={applicantLabel} errors={props.errors} prefix="applicant." />
        </fieldset>
        <p className="actions">
          <button type="submit">{t('submit.toConsent')}</button>
        </p>
      </form>
    );
  }
  return (
    <div>
      <AssistedConsent
        citizen={{ fullName: String(a.fullName ?? ''), idNumber: String(a.idNumber ?? ''), phone: String(a.phone ?? '') }}
        procedureCode={props.procedureCode}
        consent={props.consent}
        onConsent={props.onConsent}
      />
      <p className="actions">
        <button type="button" className="secondary" onClick={props.onBack}>
          {t('submit.back')}
        </button>{' '}
        <button type="button" disabled={!props.consent} onClick={props.onDone}>
          {t('submit.toForm')}
        </button>
      </p>
    </div>
  );
}
