export { buildPlanDocument, buildReportDocument } from './build';
export { planExportFromImport } from './from-import';
export type { ExportFlag, ExportFlagCode, PlanExport } from './from-import';
export { APPENDIX_COLUMNS } from './appendix';
export { placeAndDate, issuerLines, parseDocumentNumber, numberLine } from './vi-format';
export type * from './types';
