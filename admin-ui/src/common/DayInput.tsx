import { TextInput, required, useTranslate, type Validator } from 'react-admin';
import { dayToText, isRealDay, textToDay } from './day-text';

/** A date field typed dd/mm/yyyy (see day-text.ts); the form value is the ISO day. */
export function DayInput({ source, label, isRequired }: { source: string; label: string; isRequired: boolean }) {
  const translate = useTranslate();
  const realDay: Validator = (v) => (v === undefined || v === null || v === '' || isRealDay(v) ? undefined : 'app.validation.date');
  return (
    <TextInput
      source={source}
      label={label}
      format={dayToText}
      parse={textToDay}
      validate={isRequired ? [required(), realDay] : [realDay]}
      helperText={translate('app.reception.date_hint')}
      placeholder="dd/mm/yyyy"
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 10, 'data-day': 'true' } }}
      fullWidth
    />
  );
}
