import TerrainIcon from '@mui/icons-material/Terrain';
import { lazyNamed } from '../common/lazy';

// Reference data: loaded on demand (see common/lazy.ts).
const CommuneCategoryList = lazyNamed(() => import('./CommuneCategoryList'), 'CommuneCategoryList');
const CommuneCategoryCreate = lazyNamed(() => import('./CommuneCategoryList'), 'CommuneCategoryCreate');

export default { list: CommuneCategoryList, create: CommuneCategoryCreate, icon: TerrainIcon };
