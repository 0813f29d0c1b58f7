import { useRef, useState } from 'react';
import { api, uploadProblem, type Attachment } from './api';
import { t } from './i18n';

/** A file the citizen picked; `done` once stored on the server (kept, so a retry never re-sends it). */
export interface PickedFile {
  key: string;
  file: File;
  progress: number;
  done?: Attachment;
  error?: string;
  /** The required document this file is a copy of (its Vietnamese label); unset for «other». */
  requirement?: string;
}

let seq = 0;

/**
 * Picked files and their upload to POST /api/attachments, one request per file so each shows
 * its own progress. `uploadAll` sends what is not stored yet and answers every stored file.
 */
export function useUploads() {
  const [files, setFiles] = useState<PickedFile[]>([]);
  const ref = useRef(files);
  ref.current = files;
  const patch = (key: string, p: Partial<PickedFile>) => setFiles((fs) => fs.map((f) => (f.key === key ? { ...f, ...p } : f)));

  function add(list: FileList | null): string | null {
    const picked = Array.from(list ?? []);
    const problems = picked.map(uploadProblem).filter((x): x is string => !!x);
    const ok = picked.filter((f) => !uploadProblem(f)).map((file) => ({ key: `f${++seq}`, file, progress: 0 }));
    setFiles((fs) => [...fs, ...ok]);
    return problems.length ? problems.join(' ') : null;
  }
  const remove = (key: string) => setFiles((fs) => fs.filter((f) => f.key !== key));
  const tag = (key: string, requirement: string) => patch(key, { requirement: requirement || undefined });

  /** Uploads the files not yet stored, one after another; throws the first failure. */
  async function uploadAll(): Promise<Attachment[]> {
    const out: Attachment[] = [];
    for (const f of ref.current) {
      if (f.done) {
        out.push(f.done);
        continue;
      }
      patch(f.key, { error: undefined, progress: 0 });
      try {
        const done = await api.upload(f.file, (progress) => patch(f.key, { progress }), f.requirement);
        patch(f.key, { done, progress: 1 });
        out.push(done);
      } catch (err) {
        patch(f.key, { error: (err as Error).message });
        throw err;
      }
    }
    return out;
  }
  return { files, add, remove, tag, uploadAll };
}

/**
 * The picked files with a progress bar each, and a remove button until they are stored. Given
 * the procedure's required documents and `onTag`, each file not yet stored gets a choice of
 * which of them it is (the officers check the dossier against that list).
 */
export function UploadList({
  files,
  onRemove,
  label = t('uploads.picked'),
  locked = false,
  requirements,
  requirementLabel = (r) => r,
  onTag,
}: {
  files: PickedFile[];
  onRemove: (key: string) => void;
  label?: string;
  locked?: boolean;
  requirements?: readonly string[];
  /** A requirement (its Vietnamese label, which the API keys it by) in the page's language. */
  requirementLabel?: (requirement: string) => string;
  onTag?: (key: string, requirement: string) => void;
}) {
  if (!files.length) return null;
  return (
    <ul aria-label={label} className="uploads">
      {files.map((f) => (
        <li key={f.key}>
          <span>
            {t('common.fileSize', { name: f.file.name, kb: Math.ceil(f.file.size / 1024) })}
          </span>{' '}
          {requirements?.length && onTag ? (
            <select aria-label={t('uploads.which', { name: f.file.name })} value={f.requirement ?? ''} disabled={locked || !!f.done} onChange={(e) => onTag(f.key, e.target.value)}>
              <option value="">{t('uploads.other')}</option>
              {requirements.map((r) => (
                <option key={r} value={r}>
                  {requirementLabel(r)}
                </option>
              ))}
            </select>
          ) : f.requirement ? (
            <span className="note">{requirementLabel(f.requirement)} </span>
          ) : null}
          <progress max={1} value={f.progress} aria-label={t('uploads.progress', { name: f.file.name })} />{' '}
          <span className="note">{f.error ? '' : f.done ? t('uploads.done') : f.progress > 0 ? `${Math.round(f.progress * 100)}%` : t('uploads.notYet')}</span>
          {!locked && (
            <>
              {' '}
              <button type="button" className="link" onClick={() => onRemove(f.key)}>
                {t('uploads.remove')}
              </button>
            </>
          )}
          {f.error && (
            <p className="field-error" role="alert">
              {f.error}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "PDF, JPG, PNG up to 10 MB" for the file inputs. */
export const ACCEPT = 'application/pdf,image/jpeg,image/png';
