import { finish } from '../clock';
import type { ActionSpec } from './kind';

/** A reasoned refusal after examination; both `review` and `approve` offer it, each in its own status. */
export const reject: Omit<ActionSpec<'reject'>, 'in'> = {
  roles: ['leader'],
  step: (s, _b, ctx) => finish(s, 'REJECTED', ctx.now),
};
