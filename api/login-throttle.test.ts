import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginThrottle } from '../db/schema';
import { LoginThrottle, type ThrottleLimits } from './login-throttle';
import { scratchPglite } from '../test/support/scratch-pglite';

/** The counters on the embedded database (the same SQL runs on PostgreSQL), with a clock of our own. */
describe('LoginThrottle', () => {
  const scratch = scratchPglite('throttle');
  let t = Date.UTC(2026, 11, 1, 8, 0);
  const clock = () => new Date(t);
  const limits: ThrottleLimits = { account: 3, ip: 5, global: 8, lockSeconds: 60, maxLockSeconds: 600, windowSeconds: 900 };
  let throttle: LoginThrottle;

  beforeAll(async () => {
    throttle = new LoginThrottle(scratch.dbh.db, limits, clock);
  });
  beforeEach(async () => {
    await scratch.dbh.db.delete(loginThrottle);
  });

  it('locks an account after its limit, then doubles the lock with each later failure', async () => {
    const k = throttle.keys('Citizen', '10.0.0.1');
    expect(await throttle.fail(k)).toBe(0);
    expect(await throttle.fail(k)).toBe(0);
    expect(await throttle.lockedFor(k)).toBe(0);
    expect(await throttle.fail(k)).toBe(60);
    expect(await throttle.lockedFor(k)).toBe(60);
    // The same account from elsewhere, in another case: still locked.
    expect(await throttle.lockedFor(throttle.keys('citizen ', '10.0.0.2'))).toBe(60);
    t += 61_000;
    expect(await throttle.lockedFor(k)).toBe(0);
    expect(await throttle.fail(k)).toBe(120);
    t += 121_000;
    expect(await throttle.fail(k)).toBe(240);
    t += 241_000;
    expect(await throttle.fail(k)).toBe(480);
    t += 481_000;
    expect(await throttle.fail(k)).toBe(600); // capped
  });

  it('forgets an account’s count after a success, or once the window has passed', async () => {
    const k = throttle.keys('laocai.desk', '10.0.0.3');
    await throttle.fail(k);
    await throttle.fail(k);
    await throttle.succeeded(k);
    expect(await throttle.fail(throttle.keys('laocai.desk', '10.0.0.4'))).toBe(0);
    expect(await throttle.fail(throttle.keys('laocai.desk', '10.0.0.5'))).toBe(0);
    t += 901_000;
    expect(await throttle.fail(throttle.keys('laocai.desk', '10.0.0.6'))).toBe(0);
    expect(await throttle.fail(throttle.keys('laocai.desk', '10.0.0.7'))).toBe(0);
    expect(await throttle.fail(throttle.keys('laocai.desk', '10.0.0.8'))).toBe(60);
  });

  it('locks an address trying many accounts, and everyone when failures pile up overall', async () => {
    for (let i = 0; i < 4; i++) expect(await throttle.fail(throttle.keys(`user${i}`, '10.0.1.1'))).toBe(0);
    expect(await throttle.fail(throttle.keys('user4', '10.0.1.1'))).toBe(60);
    expect(await throttle.lockedFor(throttle.keys('someone.else', '10.0.1.1'))).toBe(60);
    expect(await throttle.lockedFor(throttle.keys('someone.else', '10.0.1.2'))).toBe(0);
    // Failures 6–8 from other addresses and accounts reach the global limit.
    for (let i = 0; i < 2; i++) expect(await throttle.fail(throttle.keys(`other${i}`, `10.0.2.${i}`))).toBe(0);
    expect(await throttle.fail(throttle.keys('other2', '10.0.2.2'))).toBe(60);
    expect(await throttle.lockedFor(throttle.keys('citizen', '10.9.9.9'))).toBe(60);
  });
});
