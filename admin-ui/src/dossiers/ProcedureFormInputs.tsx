import {
  ArrayInput,
  BooleanInput,
  NumberInput,
  RadioButtonGroupInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  maxValue,
  minLength,
  minValue,
  required,
  useLocaleState,
} from 'react-admin';
import { optionLabel } from '../../../domain/form-choices';
import { stripSeparators } from '../../../domain/text';
import { DayInput } from '../common/DayInput';
import { pick } from '../common/format';
import type { JsonSchemaProp, Procedure } from '../types';

function validators(p: JsonSchemaProp, isRequired: boolean) {
  const v = [];
  if (isRequired) v.push(required());
  if (p.minLength) v.push(minLength(p.minLength));
  if (p.maxLength) v.push(maxLength(p.maxLength));
  if (p.pattern && p.format !== 'date') {
    // Numbers may be typed grouped ("010 203 004 567"): the API drops the separators too.
    const re = new RegExp(p.pattern);
    v.push((x: unknown) => (typeof x !== 'string' || x === '' || re.test(x) || re.test(stripSeparators(x)) ? undefined : 'app.validation.format'));
  }
  if (p.minimum !== undefined) v.push(minValue(p.minimum));
  if (p.maximum !== undefined && p.maximum < Number.MAX_SAFE_INTEGER) v.push(maxValue(p.maximum));
  return v;
}

/** One input for one JSON Schema property (the shapes procedure forms use). */
function SchemaInput({ source, label, prop, isRequired }: { source: string; label: string; prop: JsonSchemaProp; isRequired: boolean }) {
  const validate = validators(prop, isRequired);
  if (prop.enum) {
    // Choices by the words their form schema gives them, never their slugs; a few of them as radio buttons (one click, not two).
    const choices = prop.enum.map((e) => ({ id: e, name: optionLabel(prop, e) }));
    if (choices.length <= 5) return <RadioButtonGroupInput source={source} label={label} choices={choices} validate={validate} row />;
    return <SelectInput source={source} label={label} choices={choices} validate={validate} fullWidth />;
  }
  if (prop.type === 'boolean') return <BooleanInput source={source} label={label} defaultValue={false} />;
  if (prop.type === 'integer' || prop.type === 'number') return <NumberInput source={source} label={label} validate={validate} step={prop.type === 'integer' ? 1 : 'any'} fullWidth />;
  if (prop.format === 'date') return <DayInput source={source} label={label} isRequired={isRequired} />;
  if (prop.type === 'array' && prop.items?.properties) {
    const item = prop.items;
    return (
      <ArrayInput source={source} label={label} validate={isRequired ? required() : undefined}>
        <SimpleFormIterator inline>
          {Object.entries(item.properties!).map(([k, p]) => (
            <SchemaInput key={k} source={k} label={k} prop={p} isRequired={item.required?.includes(k) ?? false} />
          ))}
        </SimpleFormIterator>
      </ArrayInput>
    );
  }
  return <TextInput source={source} label={label} validate={validate} fullWidth multiline={(prop.maxLength ?? 0) > 200} />;
}

/** The procedure's form rendered from its JSON Schema, labelled with formLabels in the current language. */
export function ProcedureFormInputs({ procedure, prefix = 'form' }: { procedure: Procedure; prefix?: string }) {
  const [locale] = useLocaleState();
  const { properties, required: req = [] } = procedure.formSchema;
  return (
    <>
      {Object.entries(properties).map(([k, prop]) => (
        <SchemaInput key={`${procedure.code}.${k}`} source={`${prefix}.${k}`} label={pick(procedure.formLabels[k], locale) || k} prop={prop} isRequired={req.includes(k)} />
      ))}
    </>
  );
}
