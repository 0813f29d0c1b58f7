import { useState } from 'react';
import { api, ApiError } from './api';
import { useT } from './i18n';
import { documentText } from './text';

/** Buttons that save the dossier's PDFs (the owner's session is needed: they hold personal data). */
export function Documents({ code, kinds }: { code: string; kinds: string[] }) {
  const t = useT();
  const [error, setError] = useState('');
  if (!kinds.length) return null;
  return (
    <section className="panel" aria-labelledby="docs-title">
      <h2 id="docs-title">{t('docs.title')}</h2>
      <ul className="doc-list">
        {kinds.map((k) => (
          <li key={k}>
            <button type="button" className={k === 'result' ? '' : 'secondary'} onClick={() => api.download(code, k).then(() => setError(''), (e: Error) => setError(e.message))}>
              {t('docs.download', { doc: documentText(k) })}
            </button>
          </li>
        ))}
      </ul>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}

/** Rating 1–5 with a comment, sent as the signed-in citizen's `rate` action. */
export function Rating({ code }: { code: string }) {
  const t = useT();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState('');
  if (state === 'done') return <p className="panel ok" role="status">{t('rate.thanks', { n: score })}</p>;
  return (
    <form
      className="panel"
      aria-labelledby="rate-title"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!score) return setError(t('rate.pick'));
        setState('busy');
        try {
          await api.rate(code, score, comment.trim());
          setState('done');
        } catch (err) {
          setState('idle');
          setError(err instanceof ApiError && err.status === 409 ? t('rate.conflict') : (err as Error).message);
        }
      }}
    >
      <h2 id="rate-title">{t('rate.title')}</h2>
      <fieldset className="stars">
        <legend>{t('rate.legend')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={n <= score ? 'on' : ''}>
            <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
            <span aria-hidden="true">★</span>
            <span className="sr">{t('rate.stars', { n })}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="comment">{t('rate.comment')}</label>
        <textarea id="comment" rows={2} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={state === 'busy'}>
        {t('rate.send')}
      </button>
    </form>
  );
}
