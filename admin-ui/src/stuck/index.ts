import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { lazyNamed } from '../common/lazy';

// Stuck dossiers (docs/operations.md): supervisors and the admin; loaded on demand (see common/lazy.ts).
const StuckList = lazyNamed(() => import('./StuckList'), 'StuckList');

export default { list: StuckList, icon: ReportProblemIcon };
