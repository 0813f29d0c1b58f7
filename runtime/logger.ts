import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured logs (pino, JSON lines) that never carry personal data or credentials in clear.
 *
 * Any field, at any depth, whose name says what it holds is masked: ID numbers and phones keep
 * their last three digits (enough to tell two applicants apart at the counter); names, addresses,
 * e-mails, passwords, tokens, secrets, cookies and Authorization headers become "[redacted]".
 * A string that looks like a 12-digit ID number or a phone number is masked whatever its field
 * (someone may type theirs as a username, or in a search). Errors are serialized first, and a failed
 * query's bound values (drizzle puts them in the error's message, stack and `params`) are
 * dropped. pino's own `redact` paths were not used: they match fixed depths only, and 70 of them
 * (14 names × 5 depths) cost ~0.5 ms per line.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    formatters: { log: (obj) => maskPersonalData(obj) as Record<string, unknown> },
    serializers: {
      err: serializeError,
      // pino's request/response views (method, url, headers...) are class instances: copy to walk them.
      req: (req) => maskPersonalData({ ...pino.stdSerializers.req(req) }),
      res: (res) => maskPersonalData({ ...pino.stdSerializers.res(res) }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

const normalize = (key: string) => key.toLowerCase().replace(/[-_]/g, '');
/** Masked to their last three characters. */
const PARTIAL = new Set(['idnumber', 'phone', 'phonenumber', 'mobile']);
/** Replaced entirely. */
const WHOLE = new Set([
  'fullname',
  'address',
  'email',
  'password',
  'newpassword',
  'passwordhash',
  'token',
  'accesstoken',
  'refreshtoken',
  'secret',
  'authorization',
  'cookie',
  'setcookie',
  'xapikey',
]);
/** A citizen ID (CCCD, 12 digits) or a Vietnamese phone number, wherever it appears as a value. */
const LOOKS_PERSONAL = /^(\d{12}|(0|\+84)\d{9,10})$/;
const REDACTED = '[redacted]';
const MAX_DEPTH = 10;

const lastThree = (v: unknown) => {
  const s = String(v);
  return s.length <= 3 ? '***' : '*'.repeat(s.length - 3) + s.slice(-3);
};

/**
 * A copy of `value` with personal fields masked; the same object when there is nothing to mask.
 * Walks plain objects and arrays only (class instances go through the serializers above).
 */
export function maskPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return LOOKS_PERSONAL.test(value) ? lastThree(value) : value;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) return serializeError(value);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, i) => {
      const masked = maskPersonalData(item, depth + 1);
      if (masked !== item) (out ??= [...value])[i] = masked;
    });
    return out ?? value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const name = normalize(key);
    const masked =
      item === undefined || item === null ? item
      : PARTIAL.has(name) ? lastThree(item)
      : WHOLE.has(name) ? REDACTED
      : maskPersonalData(item, depth + 1);
    if (masked !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = masked;
  }
  return out ?? value;
}

/**
 * pino's error serialization (message and stack with their causes, own fields), without what a
 * failed query carries: drizzle writes every bound value (an applicant's JSON, say) into its
 * message, its stack and `params`; PostgreSQL's `detail` may quote the whole failing row.
 */
export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return maskPersonalData(err);
  const out: Record<string, unknown> = { ...pino.stdSerializers.err(err) };
  const { query, params } = err as { query?: unknown; params?: unknown };
  if (typeof query === 'string' && Array.isArray(params)) {
    const leaked = `\nparams: ${String(params)}`;
    const kept = `\nparams: [${params.length} values redacted]`;
    for (const key of ['message', 'stack']) {
      if (typeof out[key] === 'string') out[key] = (out[key] as string).split(leaked).join(kept);
    }
    out.params = REDACTED;
  }
  if (typeof out.detail === 'string' && out.detail.startsWith('Failing row contains')) out.detail = 'Failing row contains [redacted]';
  return maskPersonalData(out);
}
