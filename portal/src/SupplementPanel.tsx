import { useState } from 'react';
import { api, type Dossier } from './api';
import { useT } from './i18n';
import { SupplementDeadline } from './SupplementDeadline';
import { ACCEPT, UploadList, useUploads } from './Uploads';

/**
 * For the signed-in owner of a dossier in NEEDS_SUPPLEMENT: what is missing, files to add, and
 * «Gửi bổ sung», which uploads them and sends the `supplement` action naming them.
 */
export function SupplementPanel({ code, missing, dueAt, onDone }: { code: string; missing: string[]; dueAt: string | null | undefined; onDone: (d: Dossier) => void }) {
  const t = useT();
  const uploads = useUploads();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [sent, setSent] = useState(false);
  if (sent) return <p className="panel ok" role="status">{t('supplement.sent')}</p>;

  async function send() {
    if (busy) return;
    if (!uploads.files.length) return setError(t('supplement.pickOne'));
    setBusy(true);
    setError('');
    try {
      const attachments = await uploads.uploadAll();
      const d = await api.supplement(code, attachments);
      setSent(true);
      onDone(d);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="panel"
      aria-labelledby="supplement-title"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h2 id="supplement-title">{t('supplement.title')}</h2>
      <SupplementDeadline dueAt={dueAt} />
      {missing.length > 0 && (
        <>
          <p>{t('supplement.asked')}</p>
          <ul className="missing">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      <div className="field">
        <label htmlFor={`supplement-files-${code}`}>{t('supplement.files')}</label>
        <input
          id={`supplement-files-${code}`}
          type="file"
          multiple
          accept={ACCEPT}
          disabled={busy}
          onChange={(e) => {
            setError(uploads.add(e.target.files) ?? '');
            e.target.value = '';
          }}
        />
      </div>
      <UploadList files={uploads.files} onRemove={uploads.remove} label={t('supplement.list')} locked={busy} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? t('supplement.sending') : t('supplement.send')}
        </button>
      </p>
    </form>
  );
}
