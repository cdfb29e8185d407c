/** Replaces every registered secret in text with a label, so nothing leaves the process in the clear. */
export class Redactor {
  readonly #secrets = new Map<string, string>();
  /** Longest first, so a secret containing another is replaced whole; kept sorted as secrets arrive. */
  #ordered: string[] = [];
  /** Text shorter than every secret holds none: most strings redacted are (methods, verdicts, header names). */
  #shortest = Number.POSITIVE_INFINITY;

  /** Registers a secret with a label such as "token#2"; short values are ignored (they would redact noise). */
  add(secret: string, label: string): void {
    if (secret.length < 6 || this.#secrets.has(secret)) return;
    this.#secrets.set(secret, label);
    // Secrets also travel percent-encoded (query strings) and base64-encoded (Basic auth, RFC 7617 §2).
    this.#secrets.set(encodeURIComponent(secret), label);
    this.#secrets.set(Buffer.from(secret, 'utf8').toString('base64'), label);
    // A Basic credential's password is a secret on its own (a server may echo it back).
    const password = /^[^:]*:(.{6,})$/s.exec(secret)?.[1];
    if (password !== undefined && !this.#secrets.has(password)) this.#secrets.set(password, `${label} (password)`);
    this.#ordered = [...this.#secrets.keys()].sort((a, b) => b.length - a.length);
    this.#shortest = this.#ordered.at(-1)!.length;
  }

  /** Every registered secret (checks look for echoes of them); the same array until a secret is added. */
  get secrets(): readonly string[] {
    return this.#ordered;
  }

  redact(text: string): string {
    if (text.length < this.#shortest) return text;
    let out = text;
    for (const secret of this.#ordered) {
      if (out.includes(secret)) out = out.split(secret).join(`[REDACTED ${this.#secrets.get(secret)}]`);
    }
    return out;
  }

  redactRecord(record: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key in record) out[key] = this.redact(record[key]!);
    return out;
  }
}
