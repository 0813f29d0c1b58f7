import { describe, expect, it } from 'vitest';
import { inSentence } from './assisted-filing';

describe('the commune as the "filed with help from" line reads it', () => {
  it('drops the People’s Committee and lower-cases the kind of place', () => {
    expect(inSentence('Ủy ban nhân dân xã Bát Xát')).toBe('xã Bát Xát');
    expect(inSentence('Ủy ban nhân dân phường Lào Cai')).toBe('phường Lào Cai');
    expect(inSentence('Phường Lào Cai')).toBe('phường Lào Cai');
    expect(inSentence('Bát Xát')).toBe('Bát Xát');
  });
});
