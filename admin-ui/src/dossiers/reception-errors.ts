import { fieldMessage, problemOf, type FieldProblem } from '../common/problem-text';
import type { Procedure } from '../types';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The API's field errors split between the inputs the counter form renders (they land on their
 * field, in Vietnamese) and the rest (shown above the form). An error left on a field that has
 * no input could never be cleared, and Save would then do nothing: that was the old form's trap.
 */
export function splitFieldErrors(translate: Translate, e: unknown, procedure: Procedure | undefined) {
  const errors: FieldProblem[] = problemOf(e).errors ?? [];
  const formKeys = new Set(Object.keys(procedure?.formSchema.properties ?? {}));
  const rendered = (field: string) => {
    const [root, key] = field.split('.');
    return field === 'procedureCode' || (root === 'applicant' && !!key) || (root === 'form' && !!key && formKeys.has(key));
  };
  const onFields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const f of errors) {
    const message = fieldMessage(translate, f);
    if (rendered(f.field)) onFields[f.field] ??= message;
    else elsewhere.push(translate('app.field_error.not_a_field', { field: f.field || '—', message }));
  }
  return { onFields, elsewhere };
}
