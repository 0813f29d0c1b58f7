// The agency's document signer, loaded once per certificate file. Outside production, with no
// SIGNING_P12_PATH, the local test certificate of scripts/setup-pki.sh (made on first use, then
// cached): documents are always signed, never silently served unsigned (docs/signing.md).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadP12Signer, type DocumentSigner } from './documents/sign';
import type { Env } from '../config/env';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const loaded = new Map<string, Promise<DocumentSigner>>();

async function testCertificate(): Promise<{ p12: string; password: string }> {
  const { stdout } = await promisify(execFile)('bash', [path.join(root, 'scripts/setup-pki.sh')]);
  const out = Object.fromEntries(stdout.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { p12: out.SIGNING_P12_PATH!, password: out.SIGNING_P12_PASSWORD! };
}

export function documentSigner(env: Pick<Env, 'SIGNING_P12_PATH' | 'SIGNING_P12_PASSWORD'>): Promise<DocumentSigner> {
  const key = env.SIGNING_P12_PATH ?? '(test certificate)';
  let signer = loaded.get(key);
  if (!signer) {
    signer = env.SIGNING_P12_PATH
      ? loadP12Signer(env.SIGNING_P12_PATH, env.SIGNING_P12_PASSWORD)
      : testCertificate().then(({ p12, password }) => loadP12Signer(p12, password));
    // A failure is not cached: the next document tries again (a certificate mounted late).
    signer.catch(() => loaded.delete(key));
    loaded.set(key, signer);
  }
  return signer;
}
