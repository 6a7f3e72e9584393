// Seeded logs: the same for the same seed, and shaped like real AI Gateway traffic.
import { describe, expect, it } from "vitest";
import { timeOfId } from "../../src/sandbox/ids.js";
import type { SandboxLog } from "../../src/sandbox/index.js";
import { fixedNow, startTestSandbox } from "../helpers/sandbox.js";

const share = (logs: SandboxLog[], keep: (log: SandboxLog) => boolean) =>
  logs.filter(keep).length / logs.length;

describe("seed", () => {
  it("gives the same logs for the same seed and clock", async () => {
    const first = await startTestSandbox({ logs: 300, seed: 42 });
    const second = await startTestSandbox({ logs: 300, seed: 42 });
    expect(second.store.list()).toEqual(first.store.list());
    const page = (await first.list({ per_page: 50 })).body;
    expect((await second.list({ per_page: 50 })).body).toEqual(page);
  });

  it("gives the same payloads for the same seed", async () => {
    const first = await startTestSandbox({ logs: 20, seed: 42 });
    const second = await startTestSandbox({ logs: 20, seed: 42 });
    const id = first.store.list()[3]!.id;
    const read = async (sandbox: typeof first) =>
      (await fetch(sandbox.logsUrl(`${id}/response`), { headers: sandbox.auth })).text();
    expect(await read(second)).toBe(await read(first));
  });

  it("gives different logs for another seed", async () => {
    const first = await startTestSandbox({ logs: 50, seed: 1 });
    const second = await startTestSandbox({ logs: 50, seed: 2 });
    expect(second.store.list().map((l) => l.id)).not.toEqual(first.store.list().map((l) => l.id));
  });

  it("seeds 200 logs by default, none with logs: 0", async () => {
    expect((await startTestSandbox()).store.count()).toBe(200);
    expect((await startTestSandbox({ logs: 0 })).store.count()).toBe(0);
  });
});

describe("seeded logs", () => {
  const seeded = async () => (await startTestSandbox({ logs: 3000, seed: 3 })).store.list();

  it("spread over the 7 days before now", async () => {
    const logs = await seeded();
    const times = logs.map((log) => Date.parse(log.created_at));
    expect(Math.max(...times)).toBeLessThanOrEqual(fixedNow);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(fixedNow - 7 * 86_400_000);
    expect(Math.min(...times)).toBeLessThan(fixedNow - 6 * 86_400_000);
  });

  it("have UUIDv7 ids, or ULIDs when older than 5 days, carrying their creation time", async () => {
    const logs = await seeded();
    for (const log of logs) {
      const old = Date.parse(log.created_at) < fixedNow - 5 * 86_400_000;
      expect(log.id).toMatch(
        old ? /^[0-9A-HJKMNP-TV-Z]{26}$/ : /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/,
      );
      expect(timeOfId(log.id)).toBe(Date.parse(log.created_at));
    }
    expect(new Set(logs.map((log) => log.id)).size).toBe(logs.length);
  });

  it("come from the known providers, models and model types", async () => {
    const logs = await seeded();
    expect(new Set(logs.map((l) => l.provider))).toEqual(
      new Set(["openai", "anthropic", "workers-ai", "google-ai-studio", "groq", "mistral"]),
    );
    expect(new Set(logs.map((l) => l.model_type))).toEqual(new Set(["chat", "embedding", "image"]));
    const models = new Set(logs.map((l) => l.model));
    for (const model of [
      "gpt-4o",
      "gpt-4o-mini",
      "o3-mini",
      "claude-3-5-sonnet-20241022",
      "@cf/meta/llama-3.1-8b-instruct",
      "gemini-1.5-flash",
    ]) {
      expect(models).toContain(model);
    }
  });

  it("fail about 2% of the time, with an error status", async () => {
    const logs = await seeded();
    expect(share(logs, (l) => !l.success)).toBeGreaterThan(0.005);
    expect(share(logs, (l) => !l.success)).toBeLessThan(0.04);
    for (const log of logs) {
      if (log.success) expect(log.status_code).toBe(200);
      else expect([400, 429, 500, 503]).toContain(log.status_code);
    }
  });

  it("are cache hits about 15% of the time, free and fast", async () => {
    const logs = await seeded();
    expect(share(logs, (l) => l.cached)).toBeGreaterThan(0.1);
    expect(share(logs, (l) => l.cached)).toBeLessThan(0.2);
    for (const log of logs.filter((l) => l.cached)) {
      expect(log.cost).toBe(0);
      expect(log.duration).toBeLessThan(50);
    }
  });

  it("cost what their tokens cost at the model's price", async () => {
    const logs = await seeded();
    const gpt4o = logs.find(
      (l) => l.model === "gpt-4o" && !l.cached && l.success && l.tokens_in !== null,
    )!;
    const expected = (gpt4o.tokens_in! * 2.5 + gpt4o.tokens_out! * 10) / 1e6;
    expect(gpt4o.cost).toBeCloseTo(expected, 9);
    expect(logs.every((l) => l.cost >= 0 && Number.isInteger(l.duration) && l.duration > 0)).toBe(
      true,
    );
  });

  it("sometimes lack token counts, feedback, score or metadata", async () => {
    const logs = await seeded();
    expect(share(logs, (l) => l.tokens_in === null)).toBeGreaterThan(0.02);
    expect(new Set(logs.map((l) => l.feedback))).toEqual(new Set([null, -1, 0, 1]));
    expect(share(logs, (l) => l.score !== null)).toBeGreaterThan(0.01);
    expect(share(logs, (l) => l.metadata === "")).toBeGreaterThan(0.1);
    for (const log of logs.filter((l) => l.metadata !== "")) {
      expect(typeof JSON.parse(log.metadata)).toBe("object");
    }
  });

  it("carry the hidden fields every filter key needs", async () => {
    const logs = await seeded();
    expect(new Set(logs.map((l) => l.dlp_action))).toEqual(new Set([null, "FLAG", "BLOCK"]));
    for (const key of ["authentication", "wholesale", "compatibilityMode"] as const) {
      expect(new Set(logs.map((l) => l[key]))).toEqual(new Set([true, false]));
    }
    expect(logs.every((l) => /^[0-9a-f]{32}$/.test(l.event_id) && l.user_agent.length > 0)).toBe(
      true,
    );
  });

  it("stream some chat answers and store images as PNG", async () => {
    const logs = await seeded();
    const types = new Set(logs.map((l) => `${l.model_type} ${l.response_content_type}`));
    expect(types).toContain("chat text/event-stream");
    expect(types).toContain("chat application/json");
    expect(types).toContain("image image/png");
  });
});
