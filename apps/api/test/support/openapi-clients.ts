/**
 * An integrator's first hour against an OpenAPI document, with npm packages only (the API's
 * devDependencies): the same checks as ../shared/checks/openapi-clients.sh. Redocly and Spectral
 * lint it, openapi-typescript, @hey-api/openapi-ts and orval generate clients from it (in
 * parallel), and `tsc --strict` compiles a program that calls every operation through each client
 * and reads its error as the `Problem` document. Each finding keeps the first lines of what the
 * tool said, so a failing assertion names what is wrong.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = Record<string, unknown>;

/** What a tool said: its exit status and its output (stdout then stderr). */
export type ToolRun = {
  readonly tool: string;
  readonly status: number;
  readonly stdout: string;
  /** stdout then stderr. */
  readonly output: string;
};

/** Everything the checks found; each list is empty when the document is clean. */
export type ClientsReport = {
  readonly runs: readonly ToolRun[];
  /** Redocly `lint` (recommended rules) errors: `rule at pointer: message`. */
  readonly redoclyErrors: readonly string[];
  /** Spectral `oas3-schema` errors: `path: message`. */
  readonly spectralErrors: readonly string[];
  /** Operations documenting no typed (schema'd) 4xx/5xx/default response. */
  readonly untypedErrors: readonly string[];
  /** Generators that failed or wrote nothing: `tool: first lines of its output`. */
  readonly generatorFailures: readonly string[];
  /** orval's schema-validation errors (its `  #/…` lines). */
  readonly orvalErrors: readonly string[];
  /** Per generated file, the properties typed `unknown` (`Type.property`). */
  readonly unknowns: Readonly<Record<string, readonly string[]>>;
  /** `tsc --strict --noEmit` errors on the program using each client. */
  readonly tscErrors: readonly string[];
};

/** The repository's node_modules, where the API's devDependencies are installed. */
const nodeModules = (() => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', 'orval', 'package.json')))
      return join(dir, 'node_modules');
    if (dirname(dir) === dir) throw new Error('orval is not installed (npm ci)');
  }
})();

const bin = (name: string): string => join(nodeModules, '.bin', name);

const QUIET = {
  ...process.env,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  ORVAL_DISABLE_TELEMETRY: '1',
  DO_NOT_TRACK: '1',
};

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

const run = (tool: string, command: string, args: string[], cwd: string): Promise<ToolRun> =>
  new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: QUIET, timeout: 110_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        // Some tools colour their output whatever NO_COLOR says.
        const plain = (text: string): string => text.replace(ANSI_COLOUR, '');
        resolve({ tool, status, stdout: plain(stdout), output: plain(`${stdout}${stderr}`) });
      },
    );
  });

/** The first `count` non-blank lines of a tool's output. */
export const firstLines = (text: string, count = 8): string =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, count)
    .join('\n');

/** The regex of openapi-clients.sh: a property line whose type is exactly `unknown`. */
const UNKNOWN_PROPERTY = /^\s+("[^"]+"|[A-Za-z_$][A-Za-z0-9_$]*)\??: unknown;/;

