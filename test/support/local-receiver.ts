import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * Local stand-ins for the outside world, for tests and measurements only: an HTTP receiver
 * (portal and SMS gateway) and an SMTP server. Both record what they get and dedupe by
 * Idempotency-Key, the way a real receiver should; the HTTP one can be told to fail (500),
 * refuse (422) or hang (never answer) on purpose.
 */
export type ReceiverMode = 'ok' | 'fail' | 'reject' | 'hang';

export interface Received {
  path: string;
  key: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  at: number;
}

export interface HttpReceiver {
  url: string;
  /** Mode for every path, unless `pathMode` names the path. */
  mode: ReceiverMode;
  pathMode: Record<string, ReceiverMode>;
  /** Every request, in arrival order (duplicates and failures included). */
  requests: Received[];
  /** First successful delivery per Idempotency-Key, in acceptance order. */
  accepted: Map<string, Received>;
  duplicates: number;
  close(): Promise<void>;
}

export async function startHttpReceiver(): Promise<HttpReceiver> {
  const r: Omit<HttpReceiver, 'url' | 'close'> = { mode: 'ok', pathMode: {}, requests: [], accepted: new Map(), duplicates: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const key = String(req.headers['idempotency-key'] ?? '');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        /* recorded as {} */
      }
      const rec: Received = { path, key, headers: req.headers, body, at: Date.now() };
      r.requests.push(rec);
      const mode = r.pathMode[path] ?? r.mode;
      if (mode === 'hang') return; // never answer: the client times out
      if (mode === 'fail') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('receiver down');
      if (mode === 'reject') return void res.writeHead(422, { 'content-type': 'text/plain' }).end('unprocessable message');
      if (r.accepted.has(key)) r.duplicates++;
      else r.accepted.set(key, rec);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(r, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

export interface Mail {
  key: string;
  to: string[];
  raw: string;
  at: number;
}

export interface SmtpReceiver {
  port: number;
  mails: Mail[];
  accepted: Map<string, Mail>;
  duplicates: number;
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on 127.0.0.1, no TLS, no auth. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const r: Omit<SmtpReceiver, 'port' | 'close'> = { mails: [], accepted: new Map(), duplicates: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
        const key = /^Idempotency-Key:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? '';
        const mail: Mail = { key, to: session.envelope.rcptTo.map((a) => a.address), raw, at: Date.now() };
        r.mails.push(mail);
        if (r.accepted.has(key)) r.duplicates++;
        else r.accepted.set(key, mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(r, { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}
