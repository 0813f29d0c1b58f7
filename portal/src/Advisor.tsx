import { useEffect, useRef, useState } from 'react';
import { api, type Advice, type AdviceAnswer } from './api';
import { AdvisorGuide } from './AdvisorGuide';
import { AdvisorTiles, TILES } from './AdvisorTiles';
import { useT } from './i18n';

/**
 * The kiosk advisor (issue 15 §1, docs/advisor.md): a tile or the citizen's words, at most three
 * questions with big buttons, then the guidance for the procedure that stands out. The server is
 * stateless: this page keeps the answers and sends them back with the words each time.
 */
export function Advisor({ start }: { start: { tile?: string | null; q?: string | null } }) {
  const t = useT();
  const initial = TILES.find((t) => t.id === start.tile)?.words ?? start.q ?? '';
  const [query, setQuery] = useState(initial);
  const [typed, setTyped] = useState(start.q ?? '');
  const [answers, setAnswers] = useState<AdviceAnswer[]>([]);
  const [advice, setAdvice] = useState<Advice | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!query) return;
    let live = true;
    setLoading(true);
    setError('');
    api
      .advise(query, answers)
      .then(
        (a) => live && setAdvice(a),
        (e: Error) => live && setError(e.message),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, answers]);

  // Each new step is announced: focus moves to its heading (screen readers, and the kiosk's scroll).
  useEffect(() => {
    heading.current?.focus();
  }, [advice, chosen]);

  const restart = () => {
    setQuery('');
    setTyped('');
    setAnswers([]);
    setAdvice(null);
    setChosen(null);
  };
  const ask = (words: string) => {
    setAnswers([]);
    setAdvice(null);
    setChosen(null);
    setQuery(words.trim());
  };

  const pick = chosen ?? (advice && !advice.question ? (advice.candidates[0]?.code ?? null) : null);
  return (
    <section aria-labelledby="advisor-title" className="advisor">
      <h1 id="advisor-title">{t('advisor.title')}</h1>
      {!query ? (
        <>
          <p className="lead">{t('advisor.lead')}</p>
          <AdvisorTiles onPick={(t) => ask(t.words)} />
          <form
            className="search"
            onSubmit={(e) => {
              e.preventDefault();
              if (typed.trim()) ask(typed);
            }}
          >
            <label htmlFor="advisor-q">{t('advisor.queryLabel')}</label>
            <input id="advisor-q" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('advisor.placeholder')} autoComplete="off" />
            <button type="submit" className="big">
              {t('advisor.search')}
            </button>
          </form>
        </>
      ) : (
        <div aria-live="polite" aria-busy={loading}>
          {error && <p role="alert" className="error">{error}</p>}
          {!advice && !error && <p role="status">{t('advisor.searching')}</p>}
          {advice && advice.candidates.length === 0 && <p>{t('advisor.none')}</p>}
          {advice?.question && !chosen && (
            <fieldset className="question panel" data-testid="advisor-question">
              <legend>
                <h2 ref={heading} tabIndex={-1}>
                  {t('advisor.question', { n: answers.length + 1, text: advice.question.text })}
                </h2>
              </legend>
              <div className="options">
                {advice.question.options.map((o) => (
                  <button key={o.id} type="button" className={`big${o.id === 'any' ? ' secondary' : ''}`} data-option={o.id} onClick={() => setAnswers([...answers, { questionId: advice.question!.id, optionId: o.id }])}>
                    {o.label}
                  </button>
                ))}
              </div>
            </fieldset>
          )}
          {pick && (
            <>
              <h2 ref={heading} tabIndex={-1} className="found">
                {t('advisor.found')}
              </h2>
              <AdvisorGuide code={pick} />
            </>
          )}
          {advice && advice.candidates.length > 1 && (
            <details className="others no-print" open={Boolean(advice.question)}>
              <summary>{advice.question ? t('advisor.considered') : t('advisor.other')}</summary>
              <ul className="candidates">
                {advice.candidates.map((c) => (
                  <li key={c.code}>
                    <button type="button" className="secondary" aria-pressed={c.code === pick} onClick={() => setChosen(c.code)}>
                      {c.name}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <p className="no-print">
            <button type="button" className="big secondary" onClick={restart}>
              {t('advisor.restart')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
