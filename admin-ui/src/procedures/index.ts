import MenuBookIcon from '@mui/icons-material/MenuBook';
import { lazyNamed } from '../common/lazy';

// Reference data: loaded on demand (see common/lazy.ts).
const ProcedureList = lazyNamed(() => import('./ProcedureList'), 'ProcedureList');
const ProcedureShow = lazyNamed(() => import('./ProcedureShow'), 'ProcedureShow');

export default { list: ProcedureList, show: ProcedureShow, icon: MenuBookIcon, recordRepresentation: 'code' };
