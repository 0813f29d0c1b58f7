import { lazyNamed } from '../common/lazy';

/**
 * The statistics page, with recharts, in its own chunk: officers (My work) and the sign-in page
 * never download it; supervisors fetch it when their dashboard or /stats first renders.
 */
export const StatsDashboard = lazyNamed(() => import('./StatsDashboard'), 'StatsDashboard');
