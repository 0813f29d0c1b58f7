import { HttpProblem } from '../problem';

/** At sign-in, the password was right and the account needs a code too: the client asks for it. */
export const totpRequired = () => new HttpProblem(401, 'totp-required', 'Code required', 'this account signs in with a code from its authenticator app');

/**
 * A wrong, expired or replayed code: 401 at sign-in; 400 while signed in (confirming, disabling),
 * where a 401 would read as a lost session to the back office and sign the officer out.
 */
export function totpInvalid(status: 400 | 401 = 400): HttpProblem {
  const code = 'totp-invalid';
  return new HttpProblem(status, code, 'Wrong code', 'the code is wrong, expired or already used');
}
