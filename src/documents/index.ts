export { APPENDIX_COLUMNS } from './appendix';
export { buildPlanDocument, buildReportDocument } from './build';
export type { ExportFlag, ExportFlagCode, PlanExport } from './from-import';
export { planExportFromImport } from './from-import';
export { conclusionDocument, inspectionConclusion, inspectionMinutes, itemsByScope, RESULT_LABELS, reference, scopeTitle, tally } from './inspection';
export type * from './types';
export { issuerLines, numberLine, parseDocumentNumber, placeAndDate } from './vi-format';