/** Each property typed `unknown` in a generated file, named by the type it sits in. */
export const unknownProperties = (source: string): string[] => {
  const found: string[] = [];
  const open: { indent: number; name: string }[] = [];
  for (const line of source.split('\n')) {
    const indent = line.length - line.trimStart().length;
    while (open.length > 0 && open[open.length - 1]!.indent >= indent && line.trim() !== '')
      open.pop();
    const match = UNKNOWN_PROPERTY.exec(line);
    if (match) found.push([...open.map((o) => o.name), match[1]!.replace(/"/g, '')].join('.'));
    const opener =
      /^\s*(?:export\s+)?(?:type|interface)?\s*("[^"]+"|[\w$]+)\??\s*(?:=|:)?\s*\{$/.exec(line);
    if (opener) open.push({ indent, name: opener[1]!.replace(/"/g, '') });
  }
  return found;
};

const redoclyErrors = ({ stdout: output, output: said }: ToolRun): string[] => {
  const start = output.indexOf('{');
  if (start < 0) return [`redocly printed no report: ${firstLines(said) || '(nothing)'}`];
  const report = JSON.parse(output.slice(start)) as {
    problems?: {
      ruleId: string;
      severity: string;
      message: string;
      location?: { pointer?: string }[];
    }[];
  };
  return (report.problems ?? [])
    .filter((problem) => problem.severity === 'error')
    .map((p) => `${p.ruleId} at ${p.location?.[0]?.pointer ?? '?'}: ${p.message}`);
};

const spectralErrors = ({ stdout: output, output: said }: ToolRun): string[] => {
  const start = output.indexOf('[');
  if (start < 0) return [`spectral printed no report: ${firstLines(said) || '(nothing)'}`];
  const results = JSON.parse(output.slice(start)) as {
    code: string;
    severity: number;
    message: string;
    path: (string | number)[];
  }[];
  return results
    .filter((result) => result.severity === 0)
    .map((r) => `${r.code} at ${r.path.join('/')}: ${r.message}`);
};

/** The script's "typed error response" check: every operation has a 4xx/5xx/default with a schema. */
const untypedErrorOperations = (document: Json): string[] => {
  const untyped: string[] = [];
  for (const [path, operations] of Object.entries((document['paths'] ?? {}) as Json)) {
    for (const [method, operation] of Object.entries(operations as Json)) {
      const responses = (operation as Json | null)?.['responses'] as Json | undefined;
      if (responses === undefined) continue;
      const typed = Object.entries(responses)
        .filter(([code]) => /^[45]|default/.test(code))
        .some(
          ([, response]) =>
            typeof (response as Json)['$ref'] === 'string' ||
            Object.values(((response as Json)['content'] ?? {}) as Json).some(
              (content) => (content as Json)['schema'] !== undefined,
            ),
        );
      if (!typed) untyped.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return untyped;
};

const FETCH_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * A program calling every operation through each client and reading its error as a Problem
 * (`title`, `status`): an operation with no typed error makes `error` `unknown` or `never`,
 * which `tsc --strict` refuses, as an integrator's code would be refused.
 */
const usingProgram = (document: Json, heySdk: string, orvalApi: string): string => {
  const lines = [
    "import createClient from 'openapi-fetch';",
    "import type { paths } from './gen/ot/schema.js';",
    "import * as hey from './gen/hey/index.js';",
    "import * as orval from './gen/orval/api.js';",
    '',
    'const seen: unknown[] = [];',
    "const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:3000' });",
    'export const useEveryOperation = async (): Promise<unknown[]> => {',
  ];
  for (const [path, operations] of Object.entries((document['paths'] ?? {}) as Json)) {
    for (const method of FETCH_METHODS) {
      if ((operations as Json)[method] === undefined) continue;
      lines.push(
        `  { const r = await client.${method.toUpperCase()}(${JSON.stringify(path)}, {} as never); if (r.error) seen.push(r.error.title, r.error.status); else seen.push(r.data); }`,
      );
    }
  }
  for (const [, name] of heySdk.matchAll(/^export const (\w+) = </gm))
    lines.push(
      `  { const r = await hey.${name}({} as never); if (r.error) seen.push(r.error.title, r.error.status); else seen.push(r.data); }`,
    );
  for (const [, name] of orvalApi.matchAll(/^export const (\w+) = async /gm))
    lines.push(
      `  { const r = await orval.${name}(...([] as unknown as Parameters<typeof orval.${name}>)); seen.push(r.status, r.data); }`,
    );
  lines.push('  return seen;', '};', '');
  return lines.join('\n');
};

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    skipLibCheck: false,
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: [],
  },
  include: ['use.ts', 'gen/**/*.ts'],
};

/** Runs every check on `document` in `work` (an empty folder) and reports what each found. */
export const checkClients = async (document: Json, work: string): Promise<ClientsReport> => {
  mkdirSync(join(work, 'gen'), { recursive: true });
  writeFileSync(join(work, 'openapi.json'), JSON.stringify(document, null, 2));
  writeFileSync(
    join(work, 'spectral.json'),
    JSON.stringify({ extends: [['spectral:oas', 'off']], rules: { 'oas3-schema': 'error' } }),
  );
  writeFileSync(
    join(work, 'orval.config.cjs'),
    `module.exports = { s: { input: { target: './openapi.json' }, output: { target: './gen/orval/api.ts', client: 'fetch', mode: 'single', baseUrl: 'http://127.0.0.1:3000' } } };\n`,
  );
  // The program imports openapi-fetch from the devDependencies.
  symlinkSync(nodeModules, join(work, 'node_modules'), 'dir');

  const runs = await Promise.all([
    run(
      'redocly',
      bin('redocly'),
      ['lint', 'openapi.json', '--format=json', '--max-problems=100000'],
      work,
    ),
    run(
      'spectral',
      bin('spectral'),
      ['lint', 'openapi.json', '--ruleset', 'spectral.json', '-f', 'json', '-q'],
      work,
    ),
    run(
      'openapi-typescript',
      bin('openapi-typescript'),
      ['openapi.json', '-o', 'gen/ot/schema.d.ts'],
      work,
    ),
    run(
      '@hey-api/openapi-ts',
      bin('openapi-ts'),
      ['-i', 'openapi.json', '-o', 'gen/hey', '-c', '@hey-api/client-fetch'],
      work,
    ),
    run('orval', bin('orval'), ['--config', 'orval.config.cjs'], work),
  ]);
  const [redocly, spectral, ot, hey, orval] = runs as [ToolRun, ToolRun, ToolRun, ToolRun, ToolRun];

  const generated = {
    'openapi-typescript gen/ot/schema.d.ts': { run: ot, file: 'gen/ot/schema.d.ts' },
    '@hey-api/openapi-ts gen/hey/types.gen.ts': { run: hey, file: 'gen/hey/types.gen.ts' },
    'orval gen/orval/api.ts': { run: orval, file: 'gen/orval/api.ts' },
  };
  const generatorFailures: string[] = [];
  const unknowns: Record<string, string[]> = {};
  const sources: Record<string, string> = {};
  for (const [label, { run: tool, file }] of Object.entries(generated)) {
    const path = join(work, file);
    if (tool.status !== 0 || !existsSync(path)) {
      generatorFailures.push(`${label} (exit ${tool.status}): ${firstLines(tool.output)}`);
      continue;
    }
    sources[file] = readFileSync(path, 'utf8');
    unknowns[label] = unknownProperties(sources[file]);
  }

  let tscErrors = ['not run: a generator wrote no client'];
  if (generatorFailures.length === 0) {
    writeFileSync(join(work, 'gen', 'package.json'), '{"type":"module"}\n');
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    const heySdk = readFileSync(join(work, 'gen/hey/sdk.gen.ts'), 'utf8');
    writeFileSync(
      join(work, 'use.ts'),
      usingProgram(document, heySdk, sources['gen/orval/api.ts']!),
    );
    const tsc = await run(
      'tsc',
      process.execPath,
      [join(nodeModules, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
      work,
    );
    runs.push(tsc);
    tscErrors = tsc.output.split('\n').filter((line) => line.includes('error TS'));
    if (tsc.status !== 0 && tscErrors.length === 0) tscErrors = [firstLines(tsc.output)];
  }

  return {
    runs,
    redoclyErrors: redoclyErrors(redocly),
    spectralErrors: spectralErrors(spectral),
    untypedErrors: untypedErrorOperations(document),
    generatorFailures,
    orvalErrors: orval.output.split('\n').filter((line) => line.startsWith('  #')),
    unknowns,
    tscErrors,
  };
};

/** A finding for an assertion message: how many, and the first few. */
export const summary = (what: string, found: readonly string[], count = 5): string =>
  found.length === 0
    ? `${what}: none`
    : `${what}: ${found.length}, e.g.\n  ${found.slice(0, count).join('\n  ')}`;
