import { describe, expect, it } from 'vitest';
import { parseSmsLookup } from './sms-lookup';

describe('an inbound SMS asks for a dossier status', () => {
  it('reads TRACUU, TC and "Tra cứu" in any case, with or without diacritics', () => {
    for (const text of ['TRACUU 02647-261123-0001', 'tracuu 02647-261123-0001', 'TC 02647-261123-0001', 'Tra cứu 02647-261123-0001', 'TRA CỨU: 02647-261123-0001.', '  tc   02647-261123-0001  cam on']) {
      expect(parseSmsLookup(text), text).toEqual({ kind: 'lookup', code: '02647-261123-0001' });
    }
  });

  it('upper-cases department codes', () => {
    expect(parseSmsLookup('tracuu h38.snnmt-261123-0042')).toEqual({ kind: 'lookup', code: 'H38.SNNMT-261123-0042' });
  });

  it('asks for help when the keyword or the code is missing or malformed', () => {
    for (const text of ['', 'xin chao', 'TRACUU', 'TRACUU 12345', 'TCX 02647-261123-0001', '02647-261123-0001', 'TRACUU 02647-2611-0001']) {
      expect(parseSmsLookup(text), text).toEqual({ kind: 'help' });
    }
  });
});
