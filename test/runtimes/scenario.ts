// What every runtime runs (fixtures/scenario.mjs) and what it must get: the sandbox's own answers,
// fetched here over plain HTTP before the child runs.
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { filtersParam, startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";

/** The options fixtures/scenario.mjs takes, as JSON. */
export interface ScenarioInput {
  accountId: string;
  gatewayId: string;
  apiToken: string;
  baseUrl: string;
  perPage: number;
  provider: string;
}

export interface Scenario {
  sandbox: TestSandbox;
  input: ScenarioInput;
  /** Checks a runtime's printed result against the sandbox, and the requests it made. */
  expectResult(result: unknown): void;
}

export const fixture = (name: string) =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export async function startScenario(): Promise<Scenario> {
  const sandbox = await startTestSandbox({ logs: 40 });
  const input: ScenarioInput = {
    accountId: sandbox.accountId,
    gatewayId: sandbox.gatewayId,
    apiToken: sandbox.token,
    baseUrl: sandbox.url,
    perPage: 7,
    provider: "anthropic",
  };
  const filters = filtersParam({ key: "provider", operator: "eq", value: [input.provider] });
  const page = (await sandbox.list({ per_page: input.perPage })).body;
  const filtered = (await sandbox.list({ per_page: input.perPage, filters })).body;
  const first = page.result[0];
  const detail = (await sandbox.call("GET", sandbox.logsUrl(first.id))).body.result;
  // Guards on the fixture data, so the comparison below cannot pass vacuously.
  expect(page.result).toHaveLength(input.perPage);
  expect(filtered.result.length).toBeGreaterThan(0);
  expect(filtered.result_info.total_count).toBeLessThan(page.result_info.total_count);
  expect(detail).toMatchObject(first);
  sandbox.stats.reset();

  const notFound = {
    threw: true,
    isNotFoundError: true,
    name: "NotFoundError",
    status: 404,
    message: expect.stringContaining("/logs/no-such-log failed with 404"),
  };
  const expectResult = (result: unknown) => {
    expect(result).toEqual({
      ids: page.result.map((log: { id: string }) => log.id),
      totalCount: 40,
      filtered: filtered.result.map((log: { id: string }) => ({
        id: log.id,
        provider: input.provider,
      })),
      log: detail,
      missing: notFound,
      missingByFetcher: notFound,
    });
    const requests = sandbox.stats.requests.map((r) => ({
      path: r.path.replace(/^.*\/logs/, "/logs"),
      filters: new URLSearchParams(r.query).get("filters"),
      status: r.status,
    }));
    expect(requests).toEqual([
      { path: "/logs", filters: null, status: 200 },
      { path: "/logs", filters, status: 200 },
      { path: `/logs/${first.id}`, filters: null, status: 200 },
      { path: "/logs/no-such-log", filters: null, status: 404 },
      { path: "/logs/no-such-log", filters: null, status: 404 },
    ]);
  };
  return { sandbox, input, expectResult };
}

/** The child printed one JSON line, exited 0, and showed the token nowhere. */
export function parseOutput(
  run: { code: number | null; stdout: string; stderr: string },
  token: string,
): unknown {
  expect(run.stdout + run.stderr).not.toContain(token);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}
