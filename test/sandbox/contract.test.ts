// Every answer the sandbox gives, for every operation and every status it can produce, must
// match the response schema that generated/openapi.json documents for it.
import { afterAll, describe, expect, it } from "vitest";
import { filtersParam, startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { createSpecValidator, pointerOf } from "../helpers/spec-validator.js";
import { loadBundledSpec, logPath, logsPath, type Json } from "../helpers/spec.js";

const spec = loadBundledSpec();
const validator = createSpecValidator(spec);

type Auth = "token" | "key" | "none" | "wrong-token" | "email-only";

interface Case {
  name: string;
  method: "GET" | "DELETE" | "PATCH";
  /** The spec path whose responses the answer must match. */
  specPath: string;
  /** The part after /logs: "", "<id>", "<id>/request", ... (`{id}` becomes a real log id). */
  rest?: string;
  query?: Record<string, string | number | boolean>;
  body?: string;
  auth?: Auth;
  account?: string;
  gateway?: string;
  status: number;
  setup?: (sandbox: TestSandbox, id: string) => void;
}

const list = { method: "GET", specPath: logsPath } as const;
const del = { method: "DELETE", specPath: logsPath } as const;
const detail = { method: "GET", specPath: logPath, rest: "{id}" } as const;
const patch = { method: "PATCH", specPath: logPath, rest: "{id}", body: '{"feedback":1}' } as const;
const request = { method: "GET", specPath: `${logPath}/request`, rest: "{id}/request" } as const;
const response = { method: "GET", specPath: `${logPath}/response`, rest: "{id}/response" } as const;
const everyOperation = [list, del, detail, patch, request, response];

const filter = (key: string, operator: string, value: unknown[]) => ({
  filters: filtersParam({ key, operator, value }),
});

/** The error answers every operation can give, whatever its own parameters. */
function commonErrors(op: (typeof everyOperation)[number]): Case[] {
  const tag = `${op.method} ${op.specPath.replace(logsPath, "/logs")}`;
  return [
    { ...op, name: `${tag} without credentials`, auth: "none", status: 401 },
    { ...op, name: `${tag} with a wrong token`, auth: "wrong-token", status: 401 },
    { ...op, name: `${tag} with an email but no key`, auth: "email-only", status: 401 },
    { ...op, name: `${tag} on another account`, account: "f".repeat(32), status: 403 },
    { ...op, name: `${tag} on an unknown gateway`, gateway: "no-such-gateway", status: 404 },
    {
      ...op,
      name: `${tag} over the rate limit`,
      status: 429,
      setup: (s) => (s.faults.rateLimit = { requests: 0, windowMs: 300_000 }),
    },
    ...[500, 502, 503].map((status) => ({
      ...op,
      name: `${tag} answered ${status}`,
      status,
      setup: (s: TestSandbox) => s.faults.next(status),
    })),
  ];
}

const cases: Case[] = [
  { ...list, name: "list with defaults", status: 200 },
  { ...list, name: "list with the global API key", auth: "key", status: 200 },
  { ...list, name: "list with meta_info", query: { meta_info: true }, status: 200 },
  { ...list, name: "list page past the end", query: { page: 99 }, status: 200 },
  {
    ...list,
    name: "list by model asc",
    query: { order_by: "model", order_by_direction: "asc" },
    status: 200,
  },
  { ...list, name: "list with search", query: { search: "gpt" }, status: 200 },
  {
    ...list,
    name: "list with eq",
    query: filter("provider", "eq", ["openai", "anthropic"]),
    status: 200,
  },
  { ...list, name: "list with neq", query: filter("cached", "neq", [true]), status: 200 },
  { ...list, name: "list with contains", query: filter("model", "contains", ["GPT"]), status: 200 },
  { ...list, name: "list with lt", query: filter("tokens", "lt", [500]), status: 200 },
  {
    ...list,
    name: "list with gt on a date",
    query: filter("created_at", "gt", ["2025-01-14T00:00:00Z"]),
    status: 200,
  },
  {
    ...list,
    name: "list with deprecated parameters",
    query: { min_cost: 0, success: true, direction: "asc" },
    status: 200,
  },
  { ...list, name: "list with per_page 51", query: { per_page: 51 }, status: 400 },
  { ...list, name: "list with page 0", query: { page: 0 }, status: 400 },
  {
    ...list,
    name: "list with an unknown filter key",
    query: filter("colour", "eq", ["red"]),
    status: 400,
  },
  { ...list, name: "list with flattened filters", query: { "filters.key": "model" }, status: 400 },
  { ...del, name: "delete with defaults", status: 200 },
  {
    ...del,
    name: "delete with filters and a limit",
    query: { ...filter("success", "eq", [false]), limit: 3 },
    status: 200,
  },
  {
    ...del,
    name: "delete by cost desc with the global key",
    auth: "key",
    query: { order_by: "cost", order_by_direction: "desc", limit: 1 },
    status: 200,
  },
  { ...del, name: "delete with limit 10001", query: { limit: 10001 }, status: 400 },
  {
    ...del,
    name: "delete with a bad operator",
    query: filter("model", "like", ["gpt"]),
    status: 400,
  },
  { ...detail, name: "detail", status: 200 },
  { ...detail, name: "detail with the global key", auth: "key", status: 200 },
  { ...detail, name: "detail of an unknown id", rest: "no-such-log", status: 404 },
  { ...patch, name: "patch", status: 200 },
  {
    ...patch,
    name: "patch everything with the global key",
    auth: "key",
    body: '{"feedback":-1,"score":50,"metadata":{"a":"b","n":1,"t":true}}',
    status: 200,
  },
  {
    ...patch,
    name: "patch clearing everything",
    body: '{"feedback":null,"score":null,"metadata":null}',
    status: 200,
  },
  { ...patch, name: "patch with score 101", body: '{"score":101}', status: 400 },
  { ...patch, name: "patch with invalid JSON", body: "{", status: 400 },
  { ...patch, name: "patch of an unknown id", rest: "no-such-log", status: 404 },
  { ...request, name: "request payload", status: 200 },
  { ...request, name: "request of an unknown id", rest: "no-such-log/request", status: 404 },
  {
    ...request,
    name: "request not stored",
    status: 404,
    setup: (s, id) => s.store.setPayload(id, "request", null),
  },
  { ...response, name: "response payload", status: 200 },
  { ...response, name: "response of an unknown id", rest: "no-such-log/response", status: 404 },
  {
    ...response,
    name: "response not stored",
    status: 404,
    setup: (s, id) => s.store.setPayload(id, "response", null),
  },
  ...everyOperation.flatMap(commonErrors),
];

/** The log `{id}` stands for: newest, with JSON payloads stored. */
const chatLog = {
  provider: "openai",
  model: "gpt-4o-mini",
  model_type: "chat",
  success: true,
  response_content_type: "application/json",
  payload_stored: true,
};

function headersFor(sandbox: TestSandbox, auth: Auth): Record<string, string> {
  switch (auth) {
    case "token":
      return sandbox.auth;
    case "key":
      return sandbox.keyAuth;
    case "none":
      return {};
    case "wrong-token":
      return { authorization: "Bearer not-the-token" };
    case "email-only":
      return { "x-auth-email": sandbox.email };
  }
}

/** Where the spec keeps the JSON schema of an answer: follows a `$ref` to a shared response. */
function schemaPointer(specPath: string, method: string, status: number): string {
  const key = status >= 500 ? "5XX" : String(status);
  const responses = spec.paths[specPath][method.toLowerCase()].responses as Json;
  const ref: string | undefined = responses[key]?.$ref;
  const base = ref
    ? ref.slice(1)
    : pointerOf("paths", specPath, method.toLowerCase(), "responses", key);
  return `${base}${pointerOf("content", "application/json", "schema")}`;
}

const seen = new Set<string>();

describe("every answer matches the spec", () => {
  it.each(cases)("$name → $status", async (c) => {
    const sandbox = await startTestSandbox({ logs: 30 });
    const log = sandbox.store.insert(chatLog);
    c.setup?.(sandbox, log.id);
    const rest = (c.rest ?? "").replace("{id}", log.id);
    const where = { accountId: c.account, gatewayId: c.gateway };
    const url = sandbox.logsUrl(rest, stringify(c.query ?? {}), where);
    const reply = await sandbox.call(c.method, url, {
      headers: headersFor(sandbox, c.auth ?? "token"),
      body: c.body,
    });

    expect(reply.status).toBe(c.status);
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    const pointer = schemaPointer(c.specPath, c.method, c.status);
    expect(validator.errorsAt(pointer, reply.body), pointer).toEqual([]);
    if (!c.rest?.match(/\/(request|response)$/) || c.status !== 200) {
      expect(reply.body.success).toBe(c.status === 200);
    }
    if (c.status === 429)
      expect(Number(reply.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    seen.add(`${c.method} ${c.specPath} ${c.status >= 500 ? "5XX" : c.status}`);
  });

  afterAll(() => {
    // The matrix itself must stay complete: each documented status of each operation, except
    // the 400s that an operation without parameters or body cannot produce.
    for (const { method, specPath } of everyOperation) {
      const documented = Object.keys(spec.paths[specPath][method.toLowerCase()].responses);
      const unreachable = method === "GET" && specPath !== logsPath ? ["400"] : [];
      for (const status of documented.filter((s) => !unreachable.includes(s))) {
        expect(seen, `${method} ${specPath} ${status} was never exercised`).toContain(
          `${method} ${specPath} ${status}`,
        );
      }
    }
  });
});

describe("answers outside the six operations", () => {
  const envelope = pointerOf("components", "schemas", "ErrorEnvelope");

  it.each([
    ["an unknown route", "GET", "/client/v4/accounts/x/ai-gateway/gateways/y/nope", 404],
    ["a method the route does not have", "PUT", "{logs}", 405],
    ["an encoded traversal in a log id", "GET", "{logs}/%2e%2e%2f", 404],
  ])("%s is an error envelope", async (_, method, path, status) => {
    const sandbox = await startTestSandbox({ logs: 1 });
    const logs = new URL(sandbox.logsUrl()).pathname;
    const url = `http://127.0.0.1:${sandbox.port}${path.replace("{logs}", logs)}`;
    const reply = await sandbox.call(method, url);
    expect(reply.status).toBe(status);
    expect(validator.errorsAt(envelope, reply.body)).toEqual([]);
  });
});

describe("payload answers", () => {
  it("declare a content type that the spec lists for the operation", async () => {
    const sandbox = await startTestSandbox({ logs: 200 });
    const types = new Set<string>();
    for (const log of sandbox.store.list()) {
      for (const kind of ["request", "response"] as const) {
        const reply = await fetch(sandbox.logsUrl(`${log.id}/${kind}`), { headers: sandbox.auth });
        await reply.arrayBuffer();
        if (reply.status !== 200) continue;
        const type = reply.headers.get("content-type")!;
        types.add(type);
        const content = spec.paths[`${logPath}/${kind}`].get.responses["200"].content;
        expect(Object.keys(content).some((t) => t === type || t === "*/*")).toBe(true);
      }
    }
    expect([...types].sort()).toEqual(
      expect.arrayContaining(["application/json", "text/event-stream", "image/png"]),
    );
  });
});

function stringify(query: Record<string, string | number | boolean>) {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
}
