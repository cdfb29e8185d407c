import { Ajv2020 } from 'ajv/dist/2020.js';
import { isMap, isSeq, type Node } from 'yaml';
import type { Problem } from '../errors.ts';
import registerSchema from './register.schema.json' with { type: 'json' };
import { invalidDocument, locate, parseText, readText, schemaCheck, type LoadedDocument } from './loadDocument.ts';

/** One register entry, normalised: `environment` and `environments` become one list. */
export interface RegisterToken {
  id: string;
  owner?: string;
  purpose?: string;
  scopes: string[];
  environments: string[];
  created: string;
  lastRotated?: string;
  expires?: string;
  automations: string[];
  approvals: Record<string, string>;
  /** 1-based line of the entry, for messages. */
  line?: number;
}

export interface Register {
  file: string;
  sha256: string;
  tokens: RegisterToken[];
}

const validate = new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(registerSchema);

/**
 * Keys that would hold a credential itself. Checked before the schema so the refusal says why
 * (a register lists tokens, it must never become a store of them), and never echoes the value.
 */
const SECRET_KEYS = /^(value|token|secret|password|apikey|api_key|accesstoken|access_token|clientsecret|client_secret)$/i;

function secretProblems(loaded: LoadedDocument): Problem[] {
  const tokens = isMap(loaded.doc.contents) ? (loaded.doc.contents.get('tokens', true) as Node | undefined) : undefined;
  if (!isSeq(tokens)) return [];
  const problems: Problem[] = [];
  tokens.items.forEach((entry, index) => {
    if (!isMap(entry)) return;
    for (const pair of entry.items) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
      if (!SECRET_KEYS.test(key)) continue;
      problems.push({
        message: `the entry holds a "${key}" member: a register lists tokens by id and must never hold a token's value (the value was not read or shown)`,
        hint: 'delete the member and keep only the id; the credential has been written to a file, so rotate it',
        location: locate(loaded, `/tokens/${index}`, key),
      });
    }
  });
  return problems;
}

/** Date.parse rolls 2025-02-30 over to March; a register date must name a day that exists. */
function badDate(text: string | undefined): boolean {
  if (text === undefined) return false;
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return Number.isNaN(Date.parse(text)) || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d;
}

function semanticProblems(loaded: LoadedDocument, raw: Record<string, unknown>[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  raw.forEach((entry, index) => {
    const at = `/tokens/${index}`;
    const hasOne = 'environment' in entry;
    const hasList = 'environments' in entry;
    if (hasOne === hasList) {
      problems.push({ message: hasOne ? 'has both environment and environments' : 'names no environment', hint: 'give environment: NAME, or environments: [A, B] for a token used in several', location: locate(loaded, at) });
    }
    for (const field of ['created', 'lastRotated', 'expires'] as const) {
      if (badDate(entry[field] as string | undefined)) problems.push({ message: `${field} is not a real date`, hint: 'e.g. 2025-01-31', location: locate(loaded, `${at}/${field}`) });
    }
    const envs = hasList ? (entry.environments as string[]) : [entry.environment as string];
    // The same id may be listed once per environment (that is how sharing is spotted), not twice for one.
    for (const env of envs) {
      const key = `${String(entry.id)}\u0000${env}`;
      const first = seen.get(key);
      if (first !== undefined) problems.push({ message: `token "${String(entry.id)}" is listed twice for environment "${env}" (first at /tokens/${first})`, hint: 'merge the two entries', location: locate(loaded, `${at}/id`) });
      else seen.set(key, index);
    }
    const scopes = new Set(entry.scopes as string[]);
    for (const scope of Object.keys((entry.approvals as Record<string, string> | undefined) ?? {})) {
      if (!scopes.has(scope)) problems.push({ message: `approval for "${scope}", a scope the token does not hold`, hint: 'add the scope to scopes, or remove the approval', location: locate(loaded, `${at}/approvals`, scope) });
    }
  });
  return problems;
}

function normalise(loaded: LoadedDocument, raw: Record<string, unknown>[]): RegisterToken[] {
  return raw.map((entry, index) => {
    const e = entry as Record<string, any>;
    const line = locate(loaded, `/tokens/${index}`).line;
    return {
      id: e.id,
      ...(typeof e.owner === 'string' && { owner: e.owner }),
      ...(typeof e.purpose === 'string' && { purpose: e.purpose }),
      scopes: e.scopes,
      environments: e.environments ?? [e.environment],
      created: e.created,
      ...(e.lastRotated !== undefined && { lastRotated: e.lastRotated }),
      ...(e.expires !== undefined && { expires: e.expires }),
      automations: e.automations ?? [],
      approvals: e.approvals ?? {},
      ...(line !== undefined && { line }),
    };
  });
}

/** Parses register text; throws a located HardenError (exit 2) for anything wrong with it. */
export function parseRegister(text: string, file: string): Register {
  const loaded = parseText(text, file, 'token register');
  const secrets = secretProblems(loaded);
  if (secrets.length > 0) throw invalidDocument('token register', file, secrets);
  const structural = schemaCheck(loaded, validate);
  if (structural.length > 0) throw invalidDocument('token register', file, structural);
  const raw = (loaded.value as { tokens: Record<string, unknown>[] }).tokens;
  const semantic = semanticProblems(loaded, raw);
  if (semantic.length > 0) throw invalidDocument('token register', file, semantic);
  return { file, sha256: loaded.sha256, tokens: normalise(loaded, raw) };
}

export function loadRegister(file: string): Register {
  return parseRegister(readText(file, 'token register'), file);
}
