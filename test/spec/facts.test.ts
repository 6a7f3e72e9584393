// The facts about Cloudflare's API that the rest of the project relies on, read from our own
// bundled spec, so that a careless edit of openapi/ fails CI.
import { describe, expect, it } from "vitest";
import {
  deref,
  loadBundledSpec,
  logPath,
  logsPath,
  operations,
  parameter,
  parameterSchema,
  parametersOf,
  type Json,
} from "../helpers/spec.js";

const spec = loadBundledSpec();

function jsonBody(response: Json): Json {
  return deref(spec, deref(spec, response).content["application/json"].schema);
}

/** Properties of an object schema, following allOf, as one flat map with the required list. */
function flatten(schema: Json): { properties: Json; required: string[] } {
  const resolved = deref(spec, schema);
  const parts = [resolved, ...(resolved.allOf ?? []).map((s: Json) => flatten(s))];
  return {
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    required: parts.flatMap((p) => p.required ?? []),
  };
}

const listLog = flatten(
  jsonBody(spec.paths[logsPath].get.responses["200"]).properties.result.items,
);
const detailLog = flatten(jsonBody(spec.paths[logPath].get.responses["200"]).properties.result);

describe("operations", () => {
  it("has exactly the six operations, with Cloudflare's operationIds", () => {
    const found = Object.entries(spec.paths as Record<string, Json>).flatMap(([path, item]) =>
      ["get", "put", "post", "patch", "delete"]
        .filter((m) => item[m])
        .map((method) => ({ path, method, operationId: item[method].operationId })),
    );
    expect(found).toEqual(expect.arrayContaining(operations.map((o) => ({ ...o }))));
    expect(found).toHaveLength(6);
  });

  it("documents 400, 401, 403, 404, 429 and 5XX on every operation", () => {
    for (const { path, method } of operations) {
      const codes = Object.keys(spec.paths[path][method].responses);
      expect(codes, `${method} ${path}`).toEqual(
        expect.arrayContaining(["200", "400", "401", "403", "404", "429", "5XX"]),
      );
    }
  });

  it("accepts a bearer token, or an email and a global key together", () => {
    expect(spec.security).toEqual([{ api_token: [] }, { api_email: [], api_key: [] }]);
    const schemes = spec.components.securitySchemes;
    expect(schemes.api_token).toMatchObject({ type: "http", scheme: "bearer" });
    expect(schemes.api_email).toMatchObject({ type: "apiKey", in: "header", name: "X-Auth-Email" });
    expect(schemes.api_key).toMatchObject({ type: "apiKey", in: "header", name: "X-Auth-Key" });
  });
});

describe("list parameters", () => {
  const schemaOf = (name: string) => parameterSchema(spec, parameter(spec, logsPath, "get", name));

  it("bounds page at 1 and per_page at 1..50, default 20", () => {
    expect(schemaOf("page")).toMatchObject({ type: "integer", minimum: 1, default: 1 });
    expect(schemaOf("per_page")).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 50,
      default: 20,
    });
  });

  it("orders newest first by default, over the six list columns", () => {
    expect(schemaOf("order_by_direction")).toMatchObject({
      default: "desc",
      enum: ["asc", "desc"],
    });
    expect(schemaOf("order_by").default).toBe("created_at");
    expect([...schemaOf("order_by").enum].sort()).toEqual([
      "cached",
      "created_at",
      "model",
      "model_type",
      "provider",
      "success",
    ]);
  });

  it("keeps the 21 deprecated flat parameters, marked deprecated", () => {
    const deprecated = parametersOf(spec, logsPath, "get").filter((p) => p.deprecated);
    expect(deprecated.map((p) => p.name).sort()).toEqual(
      [
        "cached",
        "direction",
        "end_date",
        "feedback",
        "max_cost",
        "max_duration",
        "max_tokens_in",
        "max_tokens_out",
        "max_total_tokens",
        "min_cost",
        "min_duration",
        "min_tokens_in",
        "min_tokens_out",
        "min_total_tokens",
        "model",
        "model_type",
        "provider",
        "request_content_type",
        "response_content_type",
        "start_date",
        "success",
      ].sort(),
    );
  });

  it("has no total_pages in result_info", () => {
    const info = deref(
      spec,
      jsonBody(spec.paths[logsPath].get.responses["200"]).properties.result_info,
    );
    expect(Object.keys(info.properties)).toEqual(
      expect.arrayContaining(["page", "per_page", "count", "total_count"]),
    );
    expect(info.properties.total_pages).toBeUndefined();
  });
});

