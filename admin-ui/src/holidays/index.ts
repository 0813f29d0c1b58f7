import EventIcon from '@mui/icons-material/Event';
import { HolidayCreate, HolidayList } from './HolidayList';

export default { list: HolidayList, create: HolidayCreate, icon: EventIcon };
