import { ValidationError } from "../errors/request-errors.js";
import type { Filter } from "../types.js";

/** Where an export stands: enough to continue it later without duplicates or gaps. */
export interface ExportCheckpoint {
  version: 1;
  gatewayId: string;
  /** The snapshot: only logs created before this instant are exported. */
  upperBound: string;
  /** The filters of the export, the snapshot bound included. */
  filters: Filter[];
  perPage: number;
  /** How many logs matched when the export started. */
  total: number;
  /** Pages handed out so far, in order. */
  pagesDone: number;
  /** Logs handed out so far. */
  exported: number;
  /** Set by writers: how many bytes of output hold those logs. */
  bytes?: number;
  /** Set by writers: the output's shape, which a resumed export must keep. */
  output?: { format: string; includePayloads: boolean };
}

/** Checks a checkpoint read back from storage before trusting it. */
export function checkCheckpoint(value: unknown): ExportCheckpoint {
  const c = value as Partial<ExportCheckpoint> | null;
  const valid =
    c !== null &&
    typeof c === "object" &&
    c.version === 1 &&
    typeof c.gatewayId === "string" &&
    typeof c.upperBound === "string" &&
    !Number.isNaN(Date.parse(c.upperBound)) &&
    Array.isArray(c.filters) &&
    [c.perPage, c.total, c.pagesDone, c.exported].every(
      (n) => Number.isInteger(n) && (n as number) >= 0,
    ) &&
    (c.output === undefined ||
      (typeof c.output.format === "string" && typeof c.output.includePayloads === "boolean"));
  if (!valid)
    throw new ValidationError(
      "The export checkpoint is not one this library wrote, or it is damaged.",
    );
  return c as ExportCheckpoint;
}