describe("filters", () => {
  for (const method of ["get", "delete"]) {
    it(`are one JSON-encoded query parameter on ${method.toUpperCase()} /logs`, () => {
      const filters = parameter(spec, logsPath, method, "filters");
      expect(filters.in).toBe("query");
      expect(filters.schema).toBeUndefined();
      expect(filters.style).toBeUndefined();
      expect(filters.explode).toBeUndefined();
      expect(Object.keys(filters.content)).toEqual(["application/json"]);
      const schema = parameterSchema(spec, filters);
      expect(schema.type).toBe("array");
      const filter = deref(spec, schema.items);
      expect(filter.required.sort()).toEqual(["key", "operator", "value"]);
      expect(deref(spec, filter.properties.operator).enum).toEqual([
        "eq",
        "neq",
        "contains",
        "lt",
        "gt",
      ]);
    });
  }

  it("leave the key open to keys not yet known", () => {
    const filter = deref(
      spec,
      parameterSchema(spec, parameter(spec, logsPath, "get", "filters")).items,
    );
    const key = deref(spec, filter.properties.key);
    const alternatives = (key.anyOf ?? key.oneOf ?? []).map((s: Json) => deref(spec, s));
    expect(alternatives.some((s: Json) => s.type === "string" && !s.enum)).toBe(true);
    const known = alternatives.find((s: Json) => Array.isArray(s.enum))?.enum ?? [];
    expect(known).toEqual(
      expect.arrayContaining(["model", "created_at", "tokens", "metadata.key"]),
    );
    expect(known).toHaveLength(24);
  });
});

describe("delete", () => {
  const schemaOf = (name: string) =>
    parameterSchema(spec, parameter(spec, logsPath, "delete", name));

  it("deletes at most 10000 logs per call, oldest first by default", () => {
    expect(schemaOf("limit")).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 10000,
      default: 10000,
    });
    expect(schemaOf("order_by_direction")).toMatchObject({ default: "asc" });
    expect(schemaOf("order_by").enum).toHaveLength(11);
  });

  it("answers with success only, no count", () => {
    const body = jsonBody(spec.paths[logsPath].delete.responses["200"]);
    expect(Object.keys(body.properties)).toEqual(["success"]);
  });
});

describe("logs", () => {
  it("have 19 list fields, 10 of them required", () => {
    expect(Object.keys(listLog.properties)).toHaveLength(19);
    expect(listLog.required.sort()).toEqual([
      "cached",
      "created_at",
      "duration",
      "id",
      "model",
      "path",
      "provider",
      "success",
      "tokens_in",
      "tokens_out",
    ]);
  });

  it("have nullable integer token counts", () => {
    for (const field of ["tokens_in", "tokens_out"]) {
      expect(deref(spec, listLog.properties[field]).type).toEqual(["integer", "null"]);
    }
  });

  it("carry metadata as a string", () => {
    expect(deref(spec, listLog.properties.metadata).type).toBe("string");
  });

  it("add the six head and size fields in the detail", () => {
    const extra = Object.keys(detailLog.properties).filter((k) => !(k in listLog.properties));
    expect(extra.sort()).toEqual([
      "request_head",
      "request_head_complete",
      "request_size",
      "response_head",
      "response_head_complete",
      "response_size",
    ]);
  });
});

describe("patch", () => {
  const body = deref(
    spec,
    spec.paths[logPath].patch.requestBody.content["application/json"].schema,
  );
  const field = (name: string) => deref(spec, body.properties[name]);

  it("bounds feedback to -1..1 and score to 0..100, both nullable", () => {
    expect(field("feedback")).toMatchObject({ type: ["number", "null"], minimum: -1, maximum: 1 });
    expect(field("score")).toMatchObject({ type: ["number", "null"], minimum: 0, maximum: 100 });
    expect(body.required ?? []).toEqual([]);
  });

  it("takes metadata values of string, number or boolean", () => {
    const values = deref(spec, field("metadata").additionalProperties);
    const types = (values.anyOf ?? values.oneOf).map((s: Json) => deref(spec, s).type).sort();
    expect(types).toEqual(["boolean", "number", "string"]);
  });
});

describe("errors", () => {
  it("answer an unknown log with code 7002", () => {
    const notFound = deref(spec, spec.paths[logPath].get.responses["404"]);
    const example = JSON.stringify(notFound.content["application/json"]);
    expect(example).toContain("7002");
  });

  it("send Retry-After with every 429", () => {
    for (const { path, method } of operations) {
      const tooMany = deref(spec, spec.paths[path][method].responses["429"]);
      expect(Object.keys(tooMany.headers), `${method} ${path}`).toContain("Retry-After");
    }
  });
});

describe("stored payloads", () => {
  for (const kind of ["request", "response"]) {
    it(`are returned as stored from /${kind}, JSON or not`, () => {
      const ok = deref(spec, spec.paths[`${logPath}/${kind}`].get.responses["200"]);
      const types = Object.keys(ok.content);
      expect(types).toEqual(expect.arrayContaining(["application/json", "text/event-stream"]));
      expect(types.some((t) => t === "application/octet-stream" || t === "*/*")).toBe(true);
      expect(JSON.stringify(ok.content["application/json"].schema)).not.toContain("success");
    });
  }
});
