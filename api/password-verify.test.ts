import * as argon2 from '@node-rs/argon2';
import { describe, expect, it, vi } from 'vitest';
import { dummyHash, verifyPassword } from './password-verify';

describe('verifyPassword', () => {
  it('runs the argon2 verification for an unknown user as for a known one', async () => {
    const real = await argon2.hash('Sông Hồng chảy mãi');
    const verify = vi.fn(argon2.verify);
    expect(await verifyPassword(real, 'Sông Hồng chảy mãi', verify)).toBe(true);
    expect(await verifyPassword(real, 'wrong', verify)).toBe(false);
    expect(await verifyPassword(undefined, 'Sông Hồng chảy mãi', verify)).toBe(false);
    expect(await verifyPassword(null, 'anything', verify)).toBe(false);
    expect(verify).toHaveBeenCalledTimes(4);
    expect(verify.mock.calls[2]![0]).toBe(await dummyHash());
    // The dummy has the parameters of a real hash (the same work per verification).
    const params = (h: string) => h.split('$').slice(1, 4).join('$');
    expect(params(await dummyHash())).toBe(params(real));
  });
});
