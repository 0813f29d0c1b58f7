import PeopleIcon from '@mui/icons-material/People';
import { lazyNamed } from '../common/lazy';

// Reference data, opened by administrators only: loaded on demand (see common/lazy.ts).
const UserList = lazyNamed(() => import('./UserList'), 'UserList');
const UserEdit = lazyNamed(() => import('./UserForm'), 'UserEdit');
const UserCreate = lazyNamed(() => import('./UserForm'), 'UserCreate');

export default { list: UserList, edit: UserEdit, create: UserCreate, icon: PeopleIcon, recordRepresentation: 'fullName' };
