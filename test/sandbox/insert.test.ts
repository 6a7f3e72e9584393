// insertPerSecond: new logs keep arriving while the sandbox runs.
import { describe, expect, it } from "vitest";
import { startTestSandbox } from "../helpers/sandbox.js";

/** Polls until `check` holds, at most `tries` times 20 ms apart; says whether it did. */
async function eventually(check: () => boolean | Promise<boolean>, tries = 150): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe("insertPerSecond", () => {
  it("grows total_count while the sandbox runs, with logs created now", async () => {
    let clock = Date.parse("2025-01-15T12:00:00.000Z");
    const sandbox = await startTestSandbox({ logs: 10, insertPerSecond: 200, now: () => clock });
    clock += 60_000;
    const grew = await eventually(
      async () => (await sandbox.list()).body.result_info.total_count > 15,
    );
    expect(grew).toBe(true);
    const newest = (await sandbox.list({ per_page: 1 })).body.result[0];
    expect(newest.created_at).toBe(new Date(clock).toISOString());
  });

  it("inserts nothing by default", async () => {
    const sandbox = await startTestSandbox({ logs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sandbox.store.count()).toBe(10);
  });

  it("stops when the sandbox is closed", async () => {
    const sandbox = await startTestSandbox({ logs: 0, insertPerSecond: 500 });
    expect(await eventually(() => sandbox.store.count() > 0)).toBe(true);
    await sandbox.close();
    const atClose = sandbox.store.count();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sandbox.store.count()).toBe(atClose);
  });
});
