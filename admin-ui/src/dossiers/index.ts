import FolderSharedIcon from '@mui/icons-material/FolderShared';
import { DossierCreate } from './DossierCreate';
import { DossierList } from './DossierList';
import { DossierShow } from './DossierShow';

export default { list: DossierList, show: DossierShow, create: DossierCreate, icon: FolderSharedIcon, recordRepresentation: 'code' };
