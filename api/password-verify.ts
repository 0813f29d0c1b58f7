import { randomUUID } from 'node:crypto';
import * as argon2 from '@node-rs/argon2';

type Verify = (hash: string, password: string) => Promise<boolean>;

let dummy: Promise<string> | undefined;
/** A hash of nothing anyone knows, with the same parameters as real ones: made once per process. */
export const dummyHash = (): Promise<string> => (dummy ??= argon2.hash(randomUUID()));

/**
 * Checks a sign-in password. An unknown username is verified against the dummy hash, so that it
 * costs the same time as a known one and the answer time does not tell which usernames exist.
 */
export async function verifyPassword(hash: string | null | undefined, password: string, verify: Verify = argon2.verify): Promise<boolean> {
  const ok = await verify(hash ?? (await dummyHash()), password);
  return hash != null && ok;
}
