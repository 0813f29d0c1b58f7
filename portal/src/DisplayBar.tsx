import { setToggle, useToggle, type Toggle } from './display';
import { LANGUAGES, lang, setLang, useT } from './i18n';
import type { MessageKey } from './i18n/vi';

const TOGGLES: { id: Toggle; label: MessageKey }[] = [
  { id: 'large-text', label: 'display.largeText' },
  { id: 'contrast', label: 'display.contrast' },
];

/**
 * The header's language switch and display toggles, on every page. Each language is named in
 * itself (and marked with its `lang`), so a reader finds their own whatever the page is in.
 */
export function DisplayBar() {
  const t = useT();
  return (
    <div className="display-bar no-print" role="group" aria-label={t('display.group')}>
      <span className="languages" role="group" aria-label={t('display.language')}>
        {LANGUAGES.map((l) => (
          <button key={l.code} type="button" className="chip" lang={l.code} aria-pressed={lang() === l.code} data-lang={l.code} onClick={() => void setLang(l.code)}>
            {l.name}
          </button>
        ))}
      </span>
      {TOGGLES.map((x) => (
        <ToggleButton key={x.id} id={x.id} label={t(x.label)} />
      ))}
    </div>
  );
}

function ToggleButton({ id, label }: { id: Toggle; label: string }) {
  const on = useToggle(id);
  return (
    <button type="button" className="chip" aria-pressed={on} data-toggle={id} onClick={() => setToggle(id, !on)}>
      {label}
    </button>
  );
}
