// The library runs in Node, Workers, Deno, Bun and browsers: its module graph imports nothing
// from node:, reads no environment, and depends on openapi-fetch alone.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/spec.js";

function moduleGraph(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    const source = readFileSync(file, "utf8");
    files.set(file, source);
    // Type-only imports vanish at runtime (and reach generated/, which has no code).
    for (const [, specifier] of source.matchAll(
      /^(?:import|export)\s(?!type\b)[^;]*?from\s+"(\.[^"]+)"/gms,
    )) {
      visit(resolve(dirname(file), specifier!.replace(/\.js$/, ".ts")));
    }
  };
  visit(entry);
  return files;
}

const graph = moduleGraph(join(projectRoot, "src", "index.ts"));
const bareImports = [...graph.values()].flatMap((source) =>
  [...source.matchAll(/^import\s(?!type\b)[^;]*?from\s+"([^".][^"]*)"/gms)].map((m) => m[1]),
);

describe("the library's module graph", () => {
  it("spans the client's files and not the sandbox", () => {
    expect(graph.size).toBeGreaterThan(10);
    expect([...graph.keys()].some((file) => file.includes("/sandbox/"))).toBe(false);
  });

  it("imports openapi-fetch and nothing else from outside", () => {
    expect(new Set(bareImports)).toEqual(new Set(["openapi-fetch"]));
  });

  it("reads no environment and no Node-only globals", () => {
    for (const [file, source] of graph) {
      expect(source, file).not.toMatch(/process\.|Buffer\.|require\(|__dirname/);
    }
  });

  it("has openapi-fetch as its only runtime dependency", () => {
    const manifest = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8"));
    expect(manifest.dependencies).toEqual({ "openapi-fetch": "0.17.0" });
  });
});
