import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../runtime/logger';

/** A parsed JSON log line, walked key by key in the assertions (a wrong key fails the expect). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary JSON; typing each path would restate the logger's input
type LogLine = Record<string, any>;

/** A logger writing JSON lines into an array. */
function capture() {
  const lines: string[] = [];
  const log = createLogger('info', { write: (s: string) => void lines.push(s) });
  return { log, lines, last: () => JSON.parse(lines.at(-1)!) as LogLine };
}

const ID = '010203004567';
const PHONE = '0912345678';
const SECRETS = [ID, PHONE, 'Sùng Thị Dua', 'dua@example.vn', 'Thôn 3, Bát Xát', 'eyJhbGciOiJIUzI1NiJ9.secret', 'motcua123', 'sid=abc123', 'k-9f8e7d'];

describe('logs without personal data', () => {
  it('masks an applicant and the credentials of a logged request, at any depth, and keeps the rest', () => {
    const { log, lines, last } = capture();
    const request = {
      method: 'POST',
      url: '/api/dossiers',
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.secret', cookie: 'sid=abc123', 'X-API-Key': 'k-9f8e7d', 'content-type': 'application/json' },
      body: {
        procedureCode: '1.001193',
        applicant: { fullName: 'Sùng Thị Dua', idNumber: ID, phone: PHONE, email: 'dua@example.vn', address: 'Thôn 3, Bát Xát' },
        form: { mother: { details: { contact: { phone: PHONE } } } },
        credentials: [{ password: 'motcua123' }],
      },
    };
    log.info({ request }, 'submission');

    for (const s of SECRETS) expect(lines[0], s).not.toContain(s);
    const r = last().request;
    expect(r.body.applicant).toEqual({ fullName: '[redacted]', idNumber: '*********567', phone: '*******678', email: '[redacted]', address: '[redacted]' });
    expect(r.body.form.mother.details.contact.phone).toBe('*******678');
    expect(r.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]', 'X-API-Key': '[redacted]', 'content-type': 'application/json' });
    expect(r.body.credentials).toEqual([{ password: '[redacted]' }]);
    expect(r).toMatchObject({ method: 'POST', url: '/api/dossiers', body: { procedureCode: '1.001193' } });
    // The caller's object is not touched.
    expect(request.body.applicant.idNumber).toBe(ID);
  });

  it('masks the headers of a Node request passed as `req`', () => {
    const { log, lines, last } = capture();
    const req = new IncomingMessage(new Socket());
    req.method = 'GET';
    req.url = '/api/dossiers/02647-X';
    req.headers = { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.secret', cookie: 'sid=abc123', accept: 'application/json' };
    log.info({ req }, 'request');
    for (const s of SECRETS) expect(lines[0], s).not.toContain(s);
    expect(last().req).toMatchObject({ method: 'GET', url: '/api/dossiers/02647-X', headers: { authorization: '[redacted]', cookie: '[redacted]', accept: 'application/json' } });
  });

  it('masks values that look like an ID number or a phone whatever their field', () => {
    const { log, last } = capture();
    log.warn({ username: ID, ip: '10.0.0.7' }, 'failed sign-in');
    expect(last()).toMatchObject({ username: '*********567', ip: '10.0.0.7' });
    log.warn({ username: 'laocai.desk', dossier: '02647-20261128-0001', agencyCode: '02647' }, 'failed sign-in');
    expect(last()).toMatchObject({ username: 'laocai.desk', dossier: '02647-20261128-0001', agencyCode: '02647' });
  });

  it("drops a failed query's bound values from the error, keeping the query and the cause", () => {
    const { log, lines, last } = capture();
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "dossiers_pkey"'), { detail: `Failing row contains (02647-X, {"idNumber": "${ID}"})` });
    const err = new DrizzleQueryError('insert into "dossiers" ("code", "applicant") values ($1, $2)', ['02647-X', JSON.stringify({ fullName: 'Sùng Thị Dua', idNumber: ID, phone: PHONE })], cause);
    log.error({ err }, 'unhandled error');
    log.error({ err: cause }, 'unhandled error');
    for (const line of lines) for (const s of SECRETS) expect(line, s).not.toContain(s);
    expect(JSON.parse(lines[0]!).err.message).toContain('Failed query: insert into "dossiers"');
    expect(JSON.parse(lines[0]!).err.message).toContain('duplicate key value');
    expect(last().err.detail).toBe('Failing row contains [redacted]');
  });
});
