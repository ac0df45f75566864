export { APPENDIX_COLUMNS } from './appendix';
export { buildPlanDocument, buildReportDocument } from './build';
export type { ExportFlag, ExportFlagCode, PlanExport } from './from-import';
export { planExportFromImport } from './from-import';
export type * from './types';
export { issuerLines, numberLine, parseDocumentNumber, placeAndDate } from './vi-format';
