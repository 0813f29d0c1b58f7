import { useEffect, useState } from 'react';
import { api, type Attachment, type StoreDocument } from './api';
import { useT } from './i18n';
import { day } from './text';

/**
 * On the submission form, for a signed-in citizen: a document of their store («Kho dữ liệu») taken
 * for a required document instead of uploading it again (POST /api/my-documents/:id/attachments,
 * the server attaching it by reference). Lazy-loaded with the form; nothing shows when the store is empty.
 */
export function StorePicker({
  requirements,
  requirementLabel,
  chosen,
  onChosen,
  locked,
}: {
  requirements: readonly string[];
  requirementLabel: (vi: string) => string;
  chosen: (Attachment & { storeId: string })[];
  onChosen: (a: Attachment & { storeId: string }) => void;
  locked: boolean;
}) {
  const t = useT();
  const [list, setList] = useState<StoreDocument[]>([]);
  const [tags, setTags] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  useEffect(() => {
    api.myDocuments().then(setList, () => setList([]));
  }, []);
  if (list.length === 0) return null;

  async function take(d: StoreDocument) {
    setBusy(d.id);
    setError('');
    try {
      onChosen({ ...(await api.fromStore(d.id, tags[d.id])), storeId: d.id });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy('');
    }
  }
  return (
    <div className="field" data-testid="store-picker">
      <p>
        <strong>{t('store.pickTitle')}</strong> {t('store.pickNote')}
      </p>
      <ul className="uploads">
        {list.map((d) => {
          const taken = chosen.some((c) => c.storeId === d.id);
          return (
            <li key={d.id}>
              <span>
                {d.procedureName} ({d.dossierCode}, {day(d.issuedAt)})
              </span>{' '}
              <select aria-label={t('store.which', { name: d.procedureName })} value={tags[d.id] ?? ''} disabled={taken || locked} onChange={(e) => setTags({ ...tags, [d.id]: e.target.value })}>
                <option value="">{t('uploads.other')}</option>
                {requirements.map((r) => (
                  <option key={r} value={r}>
                    {requirementLabel(r)}
                  </option>
                ))}
              </select>{' '}
              {taken ? (
                <span className="note">{t('store.taken')}</span>
              ) : (
                <button type="button" disabled={locked || busy === d.id} onClick={() => void take(d)}>
                  {t('store.use')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
