import { useEffect, useRef, useState } from 'react';
import { useT } from './i18n';

/**
 * «Nghe»: a big button that plays a text the server reads aloud in Vietnamese (espeak-ng, issue
 * 15 §2), for whoever cannot read the screen well. The audio is fetched only when pressed.
 */
export function ListenButton({ src, what }: { src: string; what: string }) {
  const t = useT();
  const audio = useRef<HTMLAudioElement | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'playing' | 'error'>('idle');
  useEffect(() => () => audio.current?.pause(), []);

  function toggle() {
    if (state === 'playing' || state === 'loading') {
      audio.current?.pause();
      setState('idle');
      return;
    }
    const a = (audio.current ??= new Audio());
    a.onplaying = () => setState('playing');
    a.onended = () => setState('idle');
    a.onerror = () => setState('error');
    if (a.src !== new URL(src, location.href).href) a.src = src;
    setState('loading');
    a.play().catch(() => setState('error'));
  }

  return (
    <span className="listen">
      <button type="button" className="listen-button no-print" onClick={toggle} aria-label={state === 'playing' ? t('listen.stop', { what }) : t('listen.play', { what })} data-state={state}>
        <span aria-hidden="true">{state === 'playing' ? '■' : '▶'}</span> {state === 'playing' ? t('listen.stopShort') : state === 'loading' ? t('common.loading') : t('listen.listen')}
      </button>
      {state === 'error' && (
        <span role="alert" className="error no-print">
          {t('listen.error')}
        </span>
      )}
    </span>
  );
}
