export { buildReport } from './report/build-report.js'
export type { BuildReportOptions, ReportSource } from './report/build-report.js'
export type { ContractsSummary, ReportData, ReportMeta } from './report/report-data.js'
export { renderHtml } from './report/html/render-html.js'
export { renderMarkdown } from './report/markdown/render-markdown.js'
export { renderCsv } from './report/csv/render-csv.js'
export type { CsvDocument, CsvOptions } from './report/csv/render-csv.js'
export type { CsvLocale } from './report/csv/csv-field.js'
export { renderJson, reportJson, REPORT_JSON_VERSION } from './report/json/render-json.js'
export type { ReportJson } from './report/json/render-json.js'

export { exportDecp } from './open-data/export-decp.js'
export type { DecpExport } from './open-data/export-decp.js'
export {
  DECP_CCAGS,
  DECP_DEFAULTS,
  DECP_ENVIRONMENTAL_CONSIDERATIONS,
  DECP_GROUPINGS,
  DECP_NATURES,
  DECP_PLACE_CODE_TYPES,
  DECP_PRICE_FORMS,
  DECP_PRICE_TYPES,
  DECP_PROCEDURES,
  DECP_SOCIAL_CONSIDERATIONS,
} from './open-data/decp-options.js'
export type { DecpCallOffOffers, DecpExportOptions } from './open-data/decp-options.js'
export { decpId, DECP_ID_MAX_LENGTH } from './open-data/decp-id.js'
export type { DecpIdMapping } from './open-data/decp-id.js'
export type {
  DecpDocument,
  DecpMarche,
  DecpModification,
  DecpTitulaire,
} from './open-data/decp-document.js'
export { exportOcds } from './open-data/export-ocds.js'
export type { OcdsExport } from './open-data/export-ocds.js'
export {
  LICENCE_OUVERTE,
  OCDS_TECHNIQUES_EXTENSION,
  PLACEHOLDER_OCID_PREFIX,
} from './open-data/ocds-options.js'
export type { OcdsExportOptions } from './open-data/ocds-options.js'
export type {
  OcdsAmendment,
  OcdsAward,
  OcdsContract,
  OcdsFrameworkAgreement,
  OcdsItem,
  OcdsOrganizationReference,
  OcdsParty,
  OcdsPartyRole,
  OcdsPeriod,
  OcdsPublisher,
  OcdsRelatedProcess,
  OcdsRelease,
  OcdsReleasePackage,
  OcdsTender,
  OcdsTransaction,
  OcdsValue,
} from './open-data/ocds-document.js'

export { importCsv } from './csv-import/import-csv.js'
export type {
  CsvImportError,
  ImportCsvOptions,
  ImportCsvResult,
  ImportedCommand,
} from './csv-import/import-csv.js'
export { exportCsv } from './csv-import/export-csv.js'
export type { ExportCsvOptions } from './csv-import/export-csv.js'
export { inCommandOrder } from './csv-import/command-order.js'
export { CSV_COLUMNS } from './csv-import/csv-columns.js'
export type { CsvColumn } from './csv-import/csv-columns.js'
export { CSV_KINDS } from './csv-import/csv-kinds.js'
export type { CsvKind, CsvKindDefinition, CsvRole, CsvScope } from './csv-import/csv-kinds.js'
export { CSV_DIALECTS } from './csv-import/csv-dialect.js'
export type { CsvDialect, CsvDialectRules } from './csv-import/csv-dialect.js'
