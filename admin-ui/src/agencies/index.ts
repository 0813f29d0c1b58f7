import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazyNamed } from '../common/lazy';

// Reference data, opened by administrators only: loaded on demand (see common/lazy.ts).
const AgencyList = lazyNamed(() => import('./AgencyList'), 'AgencyList');
const AgencyEdit = lazyNamed(() => import('./AgencyForm'), 'AgencyEdit');
const AgencyCreate = lazyNamed(() => import('./AgencyForm'), 'AgencyCreate');

export default { list: AgencyList, edit: AgencyEdit, create: AgencyCreate, icon: AccountTreeIcon, recordRepresentation: 'name' };
