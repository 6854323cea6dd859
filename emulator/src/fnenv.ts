import fs from 'node:fs';

/** A function entry of cloudbaserc.json as far as the emulator reads it. */
export type RcFunction = {
  name: string;
  timeout?: number;
  envVariables?: Record<string, string>;
  triggers?: { name: string; type: string; config: string }[];
};

/** `{{name}}`: filled at deployment from the environment, locally from `values` / process.env. */
const isPlaceholder = (v: string) => /^\{\{\s*[A-Za-z0-9_]+\s*\}\}$/.test(v);

/**
 * The environment each function gets from its `envVariables` in cloudbaserc.json (re-read when the
 * file changes). A literal value is used as declared; a `{{placeholder}}` takes the local value of
 * the same variable name from `values`, else from the emulator's own environment (the data
 * folder's generated JY_PII_KEY, set by scripts/seed/local-key.ts, or the tests' keys). A name not
 * declared for a function never reaches it.
 */
export class DeclaredEnv {
  private cache: { mtimeMs: number; size: number; fns: Map<string, RcFunction> } | null = null;

  constructor(
    private readonly rcFile: string | null,
    private readonly values?: Record<string, string>,
  ) {}

  functions(): Map<string, RcFunction> {
    if (!this.rcFile || !fs.existsSync(this.rcFile)) return new Map();
    const st = fs.statSync(this.rcFile);
    if (this.cache && this.cache.mtimeMs === st.mtimeMs && this.cache.size === st.size) return this.cache.fns;
    const rc = JSON.parse(fs.readFileSync(this.rcFile, 'utf8')) as { functions?: RcFunction[] };
    const fns = new Map((rc.functions ?? []).map((f) => [f.name, f]));
    this.cache = { mtimeMs: st.mtimeMs, size: st.size, fns };
    return fns;
  }

  /** Declared variable names of a function. */
  names(fn: string): string[] {
    return Object.keys(this.functions().get(fn)?.envVariables ?? {}).sort();
  }

  env(fn: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, declared] of Object.entries(this.functions().get(fn)?.envVariables ?? {})) {
      const v = isPlaceholder(String(declared))
        ? (this.values?.[name] ?? process.env[name])
        : String(declared);
      if (v !== undefined) out[name] = v;
    }
    return out;
  }
}
