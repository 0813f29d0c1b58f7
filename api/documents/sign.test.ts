import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocument, type DocumentData } from './render.js';
import { signedParts, verifyPdfSignature } from './pdf-signature.js';
import { loadP12Signer, type DocumentSigner } from './sign.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const result: DocumentData = {
  kind: 'result',
  dossierCode: 'H38-250701-0001',
  procedureName: 'Đăng ký thường trú',
  agencyName: 'Ủy ban nhân dân phường Cam Đường',
  applicant: { fullName: 'Trần Thị Diệp', phone: '0912345678' },
  note: 'Đã đăng ký thường trú',
  approvedBy: 'Phạm Văn Hùng',
  issuedAt: '2025-07-03T08:00:00Z',
  lookupUrl: 'https://motcua.example.vn/tra-cuu/H38-250701-0001',
  verifyUrl: 'https://dichvucong.laocai.gov.vn/xac-minh/ABCDEFGHJKMNPQRS',
};

// A PKI of this test's own, made with the setup script into a temporary directory.
let dir: string;
let signer: DocumentSigner;
let signed: Buffer;
let signedAt: Date;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-pki-'));
  const pki = path.join(dir, 'pki');
  execFileSync('bash', [path.join(root, 'scripts/setup-pki.sh')], { env: { ...process.env, MOTCUA_PKI_DIR: pki, MOTCUA_PKI_PASSWORD: 'test-pass' }, stdio: 'pipe' });
  signer = await loadP12Signer(path.join(pki, 'signing.p12'), 'test-pass');
  // Now, to the second (UTCTime's precision), after the certificate was made (valid from then).
  signedAt = new Date(Math.ceil(Date.now() / 1000) * 1000);
  const unsigned = await renderDocument('result', result, { signature: { reason: 'Kết quả giải quyết hồ sơ', location: 'Lào Cai', signedAt } });
  signed = await signer.sign(unsigned, signedAt);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PAdES signature of a result', () => {
  it('is a detached CMS that openssl verifies against the test CA over exactly the byte range', () => {
    const text = signed.toString('latin1');
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(text).toMatch(/\/FT \/Sig/);
    // The verification line under the QR stays on the page (a long URL once wrapped onto a second one).
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    const parts = signedParts(signed);
    if (typeof parts === 'string') throw new Error(parts);
    writeFileSync(path.join(dir, 'sig.der'), parts.cms);
    writeFileSync(path.join(dir, 'content.bin'), parts.signed);
    // An independent check: OpenSSL's CMS verifier, the chain up to the CA, the content detached.
    const out = execFileSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', path.join(dir, 'sig.der'),
      '-content', path.join(dir, 'content.bin'), '-CAfile', path.join(dir, 'pki/ca.pem'), '-purpose', 'any', '-out', '/dev/null'], { stdio: 'pipe' });
    expect(out.toString()).toBe('');
    // And the tampered content fails it.
    writeFileSync(path.join(dir, 'content.bin'), Buffer.concat([parts.signed, Buffer.from(' ')]));
    expect(() => execFileSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', path.join(dir, 'sig.der'),
      '-content', path.join(dir, 'content.bin'), '-CAfile', path.join(dir, 'pki/ca.pem'), '-purpose', 'any', '-out', '/dev/null'], { stdio: 'pipe' })).toThrow();
  });

  it('verifies with node crypto alone: the agency as signer, the signing time, the certificate', () => {
    const check = verifyPdfSignature(signed);
    expect(check.problem).toBeUndefined();
    expect(check).toMatchObject({ valid: true, signedAt, signer: { commonName: 'Bộ phận Một cửa (thử nghiệm)', organization: 'UBND tỉnh Lào Cai' } });
    const cert = readFileSync(path.join(dir, 'pki/signing.pem'), 'utf8');
    const der = Buffer.from(cert.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    expect(check.signer?.certSha256).toBe(createHash('sha256').update(der).digest('hex'));
  });

  it('reports a changed byte, an appended update and an unsigned PDF as not valid', async () => {
    const at = signed.indexOf('/Producer'); // inside the first signed range
    const changed = Buffer.from(signed);
    changed[at + 2] = changed[at + 2]! ^ 0x01;
    expect(verifyPdfSignature(changed)).toMatchObject({ valid: false, problem: 'the document was changed after it was signed' });
    const appended = Buffer.concat([signed, Buffer.from('\n1 0 obj\n<<>>\nendobj\n%%EOF\n')]);
    expect(verifyPdfSignature(appended)).toMatchObject({ valid: false, problem: 'the signature does not cover the whole file' });
    expect(verifyPdfSignature(await renderDocument('result', result))).toMatchObject({ valid: false, problem: 'no signature' });
  });
});
