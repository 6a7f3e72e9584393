// The spec is the docs users read: every operation, parameter and schema property is described and
// has an example, and every example validates against its schema.
import { describe, expect, it } from "vitest";
import {
  deref,
  loadBundledSpec,
  operations,
  parameterSchema,
  parametersOf,
  type Json,
} from "../helpers/spec.js";
import { createSpecValidator, pointerOf } from "../helpers/spec-validator.js";

const spec = loadBundledSpec();
const validator = createSpecValidator(spec);

interface Found {
  where: string;
  node: Json;
  pointer: string;
}

/** Every schema property reachable from components.schemas, with its JSON pointer. */
function schemaProperties(): Found[] {
  const found: Found[] = [];
  const visit = (node: Json, pointer: string, where: string) => {
    if (!node || typeof node !== "object") return;
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      const at = `${pointer}${pointerOf("properties", name)}`;
      found.push({ where: `${where}.${name}`, node: property as Json, pointer: at });
      visit(property as Json, at, `${where}.${name}`);
    }
    for (const keyword of ["allOf", "anyOf", "oneOf"]) {
      (node[keyword] ?? []).forEach((sub: Json, i: number) =>
        visit(sub, `${pointer}${pointerOf(keyword, i)}`, where),
      );
    }
    if (node.items) visit(node.items, `${pointer}/items`, `${where}[]`);
  };
  for (const [name, schema] of Object.entries(spec.components.schemas)) {
    visit(schema as Json, pointerOf("components", "schemas", name), name);
  }
  return found;
}

/** Every media-type example in the spec, with the pointer of the schema it must match. */
function mediaExamples(): { where: string; value: unknown; schemaPointer: string }[] {
  const found: { where: string; value: unknown; schemaPointer: string }[] = [];
  const visit = (node: Json, pointer: string) => {
    if (!node || typeof node !== "object") return;
    if (node.content && typeof node.content === "object") {
      for (const [type, media] of Object.entries(node.content as Json)) {
        const base = `${pointer}${pointerOf("content", type)}`;
        const values = [
          ...("example" in media ? [media.example] : []),
          ...Object.values(media.examples ?? {}).map((e: any) => deref(spec, e).value),
        ];
        if (media.schema && typeof media.schema === "object") {
          for (const value of values)
            found.push({ where: base, value, schemaPointer: `${base}/schema` });
        }
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== "content" && child && typeof child === "object")
        visit(child as Json, `${pointer}${pointerOf(key)}`);
    }
  };
  visit(spec.paths, "/paths");
  visit(spec.components, "/components");
  return found;
}

const hasExample = (node: Json) =>
  node.example !== undefined ||
  (Array.isArray(node.examples) && node.examples.length > 0) ||
  (node.examples && typeof node.examples === "object" && Object.keys(node.examples).length > 0);

describe("descriptions", () => {
  it("describe every operation with a summary and a description", () => {
    for (const { path, method } of operations) {
      const operation = spec.paths[path][method];
      expect(operation.summary, `${method} ${path}`).toBeTruthy();
      expect(operation.description?.length, `${method} ${path}`).toBeGreaterThan(40);
    }
  });

  it("describe every parameter and give it an example", () => {
    for (const { path, method } of operations) {
      for (const param of parametersOf(spec, path, method)) {
        const schema = parameterSchema(spec, param);
        const media = param.content ? (Object.values(param.content)[0] as Json) : {};
        expect(param.description, `${method} ${path} ${param.name}`).toBeTruthy();
        expect(
          hasExample(param) || hasExample(schema) || hasExample(media),
          `${param.name} example`,
        ).toBe(true);
      }
    }
  });

  it("describe every schema property and give it an example", () => {
    const properties = schemaProperties();
    expect(properties.length).toBeGreaterThan(40);
    for (const { where, node } of properties) {
      const target = deref(spec, node);
      expect(node.description ?? target.description, `${where} description`).toBeTruthy();
      expect(hasExample(node) || hasExample(target), `${where} example`).toBe(true);
    }
  });
});

describe("examples", () => {
  it("in schemas validate against their own schema", () => {
    let checked = 0;
    const check = (node: Json, pointer: string, where: string) => {
      for (const value of Array.isArray(node.examples) ? node.examples : []) {
        expect(validator.errorsAt(pointer, value), where).toEqual([]);
        checked++;
      }
    };
    for (const [name, schema] of Object.entries(spec.components.schemas)) {
      check(schema as Json, pointerOf("components", "schemas", name), name);
    }
    for (const { where, node, pointer } of schemaProperties()) check(node, pointer, where);
    expect(checked).toBeGreaterThan(40);
  });

  it("of parameters validate against the parameter's schema", () => {
    for (const [name, param] of Object.entries(spec.components.parameters) as [string, Json][]) {
      const base = pointerOf("components", "parameters", name);
      const [mediaType, media] = Object.entries(param.content ?? {})[0] ?? [];
      const schemaPointer = param.schema
        ? `${base}/schema`
        : `${base}${pointerOf("content", mediaType!, "schema")}`;
      for (const value of [param.example, (media as Json | undefined)?.example]) {
        if (value === undefined) continue;
        const decoded =
          mediaType === "application/json" && typeof value === "string" ? JSON.parse(value) : value;
        expect(validator.errorsAt(schemaPointer, decoded), name).toEqual([]);
      }
    }
  });

  it("of request and response bodies validate against their schema", () => {
    const examples = mediaExamples();
    expect(examples.length).toBeGreaterThan(10);
    for (const { where, value, schemaPointer } of examples) {
      expect(validator.errorsAt(schemaPointer, value), where).toEqual([]);
    }
  });

  it("are checked for real: a wrong value is rejected", () => {
    const pointer = pointerOf("components", "schemas", "Log");
    const valid = spec.components.schemas.Log.examples?.[0];
    expect(validator.errorsAt(pointer, valid)).toEqual([]);
    expect(validator.errorsAt(pointer, { ...valid, tokens_in: "many" })).not.toEqual([]);
  });
});
