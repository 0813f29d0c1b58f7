import type { JsonSchema } from './api';
import type { Errors, FormValue } from './schema-form';
import { optionLabel } from '../../domain/form-choices';
import { t } from './i18n';

interface Props {
  schema: JsonSchema;
  value: FormValue;
  onChange: (v: FormValue) => void;
  labelOf: (k: string) => string;
  errors: Errors;
  /** Error keys and element ids start with this ("form.", "form.businessLines.0."). */
  prefix: string;
}

/** A form rendered from the procedure's JSON Schema, with its Vietnamese labels and errors by field. */
export function SchemaForm({ schema, value, onChange, labelOf, errors, prefix }: Props) {
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([k, s]) => (
        <Field key={k} name={k} s={s} required={!!schema.required?.includes(k)} value={value[k]} set={(v) => onChange({ ...value, [k]: v })} labelOf={labelOf} errors={errors} prefix={prefix} />
      ))}
    </>
  );
}

function Field(props: { name: string; s: JsonSchema; required: boolean; value: unknown; set: (v: unknown) => void; labelOf: (k: string) => string; errors: Errors; prefix: string }) {
  const { name, s, required, value, set, labelOf, errors, prefix } = props;
  const key = prefix + name;
  const id = key.replace(/\./g, '-');
  const error = errors[key];
  const label = labelOf(name);
  const described = error ? `${id}-error` : undefined;
  const common = { id, name: key, 'aria-invalid': error ? true : undefined, 'aria-describedby': described, 'aria-required': required || undefined } as const;
  const errorLine = error && (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  );

  if (s.type === 'boolean') {
    return (
      <div className={`field check${error ? ' invalid' : ''}`}>
        <input type="checkbox" {...common} checked={value === true} onChange={(e) => set(e.target.checked)} />
        <label htmlFor={id}>{label}</label>
        {errorLine}
      </div>
    );
  }
  if (s.type === 'array' && s.items?.type === 'object') {
    const rows = Array.isArray(value) ? (value as FormValue[]) : [];
    return (
      <fieldset className={`field list${error ? ' invalid' : ''}`} aria-describedby={described}>
        <legend>
          {label}
          {required && <span className="req"> {t('form.required')}</span>}
        </legend>
        {rows.map((row, i) => (
          <div className="row" key={i}>
            <SchemaForm schema={s.items!} value={row ?? {}} onChange={(v) => set(rows.map((r, j) => (j === i ? v : r)))} labelOf={labelOf} errors={errors} prefix={`${key}.${i}.`} />
            <button type="button" className="secondary" onClick={() => set(rows.filter((_, j) => j !== i))}>
              {t('form.removeRow', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => set([...rows, {}])}>
          {t('form.addRow')}
        </button>
        {errorLine}
      </fieldset>
    );
  }
  let input;
  if (s.enum) {
    input = (
      <select {...common} value={value === undefined ? '' : String(value)} onChange={(e) => set(e.target.value || undefined)}>
        <option value="">{t('form.choose')}</option>
        {s.enum.map((o) => (
          <option key={String(o)} value={String(o)}>
            {optionLabel(s, o)}
          </option>
        ))}
      </select>
    );
  } else if (s.type === 'integer' || s.type === 'number') {
    input = (
      <input
        {...common}
        type="number"
        inputMode={s.type === 'integer' ? 'numeric' : 'decimal'}
        step={s.type === 'integer' ? 1 : 'any'}
        value={typeof value === 'number' && !Number.isNaN(value) ? value : ''}
        onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  } else if (s.format === 'date') {
    input = <input {...common} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => set(e.target.value)} />;
  } else if ((s.maxLength ?? 0) > 200) {
    input = <textarea {...common} rows={2} value={typeof value === 'string' ? value : ''} onChange={(e) => set(e.target.value)} />;
  } else {
    const numeric = s.pattern?.startsWith('^\\d') || s.pattern?.startsWith('^0\\d');
    input = <input {...common} type="text" inputMode={numeric ? 'numeric' : undefined} value={typeof value === 'string' ? value : ''} onChange={(e) => set(e.target.value)} />;
  }
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="req"> *</span> : <span className="opt"> {t('form.optional')}</span>}
      </label>
      {input}
      {errorLine}
    </div>
  );
}
