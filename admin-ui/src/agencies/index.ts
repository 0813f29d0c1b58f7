import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { AgencyCreate, AgencyEdit } from './AgencyForm';
import { AgencyList } from './AgencyList';

export default { list: AgencyList, edit: AgencyEdit, create: AgencyCreate, icon: AccountTreeIcon, recordRepresentation: 'name' };
