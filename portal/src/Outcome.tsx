import { useState } from 'react';
import { api, ApiError } from './api';
import { DOCUMENT_TEXT } from './text';

/** Buttons that save the dossier's PDFs (the owner's session is needed: they hold personal data). */
export function Documents({ code, kinds }: { code: string; kinds: string[] }) {
  const [error, setError] = useState('');
  if (!kinds.length) return null;
  return (
    <section className="panel" aria-labelledby="docs-title">
      <h2 id="docs-title">Giấy tờ của hồ sơ</h2>
      <ul className="doc-list">
        {kinds.map((k) => (
          <li key={k}>
            <button type="button" className={k === 'result' ? '' : 'secondary'} onClick={() => api.download(code, k).then(() => setError(''), (e: Error) => setError(e.message))}>
              Tải {DOCUMENT_TEXT[k] ?? k} (PDF)
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
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState('');
  if (state === 'done') return <p className="panel ok" role="status">Cảm ơn Ông/Bà đã đánh giá ({score}/5).</p>;
  return (
    <form
      className="panel"
      aria-labelledby="rate-title"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!score) return setError('Vui lòng chọn mức độ hài lòng từ 1 đến 5.');
        setState('busy');
        try {
          await api.rate(code, score, comment.trim());
          setState('done');
        } catch (err) {
          setState('idle');
          setError(err instanceof ApiError && err.status === 409 ? 'Hồ sơ này đã được đánh giá hoặc chưa thể đánh giá lúc này.' : (err as Error).message);
        }
      }}
    >
      <h2 id="rate-title">Đánh giá mức độ hài lòng</h2>
      <fieldset className="stars">
        <legend>Chọn từ 1 (rất không hài lòng) đến 5 (rất hài lòng)</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={n <= score ? 'on' : ''}>
            <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
            <span aria-hidden="true">★</span>
            <span className="sr">{n} sao</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="comment">Góp ý (nếu có)</label>
        <textarea id="comment" rows={2} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={state === 'busy'}>
        Gửi đánh giá
      </button>
    </form>
  );
}
