import MenuBookIcon from '@mui/icons-material/MenuBook';
import { ProcedureList } from './ProcedureList';
import { ProcedureShow } from './ProcedureShow';

export default { list: ProcedureList, show: ProcedureShow, icon: MenuBookIcon, recordRepresentation: 'code' };
