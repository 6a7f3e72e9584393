import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Json } from "./spec.js";

const specId = "https://ai-gateway-logs.invalid/openapi.json";

export interface SpecValidator {
  /** Validates a value against the schema at a JSON pointer inside the spec; returns readable errors. */
  errorsAt(pointer: string, value: unknown): string[];
}

/** A JSON Schema 2020-12 validator over the whole bundled spec, so `$ref`s resolve as they do there. */
export function createSpecValidator(spec: Json): SpecValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  // OpenAPI keywords that are not JSON Schema: known, so they are not mistaken for typos.
  for (const keyword of ["example", "discriminator", "xml", "externalDocs"])
    ajv.addKeyword(keyword);
  ajv.addSchema({ ...spec, $id: specId });
  return {
    errorsAt(pointer, value) {
      const validate = ajv.getSchema(`${specId}#${pointer}`);
      if (!validate) throw new Error(`No schema at ${pointer}`);
      return validate(value) ? [] : (validate.errors ?? []).map(describe);
    },
  };
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || "(root)"} ${error.message ?? "is invalid"}`;
}

/** Encodes path segments as a JSON pointer (RFC 6901). */
export function pointerOf(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}
