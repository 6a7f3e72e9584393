// Reduces a schema (OpenAPI 3.0 or 3.1) to the facts two specs must agree on, keyed by a dotted path.
const compared = [
  "enum",
  "default",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "format",
  "deprecated",
];

export function createResolver(doc) {
  return function resolve(node) {
    let current = node;
    while (current && typeof current.$ref === "string") {
      const parts = current.$ref.replace(/^#\//, "").split("/");
      current = parts.reduce((at, part) => at?.[part.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
    }
    return current;
  };
}

/** Map of "path" -> fact string for every leaf and object in the schema. */
export function schemaFacts(schema, resolve, prefix = "", facts = new Map()) {
  const node = merged(resolve(schema) ?? {}, resolve);
  facts.set(`${prefix || "(root)"}.type`, typesOf(node, resolve).join("|"));
  const enumValues = enumOf(node, resolve);
  if (enumValues) facts.set(`${prefix || "(root)"}.enum`, JSON.stringify(enumValues));
  for (const key of compared) {
    if (node[key] === undefined || key === "enum") continue;
    const value = node[key];
    facts.set(`${prefix || "(root)"}.${key}`, JSON.stringify(value));
  }
  if (node.properties) {
    facts.set(`${prefix || "(root)"}.required`, JSON.stringify([...(node.required ?? [])].sort()));
    for (const [name, child] of Object.entries(node.properties)) {
      schemaFacts(child, resolve, prefix ? `${prefix}.${name}` : name, facts);
    }
  }
  if (node.items) schemaFacts(node.items, resolve, `${prefix}[]`, facts);
  return facts;
}

// allOf is flattened: the facts are about the resulting object, not about how it was composed.
function merged(node, resolve) {
  if (!node.allOf) return node;
  const parts = [node, ...node.allOf.map((part) => merged(resolve(part), resolve))];
  return {
    ...Object.assign({}, ...parts),
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    required: parts.flatMap((p) => p.required ?? []),
    allOf: undefined,
  };
}

// The known values, whether listed in one enum or spread over anyOf alternatives.
function enumOf(node, resolve) {
  if (node.enum) return [...node.enum].sort();
  const alternatives = (node.anyOf ?? node.oneOf ?? []).map(resolve);
  const values = alternatives.flatMap((alt) => enumOf(alt, resolve) ?? []);
  return values.length ? [...new Set(values)].sort() : undefined;
}

function typesOf(node, resolve) {
  const alternatives = node.anyOf ?? node.oneOf;
  const types = new Set();
  if (alternatives) {
    for (const alt of alternatives) for (const t of typesOf(resolve(alt), resolve)) types.add(t);
  }
  for (const t of [node.type ?? []].flat()) types.add(t);
  if (node.nullable) types.add("null");
  if (types.has("integer") && types.has("number")) types.delete("integer");
  return [...types].sort();
}
