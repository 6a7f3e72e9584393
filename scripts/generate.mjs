// `npm run generate`: lint the spec, then write generated/openapi.json and generated/schema.d.ts.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildGenerated, specEntry } from "./lib/build-generated.mjs";
import { projectRoot, runRedocly } from "./lib/run-redocly.mjs";

const lint = runRedocly(["lint", specEntry]);
if (!lint.ok) {
  console.error(lint.output);
  console.error(`\n${specEntry} does not pass lint; nothing was generated.`);
  process.exit(1);
}

const files = await buildGenerated();
const outDir = join(projectRoot, "generated");
mkdirSync(outDir, { recursive: true });
for (const [name, contents] of files) {
  writeFileSync(join(outDir, name), contents);
  console.log(`wrote generated/${name}`);
}
