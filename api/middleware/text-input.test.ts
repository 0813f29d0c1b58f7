import { describe, expect, it } from 'vitest';
import { nulField } from './text-input';

describe('nulField', () => {
  it('names the first string, value or key, that holds a NUL character', () => {
    expect(nulField({ note: 'ok', missing: ['giấy khai sinh', 'a\u0000b'] })).toBe('missing.1');
    expect(nulField({ form: { 'x\u0000': 1 } })).toBe('form.x\u0000');
    expect(nulField('\u0000')).toBe('');
  });

  it('lets anything else through, Vietnamese and other control characters included', () => {
    expect(nulField({ reason: 'Thiếu giấy tờ\n\t', n: 1, b: null, list: [true, {}] })).toBeUndefined();
    expect(nulField(undefined)).toBeUndefined();
  });
});
