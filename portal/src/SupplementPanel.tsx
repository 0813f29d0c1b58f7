import { useState } from 'react';
import { api, type Dossier } from './api';
import { SupplementDeadline } from './SupplementDeadline';
import { ACCEPT, UploadList, useUploads } from './Uploads';

/**
 * For the signed-in owner of a dossier in NEEDS_SUPPLEMENT: what is missing, files to add, and
 * «Gửi bổ sung», which uploads them and sends the `supplement` action naming them.
 */
export function SupplementPanel({ code, missing, dueAt, onDone }: { code: string; missing: string[]; dueAt: string | null | undefined; onDone: (d: Dossier) => void }) {
  const uploads = useUploads();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [sent, setSent] = useState(false);
  if (sent) return <p className="panel ok" role="status">Đã gửi bổ sung. Hồ sơ tiếp tục được giải quyết.</p>;

  async function send() {
    if (busy) return;
    if (!uploads.files.length) return setError('Vui lòng chọn ít nhất một tệp giấy tờ bổ sung.');
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
      <h2 id="supplement-title">Bổ sung hồ sơ</h2>
      <SupplementDeadline dueAt={dueAt} />
      {missing.length > 0 && (
        <>
          <p>Cơ quan giải quyết đề nghị Ông/Bà bổ sung:</p>
          <ul className="missing">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      <div className="field">
        <label htmlFor={`supplement-files-${code}`}>Chọn tệp bổ sung (PDF, JPG, PNG, tối đa 10 MB mỗi tệp)</label>
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
      <UploadList files={uploads.files} onRemove={uploads.remove} label="Tệp bổ sung" locked={busy} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? 'Đang gửi…' : 'Gửi bổ sung'}
        </button>
      </p>
    </form>
  );
}
