// One rule for every CSV the system writes: the back office's export and the API's register (form 06).
export { csvCell } from '../../../domain/csv-cell';
