import { describe, expect, it } from 'vitest';
import { csvCell } from '../../admin-ui/src/dossiers/csv-cell';

describe('the back office CSV export', () => {
  it('defuses values a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x","bấm")')).toBe(`"'=HYPERLINK(""http://x"",""bấm"")"`);
    expect(csvCell('+84912')).toBe("'+84912");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('leaves ordinary values as they are, quoting separators', () => {
    expect(csvCell('Nguyễn Văn A')).toBe('Nguyễn Văn A');
    expect(csvCell('2026-12-01T00:00:00.000Z')).toBe('2026-12-01T00:00:00.000Z');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
  });
});
