/**
 * A Redis PING over one short-lived connection (RESP), for the readiness check: enough to know
 * Redis answers, without a client library. Sends AUTH first when the URL has a password, and
 * SELECT when it names a database other than 0, so a wrong password or database is `down` too.
 */
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

const command = (...parts: string[]): string =>
  `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;

/** Resolves when Redis answers PONG; rejects with a plain reason otherwise. */
export const pingRedis = (url: string, timeoutMs: number): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
    const port = Number(parsed.port || 6379);
    const commands: string[] = [];
    const password = decodeURIComponent(parsed.password);
    const user = decodeURIComponent(parsed.username);
    if (password !== '')
      commands.push(user !== '' ? command('AUTH', user, password) : command('AUTH', password));
    const db = parsed.pathname.replace(/^\//, '');
    if (db !== '' && db !== '0') commands.push(command('SELECT', db));
    commands.push(command('PING'));
    const socket: Socket =
      parsed.protocol === 'rediss:'
        ? connectTls({ host, port, servername: host })
        : connectTcp({ host, port });
    let buffer = '';
    let replies = 0;
    const finish = (error?: Error): void => {
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    socket.setTimeout(timeoutMs, () =>
      finish(new Error(`Redis did not answer within ${timeoutMs} ms`)),
    );
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish(new Error(`Redis unreachable at ${host}:${port}: ${error.code ?? error.message}`)),
    );
    socket.once(parsed.protocol === 'rediss:' ? 'secureConnect' : 'connect', () =>
      socket.write(commands.join('')),
    );
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) !== -1) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        replies += 1;
        if (line.startsWith('-')) {
          finish(new Error(`Redis refused: ${line.slice(1, 200)}`));
          return;
        }
        if (replies === commands.length) {
          if (line === '+PONG') finish();
          else finish(new Error(`Redis answered ${JSON.stringify(line.slice(0, 50))} to PING`));
          return;
        }
      }
    });
    socket.once('close', () => finish(new Error('Redis closed the connection')));
  });
