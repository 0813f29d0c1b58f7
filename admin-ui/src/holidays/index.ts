import EventIcon from '@mui/icons-material/Event';
import { lazyNamed } from '../common/lazy';

// Reference data: loaded on demand (see common/lazy.ts).
const HolidayList = lazyNamed(() => import('./HolidayList'), 'HolidayList');
const HolidayCreate = lazyNamed(() => import('./HolidayList'), 'HolidayCreate');

export default { list: HolidayList, create: HolidayCreate, icon: EventIcon };
