// A throw-away copy of the workspace that dependency-cruiser can run on: the root config and
// package.json, and every workspace's package.json and src/. node_modules are symlinks to the real
// ones, so packages resolve exactly as in the repository (workspace packages to their built dist/).
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

type Manifest = { name: string; scripts?: Record<string, string>; workspaces?: string[] };

const readManifest = (folder: string): Manifest =>
  JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest;

export type Workspace = {
  /** Relative to the repository root, e.g. `packages/domain`. */
  folder: string;
  name: string;
  scripts: Record<string, string>;
  hasSource: boolean;
};

/** The workspaces the root package.json declares (globs of the form `<folder>/*` only). */
export const listWorkspaces = (root: string = repositoryRoot): Workspace[] =>
  (readManifest(root).workspaces ?? []).flatMap((pattern) => {
    const parent = pattern.replace(/\/\*$/, '');
    if (parent === pattern || parent.includes('*')) {
      throw new Error(`Unsupported workspace pattern ${pattern}; teach listWorkspaces about it.`);
    }
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter(
        (entry) =>
          entry.isDirectory() && existsSync(join(root, parent, entry.name, 'package.json')),
      )
      .map((entry) => {
        const folder = `${parent}/${entry.name}`;
        const manifest = readManifest(join(root, folder));
        return {
          folder,
          name: manifest.name,
          scripts: manifest.scripts ?? {},
          hasSource: existsSync(join(root, folder, 'src')),
        };
      });
  });

export type WorkspaceCopy = { root: string; remove: () => void };

/** Copies what dependency-cruiser reads (about 2 MB) into a new temporary folder. */
export const copyWorkspace = (root: string = repositoryRoot): WorkspaceCopy => {
  const copy = mkdtempSync(join(tmpdir(), 'scrutineer-boundaries-'));
  for (const file of ['.dependency-cruiser.cjs', 'package.json']) {
    cpSync(join(root, file), join(copy, file));
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  for (const { folder, hasSource } of listWorkspaces(root)) {
    mkdirSync(join(copy, folder), { recursive: true });
    cpSync(join(root, folder, 'package.json'), join(copy, folder, 'package.json'));
    if (hasSource)
      cpSync(join(root, folder, 'src'), join(copy, folder, 'src'), { recursive: true });
    // Some packages keep their own copy of a dependency (packages/domain/node_modules/ajv).
    if (existsSync(join(root, folder, 'node_modules'))) {
      symlinkSync(join(root, folder, 'node_modules'), join(copy, folder, 'node_modules'), 'dir');
    }
  }
  return { root: copy, remove: () => rmSync(copy, { recursive: true, force: true }) };
};

/**
 * Adds `line` at the top of an existing file of the copy. Planting into a file that does not exist
 * would test nothing, so it throws instead (a renamed file must be renamed here too).
 */
export const plantLine = (copy: WorkspaceCopy, file: string, line: string): void => {
  const path = join(copy.root, file);
  if (!existsSync(path))
    throw new Error(`Cannot plant into ${file}: no such file in the workspace.`);
  writeFileSync(path, `${line}\n${readFileSync(path, 'utf8')}`);
};

export type BoundariesRun = { exitCode: number; output: string; seconds: number };

/**
 * Runs a workspace's `lint:boundaries` script, read from its package.json in the copy, the way
 * `npm run` does: through the shell, in the workspace's folder, with node_modules/.bin on the PATH.
 */
export const runBoundaries = (copy: WorkspaceCopy, folder: string): Promise<BoundariesRun> => {
  const command = readManifest(join(copy.root, folder)).scripts?.['lint:boundaries'];
  if (command === undefined) throw new Error(`${folder} has no lint:boundaries script.`);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(command, {
      cwd: join(copy.root, folder),
      shell: true,
      env: {
        ...process.env,
        PATH: [join(copy.root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        exitCode: code ?? 1,
        output,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      }),
    );
  });
};

export type Violation = { rule: string; from: string };

/** The violations in dependency-cruiser's default `err` report: `  error <rule>: <from> → …`. */
export const parseViolations = (output: string): Violation[] =>
  [...output.matchAll(/^\s*(?:error|warn|info) ([\w-]+): (\S+) →/gm)].map(([, rule, from]) => ({
    rule: rule ?? '',
    from: from ?? '',
  }));
