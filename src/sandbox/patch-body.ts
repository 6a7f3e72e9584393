import { badRequest } from "./envelope.js";
import { clip } from "./query.js";
import type { LogPatch } from "./types.js";

const allowed = ["feedback", "score", "metadata"];

/** Parses and validates the body strictly: anything the API would not store is a 400. */
export function parsePatchBody(raw: Buffer): LogPatch {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    throw badRequest("The request body must be valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest("The request body must be a JSON object with feedback, score or metadata");
  }
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    throw badRequest(`Unknown field "${clip(unknown)}": the body takes ${allowed.join(", ")}`);
  }
  const patch = body as Record<string, unknown>;
  return {
    ...("feedback" in patch && { feedback: boundedNumber(patch.feedback, "feedback", -1, 1) }),
    ...("score" in patch && { score: boundedNumber(patch.score, "score", 0, 100) }),
    ...("metadata" in patch && { metadata: metadataOf(patch.metadata) }),
  };
}

function boundedNumber(value: unknown, name: string, min: number, max: number): number | null {
  if (value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw badRequest(`${name} must be a number from ${min} to ${max}, or null`);
  }
  return value;
}

function metadataOf(value: unknown): Record<string, string | number | boolean> | null {
  if (value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw badRequest("metadata must be an object (or null)");
  }
  for (const [key, entry] of Object.entries(value as object)) {
    const ok =
      typeof entry === "string" ||
      typeof entry === "boolean" ||
      (typeof entry === "number" && Number.isFinite(entry));
    if (!ok) throw badRequest(`metadata.${clip(key)} must be a string, number or boolean`);
  }
  return value as Record<string, string | number | boolean>;
}
