import { PGlite } from '@electric-sql/pglite';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_ERROR, nonRetryableIfDataError, sqlStateOf } from './data-errors';

const pg = new PGlite();
afterAll(() => pg.close());

/** What PostgreSQL itself throws for a value that got past validation. */
async function refusal(sql: string, params: unknown[]): Promise<unknown> {
  try {
    await pg.query(sql, params);
  } catch (err) {
    return err;
  }
  throw new Error('PostgreSQL accepted it');
}

describe('nonRetryableIfDataError', () => {
  it('turns PostgreSQL refusing a lone surrogate or a NUL in jsonb into a non-retryable data error', async () => {
    for (const value of [{ transactionId: 'tx\ud800' }, { note: 'a\u0000b' }]) {
      const err = await refusal('select $1::jsonb', [JSON.stringify(value)]);
      const failure = nonRetryableIfDataError(err);
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ type: DATA_ERROR, nonRetryable: true, details: [{ sqlState: expect.stringMatching(/^22/) }] });
      // Our words and the code only: PostgreSQL's message may quote the refused value.
      expect((failure as Error).message).toMatch(/^PostgreSQL refused the data: data exception \(SQLSTATE 22P0[25]\)$/);
    }
  });

  it('treats integrity constraint violations (class 23) alike, through a wrapping cause', async () => {
    await pg.exec('create table t (id int primary key)');
    await pg.exec('insert into t values (1)');
    const err = new Error('Failed query', { cause: await refusal('insert into t values ($1)', [1]) });
    expect(sqlStateOf(err)).toBe('23505');
    expect(nonRetryableIfDataError(err)).toMatchObject({ type: DATA_ERROR, nonRetryable: true, message: expect.stringContaining('integrity constraint violation (SQLSTATE 23505)') });
  });

  it('leaves any other error as it was, to be retried', async () => {
    const busy = Object.assign(new Error('could not serialize access'), { code: '40001' });
    const down = new Error('connect ECONNREFUSED');
    expect(nonRetryableIfDataError(busy)).toBe(busy);
    expect(nonRetryableIfDataError(down)).toBe(down);
  });
});
