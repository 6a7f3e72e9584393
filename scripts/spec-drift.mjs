// `npm run spec:drift -- cloudflare.json`: where does Cloudflare's own OpenAPI document disagree
// with ours about the logs endpoints' parameters, fields, types, enums, bounds, defaults,
// nullability, deprecation? Lists each difference; exits 1 when there is any.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createResolver, schemaFacts } from "./lib/schema-facts.mjs";
import { projectRoot } from "./lib/run-redocly.mjs";

const theirsFile = process.argv[2];
if (!theirsFile) {
  console.error("usage: npm run spec:drift -- <Cloudflare OpenAPI document (JSON)>");
  process.exit(2);
}
const theirs = JSON.parse(readFileSync(theirsFile, "utf8"));
const ours = JSON.parse(readFileSync(join(projectRoot, "generated", "openapi.json"), "utf8"));
const [resolveTheirs, resolveOurs] = [createResolver(theirs), createResolver(ours)];
const differences = [];

for (const [path, item] of Object.entries(theirs.paths)) {
  for (const method of ["get", "put", "post", "patch", "delete"]) {
    const theirOp = item[method];
    if (!theirOp) continue;
    const label = `${method.toUpperCase()} ${theirOp.operationId}`;
    const ourOp = ours.paths[path]?.[method];
    if (!ourOp) {
      differences.push(`${label}: missing from our spec`);
      continue;
    }
    if (ourOp.operationId !== theirOp.operationId)
      differences.push(`${label}: our operationId is ${ourOp.operationId}`);
    compareParameters(label, theirOp, ours.paths[path], ourOp);
    compareBodies(`${label} request body`, theirOp.requestBody, ourOp.requestBody);
    compareBodies(`${label} 200`, theirOp.responses?.["200"], ourOp.responses?.["200"]);
  }
}

function compareParameters(label, theirOp, ourItem, ourOp) {
  const ourParams = [...(ourItem.parameters ?? []), ...(ourOp.parameters ?? [])].map(resolveOurs);
  for (const param of theirOp.parameters ?? []) {
    const theirParam = resolveTheirs(param);
    const ourParam = ourParams.find((p) => p.name === theirParam.name && p.in === theirParam.in);
    const where = `${label} parameter ${theirParam.name}`;
    if (!ourParam) {
      differences.push(`${where}: missing`);
      continue;
    }
    if (
      Boolean(ourParam.deprecated || ourParam.schema?.deprecated) !==
      Boolean(theirParam.deprecated || theirParam.schema?.deprecated)
    ) {
      differences.push(`${where}: deprecation differs`);
    }
    const ourSchema = ourParam.schema ?? Object.values(ourParam.content ?? {})[0]?.schema;
    compareFacts(
      where,
      withoutDeprecated(schemaFacts(theirParam.schema, resolveTheirs)),
      withoutDeprecated(schemaFacts(ourSchema, resolveOurs)),
    );
  }
}

function compareBodies(where, theirBody, ourBody) {
  const theirSchema = resolveTheirs(theirBody)?.content?.["application/json"]?.schema;
  if (!theirSchema) return;
  const ourSchema = resolveOurs(ourBody)?.content?.["application/json"]?.schema;
  if (!ourSchema) return differences.push(`${where}: no application/json schema in ours`);
  compareFacts(where, schemaFacts(theirSchema, resolveTheirs), schemaFacts(ourSchema, resolveOurs));
}

// Theirs is the floor: every fact they state must hold in ours; ours may say more.
function compareFacts(where, theirFacts, ourFacts) {
  for (const [key, value] of theirFacts) {
    const our = ourFacts.get(key);
    if (key.endsWith(".required") && our) {
      const missing = JSON.parse(value).filter((name) => !JSON.parse(our).includes(name));
      if (missing.length) differences.push(`${where} ${key}: ours lacks ${missing.join(", ")}`);
    } else if (key.endsWith(".enum") && our) {
      const missing = JSON.parse(value).filter((v) => !JSON.parse(our).includes(v));
      if (missing.length) differences.push(`${where} ${key}: ours lacks ${missing.join(", ")}`);
    } else if (our !== value && !(key.endsWith(".type") && (value === "" || our === ""))) {
      // An empty type means any JSON value: ours may be broader than theirs, as for payloads.
      differences.push(`${where} ${key}: Cloudflare says ${value}, ours ${our ?? "nothing"}`);
    }
  }
}

function withoutDeprecated(facts) {
  facts.delete("(root).deprecated");
  return facts;
}

if (differences.length) {
  console.error(`${differences.length} differences from ${theirsFile}:`);
  for (const line of differences) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`No differences from ${theirsFile} on the logs endpoints.`);
