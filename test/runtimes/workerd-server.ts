// workerd serving fixtures/worker.mjs, bundled by esbuild with the built library into one module.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { onTestFinished } from "vitest";
import { projectRoot } from "../helpers/spec.js";
import { stopChild, tempDir } from "./run-program.js";
import { fixture } from "./scenario.js";

export interface WorkerBundle {
  /** Files the bundle was made of, relative to the project. */
  files: string[];
  /** What the bundle still imports at runtime: nothing, for a worker without nodejs_compat. */
  imports: string[];
}

export interface WorkerdServer {
  url: string;
  /** workerd's stdout and stderr so far. */
  output(): string;
}

/** Writes `worker.js` into dir. */
export async function bundleWorker(dir: string): Promise<WorkerBundle> {
  // Neutral platform: no Node built-ins and no Node-only package fields; an import of node:
  // would fail the build rather than be left for the runtime. Minified, as Workers are deployed:
  // class names are renamed, which error names must survive.
  const { metafile } = await build({
    entryPoints: [fixture("worker.mjs")],
    outfile: join(dir, "worker.js"),
    bundle: true,
    format: "esm",
    platform: "neutral",
    minify: true,
    metafile: true,
    logLevel: "silent",
  });
  const cwd = process.cwd();
  return {
    files: Object.keys(metafile.inputs).map((file) => relative(projectRoot, join(cwd, file))),
    imports: Object.values(metafile.outputs).flatMap((out) => out.imports.map((i) => i.path)),
  };
}

export async function startWorkerd(bin: string, compatibilityDate: string): Promise<WorkerdServer> {
  const dir = tempDir("aigw-workerd-");
  await bundleWorker(dir);
  const config = readFileSync(fixture("workerd.capnp"), "utf8");
  writeFileSync(join(dir, "config.capnp"), config.replace("COMPATIBILITY_DATE", compatibilityDate));

  const child = spawn(bin, ["serve", "config.capnp", "config", "--control-fd=3"], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", HOME: dir },
    stdio: ["ignore", "pipe", "pipe", "pipe"],
  });
  onTestFinished(() => stopChild(child));
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (text: string) => (output += text));
  child.stderr!.setEncoding("utf8").on("data", (text: string) => (output += text));
  const port = await listeningPort(child.stdio[3] as NodeJS.ReadableStream, child, () => output);

  return { url: `http://127.0.0.1:${port}/`, output: () => output };
}

/** The port workerd reports on its control fd once the socket listens. */
function listeningPort(
  control: NodeJS.ReadableStream,
  child: ReturnType<typeof spawn>,
  output: () => string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) => reject(new Error(`workerd did not start: ${why}\n${output()}`));
    const timer = setTimeout(() => fail("no listen event within 20 s"), 20_000);
    child.once("exit", (code) => fail(`it exited with ${code}`));
    child.once("error", (error) => fail(error.message));
    let buffered = "";
    control.setEncoding("utf8");
    control.on("data", (text: string) => {
      buffered += text;
      for (const line of buffered.split("\n").slice(0, -1)) {
        const event = JSON.parse(line);
        if (event.event === "listen" && event.socket === "http") {
          clearTimeout(timer);
          resolve(event.port);
        }
      }
      buffered = buffered.slice(buffered.lastIndexOf("\n") + 1);
    });
  });
}
