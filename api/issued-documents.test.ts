import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentData } from './documents/render';
import { loadP12Signer, type DocumentSigner } from './documents/sign';
import { recordedDossier } from '../test/support/recorded-dossier';
import { issueSigned, findIssued, verification, VERIFY_CODE } from './issued-documents';
import { scratchPglite } from '../test/support/scratch-pglite';

const receipt: DocumentData = {
  kind: 'receipt',
  dossierCode: '02647-261201-0042',
  procedureName: 'Đăng ký khai sinh',
  agencyName: 'UBND phường Lào Cai',
  applicant: { fullName: 'Sùng Thị Dua', idNumber: '010203004567', phone: '0912345678' },
  receivedAt: '2026-12-01T02:00:00Z',
  dueAt: '2026-12-02T09:00:00Z',
  documentsReceived: [{ name: 'Tờ khai đăng ký khai sinh', files: ['to-khai.pdf'] }],
  documentsMissing: [],
  issuedAt: '2026-12-01T02:00:00Z',
  lookupUrl: 'https://dichvucong.example.vn/tra-cuu/02647-261201-0042',
};

/** Issuing and verifying on the embedded database (PGlite): the bytes come back as stored. */
describe('issued documents', () => {
  const scratch = scratchPglite('issued');
  let signer: DocumentSigner;
  beforeAll(async () => {
    // The dossier the documents are issued for (a foreign key).
    await recordedDossier(scratch.dbh.db, receipt.dossierCode);
    const out = execFileSync('bash', [path.resolve('scripts/setup-pki.sh')], { encoding: 'utf8' });
    signer = await loadP12Signer(/SIGNING_P12_PATH=(.*)/.exec(out)![1]!, /SIGNING_P12_PASSWORD=(.*)/.exec(out)![1]!);
  });

  it('signs a document once for its data, a new one when the data changes', async () => {
    const first = await issueSigned(scratch.dbh.db, signer, receipt, 'https://dichvucong.example.vn/');
    expect(first.code).toMatch(VERIFY_CODE);
    expect(first.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await issueSigned(scratch.dbh.db, signer, receipt, 'https://dichvucong.example.vn/');
    expect(again.code).toBe(first.code);
    expect(again.pdf.equals(first.pdf)).toBe(true);
    const changed = await issueSigned(scratch.dbh.db, signer, { ...receipt, documentsMissing: ['Giấy chứng sinh'] }, 'https://dichvucong.example.vn/');
    expect(changed.code).not.toBe(first.code);
    expect(verification((await findIssued(scratch.dbh.db, first.code))!).valid).toBe(true);
  });

  it('tells the issued file from a changed copy or one signed by someone else', async () => {
    const row = await issueSigned(scratch.dbh.db, signer, receipt, 'https://dichvucong.example.vn/');
    expect(verification(row)).toMatchObject({ valid: true, checks: { hash: true, signature: true, certificate: true }, document: { kind: 'receipt', dossierCode: receipt.dossierCode } });
    const copy = Buffer.from(row.pdf);
    copy[copy.indexOf('/Producer') + 1] = 'Q'.charCodeAt(0);
    expect(verification(row, copy)).toMatchObject({ valid: false, checks: { hash: false, signature: false } });
    expect(verification({ ...row, certSha256: '0'.repeat(64) })).toMatchObject({ valid: false, checks: { hash: true, signature: true, certificate: false }, problem: 'signed with another certificate' });
    expect(await findIssued(scratch.dbh.db, 'not-a-code')).toBeUndefined();
  });
});
