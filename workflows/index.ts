// Everything the worker's workflow bundle exposes.
export { dossierWorkflow } from './dossier.workflow';
