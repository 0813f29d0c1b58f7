import { describe, expect, it } from 'vitest';
import { documentChecklist } from './document-checklist';

const form = { vi: 'Tờ khai đăng ký khai sinh', en: 'Birth registration form' };
const proof = { vi: 'Giấy chứng sinh', en: 'Birth certificate from the hospital' };
const file = (name: string, requirement: string | null) => ({ name, requirement });

describe('documentChecklist', () => {
  it('marks each required document received by the files uploaded as it, and missing otherwise', () => {
    const c = documentChecklist([form, proof], [file('to-khai.pdf', form.vi), file('to-khai-trang-2.jpg', form.vi)]);
    expect(c.required).toEqual([
      { label: form, files: [file('to-khai.pdf', form.vi), file('to-khai-trang-2.jpg', form.vi)] },
      { label: proof, files: [] },
    ]);
    expect(c.extra).toEqual([]);
  });

  it('keeps untagged files and files tagged with a label the checklist lacks as extra uploads', () => {
    const c = documentChecklist([form], [file('anh.png', null), file('cu.pdf', 'Giấy tờ đã bỏ khỏi danh mục'), file('to-khai.pdf', form.vi)]);
    expect(c.required[0]!.files.map((f) => f.name)).toEqual(['to-khai.pdf']);
    expect(c.extra.map((f) => f.name)).toEqual(['anh.png', 'cu.pdf']);
  });

  it('matches a label sent in decomposed Unicode or with stray spaces', () => {
    const c = documentChecklist([proof], [file('a.pdf', ` ${proof.vi.normalize('NFD')} `)]);
    expect(c.required[0]!.files).toHaveLength(1);
  });
});
