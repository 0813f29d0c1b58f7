import { useEffect, useMemo, useState } from 'react';
import agencyFile from '../../db/seed/lao-cai-agencies.json';
import { feeOf } from '../../domain/fees';
import { api, ApiError, type Consent, type FieldError, type JsonSchema, type Procedure } from './api';
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
const APPLICANT_LABELS: Record<string, string> = {
  fullName: 'Họ tên người nộp',
  idNumber: 'Số định danh cá nhân (CCCD)',
  phone: 'Số điện thoại (để tra cứu hồ sơ)',
  email: 'Email',
  address: 'Địa chỉ liên hệ',
};

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
  const [p, setP] = useState<Procedure | null>(null);
  const [draft, setDraft] = useState<Draft>(() => loadDraft(code));
  const [step, setStep] = useState<'fill' | 'review'>('fill');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [phase, setPhase] = useState<'upload' | 'submit'>('upload');
  const uploads = useUploads();
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

  const formLabel = useMemo(() => (k: string) => p?.formLabels[k]?.vi ?? k, [p]);
  if (!p) return message ? <p role="alert" className="error">{message}</p> : <p role="status">Đang tải…</p>;

  const checkAll = () => {
    const e: Errors = {
      ...validate(APPLICANT, draft.applicant, (k) => APPLICANT_LABELS[k] ?? k, 'applicant.'),
      ...validate(p.formSchema, draft.form, formLabel, 'form.'),
    };
    if (!draft.agencyCode) e.agencyCode = 'Vui lòng chọn nơi nộp hồ sơ';
    return e;
  };
  const showErrors = (e: Errors) => {
    setErrors(e);
    const n = Object.keys(e).length;
    setMessage(n ? `Còn ${n} mục cần sửa (đánh dấu đỏ bên dưới).` : '');
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
        throw new ApiError(err.status, `Chưa nộp hồ sơ: ${err.message} Bỏ tệp lỗi hoặc chọn tệp khác rồi bấm «Nộp hồ sơ» lại.`);
      });
      setPhase('submit');
      const dossier = await api.submit(
        {
          procedureCode: p!.code,
          agencyCode: draft.agencyCode,
          channel: isKiosk() ? 'kiosk' : 'online',
          applicant: clean(APPLICANT, draft.applicant),
          form: clean(p!.formSchema, draft.form),
          attachments: attachments.map((a) => a.id),
          ...(helper && draft.consent ? { assistance: { consent: draft.consent } } : {}),
        },
        draft.key,
      );
      sessionStorage.removeItem(draftKey(code));
      navigate(`/ho-so/${dossier.code}`, 'moi=1');
    } catch (err) {
      const e = err as ApiError;
      if (e.errors?.some((f) => f.field.startsWith('attachments'))) {
        setMessage(`Tệp đính kèm không dùng được: ${e.message}`);
      } else if (e.errors?.length) {
        setStep('fill');
        showErrors(Object.fromEntries(e.errors.map((f: FieldError) => [f.field, f.message])));
      } else setMessage(e.status === 0 ? `${e.message} Hồ sơ chưa bị nộp trùng: bấm «Nộp hồ sơ» lại an toàn.` : e.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="submit-title">
      <h1 id="submit-title">Nộp hồ sơ: {p.name.vi}</h1>
      <ol className="steps" aria-label="Các bước">
        <li aria-current={!session ? 'step' : undefined}>Đăng nhập</li>
        {helper && <li aria-current={intake === 'citizen' ? 'step' : undefined}>Thông tin công dân</li>}
        {helper && <li aria-current={intake === 'consent' ? 'step' : undefined}>Sự đồng ý</li>}
        <li aria-current={session && (!helper || intake === 'done') && step === 'fill' ? 'step' : undefined}>Điền tờ khai</li>
        <li aria-current={session && (!helper || intake === 'done') && step === 'review' ? 'step' : undefined}>Kiểm tra và nộp</li>
      </ol>
      {!session ? (
        <SignIn why="Để nộp hồ sơ trực tuyến, Ông/Bà đăng nhập bằng tài khoản dịch vụ công. Thông tin đã điền được giữ lại." />
      ) : helper && intake !== 'done' ? (
        <HelperIntake
          stage={intake}
          applicant={draft.applicant}
          onApplicant={(applicant) => setDraft({ ...draft, applicant, consent: null })}
          errors={errors}
          onNext={() => {
            const e = validate(APPLICANT, draft.applicant, (k) => APPLICANT_LABELS[k] ?? k, 'applicant.');
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
            <legend>{helper ? 'Nộp hộ cho công dân' : 'Người nộp hồ sơ'}</legend>
            {helper ? (
              <p data-testid="assisted-citizen">
                {String(draft.applicant.fullName)} — số định danh {String(draft.applicant.idNumber)}, điện thoại {String(draft.applicant.phone)} (đã đồng ý).{' '}
                <button type="button" className="link" onClick={() => setIntake('citizen')}>
                  Đổi công dân
                </button>
              </p>
            ) : (
              <SchemaForm schema={APPLICANT} value={draft.applicant} onChange={(applicant) => setDraft({ ...draft, applicant })} labelOf={(k) => APPLICANT_LABELS[k] ?? k} errors={errors} prefix="applicant." />
            )}
            <div className={`field${errors.agencyCode ? ' invalid' : ''}`}>
              <label htmlFor="agencyCode">
                Nơi nộp hồ sơ (Bộ phận Một cửa xã, phường)<span className="req"> *</span>
              </label>
              <select id="agencyCode" value={draft.agencyCode} aria-invalid={errors.agencyCode ? true : undefined} aria-describedby={errors.agencyCode ? 'agencyCode-error' : undefined} onChange={(e) => setDraft({ ...draft, agencyCode: e.target.value })}>
                <option value="">— Chọn xã, phường —</option>
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
            <legend>Tờ khai</legend>
            <SchemaForm schema={p.formSchema} value={draft.form} onChange={(form) => setDraft({ ...draft, form })} labelOf={formLabel} errors={errors} prefix="form." />
          </fieldset>
          <fieldset className="panel">
            <legend>Giấy tờ đính kèm</legend>
            <ul>
              {p.requiredDocuments.map((d) => (
                <li key={d.vi}>{d.vi}</li>
              ))}
            </ul>
            <div className="field">
              <label htmlFor="files">Chọn tệp (ảnh, PDF)</label>
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
              <label htmlFor="camera">Hoặc chụp ảnh giấy tờ</label>
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
            <UploadList files={uploads.files} onRemove={uploads.remove} requirements={p.requiredDocuments.map((d) => d.vi)} onTag={uploads.tag} />
            <p className="note">PDF, JPG hoặc PNG, tối đa 10 MB mỗi tệp. Tệp được tải lên máy chủ khi Ông/Bà bấm «Nộp hồ sơ».</p>
          </fieldset>
          <p className="actions">
            <button type="submit">Tiếp tục: kiểm tra lại</button>
          </p>
        </form>
      ) : (
        <div>
          {message && <p role="alert" className="error">{message}</p>}
          <section className="panel" aria-labelledby="review-title">
            <h2 id="review-title">Kiểm tra lại trước khi nộp</h2>
            <dl className="review">
              {Object.keys(APPLICANT.properties!).map((k) =>
                draft.applicant[k] ? (
                  <div key={k}>
                    <dt>{APPLICANT_LABELS[k]}</dt>
                    <dd>{String(draft.applicant[k])}</dd>
                  </div>
                ) : null,
              )}
              <div>
                <dt>Nơi nộp</dt>
                <dd>{DESKS.find((d) => d.code === draft.agencyCode)?.name}</dd>
              </div>
              {Object.keys(p.formSchema.properties ?? {}).map((k) => (
                <div key={k}>
                  <dt>{formLabel(k)}</dt>
                  <dd>{show(draft.form[k], p.formSchema.properties?.[k])}</dd>
                </div>
              ))}
              <div>
                <dt>Tệp đính kèm</dt>
                <dd>{uploads.files.length ? <UploadList files={uploads.files} onRemove={uploads.remove} label="Tệp đính kèm" locked={busy} /> : 'Không có'}</dd>
              </div>
              <div>
                <dt>Thời hạn giải quyết</dt>
                {/* Online, the procedure's online deadline where it states one (the kiosk runs on the counter's). */}
                <dd>{deadlineText((!isKiosk() && p.deadlines?.online) || p.deadline)} kể từ khi nhận đủ hồ sơ hợp lệ</dd>
              </div>
              <div>
                <dt>Phí, lệ phí</dt>
                {/* The amount the API will ask for: the channel's rate, by the form where the procedure's fee rule says so. */}
                <dd data-testid="fee">{money(feeOf({ fee: { counter: p.fee, online: p.feeOnline }, feeRule: p.feeRule ?? undefined }, isKiosk() ? 'kiosk' : 'online', clean(p.formSchema, draft.form)))}</dd>
              </div>
            </dl>
          </section>
          <p className="actions">
            <button type="button" className="secondary" onClick={() => setStep('fill')}>
              Sửa lại
            </button>
            <button type="button" onClick={submit} disabled={busy} aria-busy={busy}>
              {busy ? (phase === 'upload' && uploads.files.some((f) => !f.done) ? 'Đang tải tệp lên…' : 'Đang nộp…') : 'Nộp hồ sơ'}
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
  if (v === true) return 'Có';
  if (v === false) return 'Không';
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
          <legend>Công dân được hỗ trợ nộp hồ sơ</legend>
          <p className="note">Hồ sơ đứng tên công dân: công dân xem và theo dõi hồ sơ khi đăng nhập bằng số định danh của mình.</p>
          <SchemaForm schema={APPLICANT} value={a} onChange={props.onApplicant} labelOf={(k) => APPLICANT_LABELS[k] ?? k} errors={props.errors} prefix="applicant." />
        </fieldset>
        <p className="actions">
          <button type="submit">Tiếp tục: xin sự đồng ý</button>
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
          Quay lại
        </button>{' '}
        <button type="button" disabled={!props.consent} onClick={props.onDone}>
          Tiếp tục: điền tờ khai
        </button>
      </p>
    </div>
  );
}
