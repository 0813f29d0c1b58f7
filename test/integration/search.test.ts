import { describe, expect, it } from 'vitest';
import { searchProcedures } from '../../api/routes/procedures.routes';
import type { DbHandle } from '../../db/client';
import { searchDatabases } from '../support/search-databases';

/** What citizens type, and the procedure that must be among the first three answers. */
const QUERIES: [query: string, code: string][] = [
  ['đăng ký khai sinh', '1.001193'],
  ['dang ky khai sinh', '1.001193'],
  ['làm giấy khai sinh cho con', '1.001193'],
  ['lam giay khai sinh cho con', '1.001193'],
  ['con mới sinh', '1.001193'],
  ['khai sinh', '1.001193'],
  ['đăng kí khai sinh', '1.001193'],
  ['dang ky ket hon', '1.000894'],
  ['đăng ký kết hôn', '1.000894'],
  ['lấy vợ', '1.000894'],
  ['cưới', '1.000894'],
  ['khai tử', '1.000656'],
  ['bố tôi mới qua đời', '1.000656'],
  ['giay chung tu', '1.000656'],
  ['sổ đỏ', '1.013978'],
  ['so do', '1.013978'],
  ['làm sổ đỏ lần đầu', '1.013978'],
  ['bìa đỏ', '1.013978'],
  ['mất sổ đỏ', '1.012786'],
  ['cap lai so do bi mat', '1.012786'],
  ['sang tên sổ đỏ', '1.013831'],
  ['mua bán đất', '1.013831'],
  ['thừa kế đất', '1.013831'],
  ['công chứng giấy tờ', '2.000815'],
  ['sao y ban chinh', '2.000815'],
  ['photo công chứng', '2.000815'],
  ['nhập hộ khẩu', '1.004222'],
  ['đăng ký thường trú', '1.004222'],
  ['dang ky thuong tru', '1.004222'],
  ['giấy xác nhận độc thân', '1.004873'],
  ['xac nhan tinh trang hon nhan', '1.004873'],
  ['trợ cấp người già', '1.014027'],
  ['tien nguoi gia', '1.014027'],
  ['mở quán ăn', '1.001612'],
  ['đăng ký kinh doanh', '1.001612'],
  ['ho kinh doanh', '1.001612'],
  ['xin phép xây nhà', '1.013225'],
  ['giay phep xay dung', '1.013225'],
  ['birth registration', '1.001193'],
  ['khai sin', '1.001193'], // a typo
  ['ket hon', '1.000894'],
  ['1.004222', '1.004222'],
];

async function hitRate(dbh: DbHandle, label: string) {
  const misses: string[] = [];
  for (const [query, code] of QUERIES) {
    const top = (await searchProcedures(dbh.db, query, 3)).map((h) => h.code);
    if (!top.includes(code)) misses.push(`  "${query}" → [${top.join(', ')}], expected ${code}`);
  }
  const rate = (QUERIES.length - misses.length) / QUERIES.length;
  console.log(`procedure search on ${label}: ${QUERIES.length - misses.length}/${QUERIES.length} in the top 3 (${(rate * 100).toFixed(1)}%)${misses.length ? `\n${misses.join('\n')}` : ''}`);
  return rate;
}

describe('the procedure finder', () => {
  const dbs = searchDatabases('motcua-search-');

  it(`finds the right procedure in the top 3 for at least 90% of ${QUERIES.length} real queries, on PostgreSQL`, async () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(25);
    expect(await hitRate(dbs.pg, 'PostgreSQL')).toBeGreaterThanOrEqual(0.9);
  });

  it('gives the same ranking on PGlite (the embedded default)', async () => {
    expect(await hitRate(dbs.lite, 'PGlite')).toBeGreaterThanOrEqual(0.9);
    for (const q of ['so do', 'làm giấy khai sinh cho con', 'dang ky ket hon']) {
      const a = (await searchProcedures(dbs.pg.db, q, 3)).map((h) => h.code);
      const b = (await searchProcedures(dbs.lite.db, q, 3)).map((h) => h.code);
      expect(b).toEqual(a);
    }
  });

  it('ranks the exact procedure first for its plain name, with or without diacritics', async () => {
    expect((await searchProcedures(dbs.pg.db, 'Đăng ký khai sinh'))[0]?.code).toBe('1.001193');
    expect((await searchProcedures(dbs.pg.db, 'dang ky khai sinh'))[0]?.code).toBe('1.001193');
    expect((await searchProcedures(dbs.pg.db, 'đăng ký kết hôn'))[0]?.code).toBe('1.000894');
  });

  it('answers nothing for words unrelated to any procedure, and survives odd input', async () => {
    expect(await searchProcedures(dbs.pg.db, 'xyzzy qwerty')).toEqual([]);
    expect(await searchProcedures(dbs.pg.db, "'; drop table procedures; --")).toBeInstanceOf(Array);
    expect(await searchProcedures(dbs.pg.db, '!!! & | <-> :*')).toEqual([]);
  });
});
