/** The site's configuration, from the environment (docs/operations.md, "The public site"). */
export type WebConfig = {
  /** WEB_PORT (default 3001). */
  readonly port: number;
  /** HOST (default 127.0.0.1, loopback only; a container sets 0.0.0.0). */
  readonly host: string;
  /** API_URL: where the API is reached, anonymously (default http://127.0.0.1:3000). */
  readonly apiUrl: string;
};

export const DEFAULT_WEB_PORT = 3001;
export const DEFAULT_API_URL = 'http://127.0.0.1:3000';

export class WebConfigError extends Error {
  override readonly name = 'WebConfigError';
}

export const loadWebConfig = (env: NodeJS.ProcessEnv = process.env): WebConfig => {
  const problems: string[] = [];
  const rawPort = (env['WEB_PORT'] ?? '').trim();
  const port = rawPort === '' ? DEFAULT_WEB_PORT : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`WEB_PORT must be a port number 0–65535, got ${JSON.stringify(rawPort)}`);
  const apiUrl = (env['API_URL'] ?? '').trim() || DEFAULT_API_URL;
  try {
    const url = new URL(apiUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    problems.push(`API_URL must be an http(s) URL, got ${JSON.stringify(apiUrl)}`);
  }
  if (problems.length > 0)
    throw new WebConfigError(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  return {
    port,
    host: (env['HOST'] ?? '').trim() || '127.0.0.1',
    apiUrl: apiUrl.replace(/\/+$/, ''),
  };
};
