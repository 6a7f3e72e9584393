// ai-gateway-logs/node: what needs Node.js (files), kept out of the portable library.
export { exportToFile, type ExportSummary, type ExportToFileOptions } from "./export-to-file.js";
