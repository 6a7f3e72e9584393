import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { logColumns, ValidationError } from "../../src/index.js";
import { exportToFile } from "../../src/node/index.js";
import { caught, startClientSandbox } from "../helpers/client.js";
import { projectRoot } from "../helpers/spec.js";

const dir = mkdtempSync(join(tmpdir(), "aigw-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = (ext: string) => join(dir, `export-${++files}.${ext}`);
const jsonLines = (file: string) =>
  readFileSync(file, "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line));

describe("exportToFile", () => {
  it("writes JSON Lines, one log a line, and removes its checkpoint when done", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 130 });
    const file = newFile("jsonl");
    const summary = await exportToFile(logs, { file });
    expect(summary).toEqual({ file, exported: 130, total: 130, resumed: false });
    expect(jsonLines(file).map((log) => log.id)).toEqual(sandbox.store.list().map((log) => log.id));
    expect(existsSync(`${file}.checkpoint.json`)).toBe(false);
  });

  it("writes CSV that a CSV parser reads back field for field", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 75 });
    const [first] = sandbox.store.list();
    await logs.update(first!.id, { metadata: { note: 'say "hi", then\nleave', n: 1 } });
    const file = newFile("csv");
    await exportToFile(logs, { file, format: "csv" });
    const text = readFileSync(file, "utf8");
    expect(text.startsWith(`${logColumns.join(",")}\r\n`)).toBe(true);
    const rows: Record<string, string>[] = parse(text, { columns: true });
    expect(rows).toHaveLength(75);
    const stored = sandbox.store.list();
    rows.forEach((row, i) => {
      const log = stored[i]! as unknown as Record<string, unknown>;
      for (const column of logColumns) {
        const value = log[column];
        expect(row[column], `${column} of row ${i}`).toBe(
          value === undefined || value === null ? "" : String(value),
        );
      }
    });
    expect(JSON.parse(rows[0]!.metadata!)).toEqual({ note: 'say "hi", then\nleave', n: 1 });
  });

  it("resumes an export whose process was killed, with the same logs and no duplicates", async () => {
    const { sandbox } = await startClientSandbox({}, { logs: 1_500, latencyMs: 15 });
    const file = newFile("jsonl");
    const env = {
      ...process.env,
      AIGW_ACCOUNT_ID: sandbox.accountId,
      AIGW_GATEWAY_ID: sandbox.gatewayId,
      AIGW_TOKEN: sandbox.token,
      AIGW_BASE_URL: sandbox.url,
      AIGW_FILE: file,
      AIGW_FORMAT: "jsonl",
    };
    const child = () =>
      spawn(process.execPath, [join(projectRoot, "test", "fixtures", "export-child.mjs")], {
        env,
        cwd: projectRoot,
      });

    const first = child();
    const checkpointFile = `${file}.checkpoint.json`;
    while (
      !existsSync(checkpointFile) ||
      JSON.parse(readFileSync(checkpointFile, "utf8")).pagesDone < 10
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const partial = jsonLines(file).length;
    expect(partial).toBeGreaterThanOrEqual(200);
    expect(partial).toBeLessThan(1_500);

    const second = child();
    let output = "";
    second.stdout.on("data", (chunk) => (output += chunk));
    const code = await new Promise((resolve) => second.once("exit", resolve));
    expect(code).toBe(0);
    expect(JSON.parse(output)).toMatchObject({ exported: 1_500, total: 1_500, resumed: true });
    const ids = jsonLines(file).map((log) => log.id);
    expect(ids).toEqual(sandbox.store.list().map((log) => log.id));
    expect(existsSync(checkpointFile)).toBe(false);
  });

  it("refuses to resume in another format or payload setting, leaving file and checkpoint intact", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 300 });
    const file = newFile("jsonl");
    const stop = new AbortController();
    const onProgress = ({ done }: { done: number }) => {
      if (done >= 100) stop.abort();
    };
    await expect(
      exportToFile(logs, { file, perPage: 50, concurrency: 1, signal: stop.signal, onProgress }),
    ).rejects.toThrow();
    const checkpointFile = `${file}.checkpoint.json`;
    const before = readFileSync(file);
    const checkpoint = readFileSync(checkpointFile, "utf8");
    expect(JSON.parse(checkpoint).output).toEqual({ format: "jsonl", includePayloads: false });

    const asCsv = await caught(exportToFile(logs, { file, format: "csv", resume: true }), [
      sandbox.token,
    ]);
    expect(asCsv).toBeInstanceOf(ValidationError);
    expect(asCsv.message).toBe(
      "This export was started as jsonl; resume it with the same format, not csv.",
    );
    const withPayloads = await caught(
      exportToFile(logs, { file, includePayloads: true, resume: true }),
      [sandbox.token],
    );
    expect(withPayloads.message).toBe(
      "This export was started without payloads; resume it without payloads too.",
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readFileSync(checkpointFile, "utf8")).toBe(checkpoint);

    const summary = await exportToFile(logs, { file, resume: true });
    expect(summary).toMatchObject({ exported: 300, resumed: true });
    expect(jsonLines(file).map((log) => log.id)).toEqual(sandbox.store.list().map((log) => log.id));
  });

  it("refuses a damaged checkpoint with a ValidationError", async () => {
    const { logs } = await startClientSandbox({}, { logs: 10 });
    const file = newFile("jsonl");
    writeFileSync(`${file}.checkpoint.json`, '{"version":1,"gatew');
    const error = await caught(exportToFile(logs, { file, resume: true }), []);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/damaged/);
  });
});
