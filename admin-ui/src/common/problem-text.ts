import { HttpError } from 'react-admin';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** An RFC 9457 problem as the API sends it (api/problem.ts). */
export interface Problem {
  status?: number;
  code?: string;
  detail?: string;
  errors?: FieldProblem[];
}
export interface FieldProblem {
  field: string;
  message: string;
  code?: string;
  minimum?: number;
  maximum?: number;
}

/** The problem behind an error; its field errors as the API listed them (http.ts keeps them as `fieldErrors`). */
export const problemOf = (e: unknown): Problem => {
  if (!(e instanceof HttpError)) return { status: 0, code: 'network' };
  const body = (e.body ?? {}) as Problem & { fieldErrors?: unknown };
  const errors = [body.fieldErrors, body.errors].find(Array.isArray) as FieldProblem[] | undefined;
  return { ...body, status: e.status, errors };
};

/**
 * The problem in the officer's language, found by its stable `code`; the API's English `detail`
 * (a workflow's refusal, say) is kept only as the secondary, technical line.
 */
export function problemText(translate: Translate, e: unknown): { message: string; detail?: string } {
  const p = problemOf(e);
  const message = translate(`app.problem.${p.code ?? 'unknown'}`, { _: translate('app.problem.unknown', { status: p.status ?? '?' }) });
  return { message, detail: p.detail };
}

/** One line for a notification: the Vietnamese message, then the English detail in brackets. */
export const problemLine = (translate: Translate, e: unknown) => {
  const { message, detail } = problemText(translate, e);
  return detail ? `${message} (${translate('app.problem.english_detail')}: ${detail})` : message;
};

/** A letter only Vietnamese writes: the message was written for the officer already. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** Vietnamese messages from the procedures are kept; zod's English defaults are worded by their code. */
export function fieldMessage(translate: Translate, f: FieldProblem): string {
  if (VIETNAMESE.test(f.message)) return f.message;
  return translate(`app.field_error.${f.code ?? 'other'}`, { _: translate('app.field_error.other'), minimum: f.minimum ?? '', maximum: f.maximum ?? '' });
}
