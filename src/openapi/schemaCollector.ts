import { basename } from 'node:path';
import { toPointer } from '../manifest/locate.ts';
import type { JsonSchema } from '../manifest/types.ts';
import { adaptDraft4 } from './draft4.ts';
import type { ImportWarning } from './importOpenApi.ts';
import { asObject, isObject, type JsonObject } from './json.ts';
import type { OpenApiDocument } from './readDocument.ts';
import { resolvePointer } from './refs.ts';
import { sanitiseSchema } from './sanitiseSchema.ts';

/** Keywords whose value is one schema, a list of schemas, or a map of named schemas; all else is data. */
const ONE = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems', 'contentSchema']);
const LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items']);
const MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies']);
/** Data keywords that only annotate: safe to leave out when they hold something the manifest would misread. */
const ANNOTATIONS = new Set(['example', 'examples', 'default', 'description', 'title']);

/** Whether a data value holds a `$ref` member, which the manifest's loader would take for a reference. */
function containsRef(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsRef);
  return isObject(value) && ('$ref' in value || Object.values(value).some(containsRef));
}

const warn = (sink: (w: ImportWarning) => void, operation: string | undefined, message: string) => sink({ operation, construct: '$ref', message });

const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_') || 'schema';

/**
 * Turns document schemas into manifest schemas. A `$ref` to a component schema becomes
 * `#/schemas/Name` and the component is copied into the manifest's `schemas` (once, lazily, so only
 * what endpoints reach is kept); a `$ref` to anywhere else is hoisted into `schemas` under a name of
 * its own. Because every target is copied before it is walked, circular schemas stay references.
 */
export class SchemaCollector {
  private readonly components: JsonObject;
  private readonly names = new Map<string, string>();
  private readonly collected = new Map<string, JsonSchema>();
  private readonly hoisted = new Map<string, string>();
  /** Every local name given so far (components' and hoisted ones), kept as they are given: one set, not rebuilt per name. */
  private readonly taken = new Set<string>();

  constructor(
    private readonly doc: OpenApiDocument,
    private readonly warn: (warning: ImportWarning) => void,
  ) {
    this.components = asObject(resolvePointer(doc.root, doc.schemaPrefix.slice(0, -1)));
    for (const name of Object.keys(this.components)) this.names.set(name, this.unique(safeName(name)));
  }

  /** One schema, ready for the manifest; `operation` names where it came from in warnings. */
  convert(schema: unknown, operation?: string, at?: string): JsonSchema {
    if (typeof schema === 'boolean') return schema;
    if (!isObject(schema)) {
      warn(this.warn, operation, `a schema is ${JSON.stringify(schema)}, not an object; it was replaced by an unconstrained schema. Fix the document.`);
      return {};
    }
    return this.walk(schema, operation, at) as JsonSchema;
  }

  /** The schemas reached so far: component schemas in document order, then hoisted ones. */
  schemas(): Record<string, JsonSchema> {
    const ordered = [...this.names.values()].filter((n) => this.collected.has(n));
    const first = new Set(ordered);
    const rest = [...this.collected.keys()].filter((n) => !first.has(n));
    return Object.fromEntries([...ordered, ...rest].map((n) => [n, this.collected.get(n)!]));
  }

  private unique(base: string): string {
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}_${i}`;
    this.taken.add(name);
    return name;
  }

  /** `at`: the node's JSON pointer in the document, when known, so a warning says where to look. */
  private walk(node: unknown, operation: string | undefined, at?: string): unknown {
    if (!isObject(node)) return node;
    let out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const target = this.refTarget(value, operation);
        // OpenAPI 3.0 and Swagger 2.0 ignore members beside a $ref; 3.1 (JSON Schema 2020-12) applies them.
        if (this.doc.dialect !== '3.1') return target === undefined ? {} : { $ref: target };
        if (target !== undefined) out.$ref = target;
      } else if (LIST.has(key) && Array.isArray(value)) out[key] = value.map((v, i) => this.walk(v, operation, at && `${at}/${key}/${i}`));
      else if (ONE.has(key)) out[key] = this.walk(value, operation, at && `${at}/${key}`);
      else if (MAP.has(key) && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v : this.walk(v, operation, at && `${at}/${key}${toPointer([k])}`)]));
      // Vendor extensions: nothing in the harness reads them, and they can be large.
      else if (key.startsWith('x-')) continue;
      else if (containsRef(value)) {
        if (!ANNOTATIONS.has(key)) {
          warn(this.warn, operation, `the schema keyword "${key}" holds a {$ref} object as data; it is left out, since the manifest would read it as a reference.`);
        }
      } else out[key] = value;
    }
    if (this.doc.dialect !== '3.1') out = adaptDraft4(out);
    return sanitiseSchema(out, (message, affects) => this.warn({ operation, construct: 'schema', message: at === undefined ? message : `at ${at}: ${message}`, ...(affects && { affects }) }));
  }

  /** The manifest-local `$ref` for a document `$ref`, collecting what it points at; undefined (with a warning) if it cannot. */
  private refTarget(written: string, operation: string | undefined): string | undefined {
    const ref = this.backIntoRoot(written);
    const prefix = this.doc.schemaPrefix;
    if (ref.startsWith(prefix)) {
      const name = decodeURIComponent(ref.slice(prefix.length)).replace(/~1/g, '/').replace(/~0/g, '~');
      const local = this.names.get(name);
      if (local !== undefined) {
        this.component(name, local, operation);
        return `#/schemas${toPointer([local])}`;
      }
    }
    const target = ref.startsWith('#/') ? resolvePointer(this.doc.root, ref) : undefined;
    if (target === undefined || target === this.doc.root) {
      this.warn({ operation, construct: '$ref', message: `$ref "${ref}" does not resolve inside the document; it was replaced by an unconstrained schema. Fix the reference in the document.` });
      return undefined;
    }
    let local = this.hoisted.get(ref);
    if (local === undefined) {
      local = this.unique(safeName(ref.split('/').pop() ?? 'schema'));
      this.hoisted.set(ref, local);
      this.collected.set(local, true);
      this.collected.set(local, this.convert(target, operation, ref.slice(1)));
    }
    return `#/schemas${toPointer([local])}`;
  }

  /**
   * The bundler leaves a reference from a referenced file back into the root document as written
   * ("../api.yaml#/components/schemas/Pet"); when the file part names the root document, it is local.
   */
  private backIntoRoot(ref: string): string {
    const hash = ref.indexOf('#');
    if (ref.startsWith('#') || hash < 0) return ref;
    return basename(ref.slice(0, hash)) === basename(this.doc.file) ? ref.slice(hash) : ref;
  }

  private component(name: string, local: string, operation: string | undefined): void {
    if (this.collected.has(local)) return;
    // Placeholder first: a schema that reaches itself finds it and stops there.
    this.collected.set(local, true);
    this.collected.set(local, this.convert(this.components[name], operation, `${this.doc.schemaPrefix.slice(1)}${toPointer([name]).slice(1)}`));
  }
}
