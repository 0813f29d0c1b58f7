import { useEffect, useRef, useState } from 'react';

/**
 * «Nghe»: a big button that plays a text the server reads aloud in Vietnamese (espeak-ng, issue
 * 15 §2), for whoever cannot read the screen well. The audio is fetched only when pressed.
 */
export function ListenButton({ src, what }: { src: string; what: string }) {
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
      <button type="button" className="listen-button no-print" onClick={toggle} aria-label={state === 'playing' ? `Dừng đọc ${what}` : `Nghe đọc ${what}`} data-state={state}>
        <span aria-hidden="true">{state === 'playing' ? '■' : '▶'}</span> {state === 'playing' ? 'Dừng' : state === 'loading' ? 'Đang tải…' : 'Nghe'}
      </button>
      {state === 'error' && (
        <span role="alert" className="error no-print">
          Chưa nghe được: máy chủ chưa có bộ đọc tiếng Việt. Ông/Bà nhờ cán bộ tại quầy đọc giúp.
        </span>
      )}
    </span>
  );
}
