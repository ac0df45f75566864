/**
 * The HTTP contract between the server and the web app: every shared vocabulary once, and the
 * request and response schemas of every route, one file per capability. Imports only zod, src/domain
 * and src/i18n (the messages of common.ts). Server routes declare these schemas (validated both ways, and described at
 * /api/docs); the web app imports the `T…` types, so `tsc` sees any drift across HTTP.
 */
export * from './audit';
export * from './auth';
export * from './calendar';
export * from './city';
export * from './city-directives';
export * from './city-requests';
export * from './common';
export * from './communes';
export * from './dashboard';
export * from './dossiers';
export * from './files';
export * from './health';
export * from './imports';
export * from './inspection-import';
export * from './inspections';
export * from './my-work';
export * from './notifications';
export * from './plans';
export * from './reports';
export * from './scorecard';
export * from './task-filter';
export * from './tasks';
export * from './timeframe';
export * from './units';
export * from './users';
export * from './vocabulary';
