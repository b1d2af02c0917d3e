import { isIPv6 } from 'node:net';
import type { RateLimit } from '../config/config.js';

/** One client's count in the current window, and when that window ends (ms since the epoch). */
export type WindowCount = { readonly count: number; readonly resetAt: number };

/**
 * Where the counts live. The in-memory store serves one process; several API processes need a
 * shared store (Redis) so that a client cannot spread its requests over them (issue 11 item 4).
 */
export interface RateLimitStore {
  /** Counts one more request for `key` and returns the window's count, this request included. */
  hit(key: string, windowMs: number, now: number): Promise<WindowCount>;
  /** The window's count for `key` without counting a request (0 when no window is open). */
  peek(key: string, now: number): Promise<WindowCount>;
  close(): Promise<void>;
}

/** Fixed windows in a Map, swept of ended windows once a minute (and whenever it grows large). */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly maxKeys = 100_000) {
    this.sweeper = setInterval(() => this.sweep(Date.now()), 60_000);
    this.sweeper.unref();
  }

  async hit(key: string, windowMs: number, now: number): Promise<WindowCount> {
    let window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      if (this.windows.size >= this.maxKeys) this.sweep(now);
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetAt: window.resetAt };
  }

  async peek(key: string, now: number): Promise<WindowCount> {
    const window = this.windows.get(key);
    return window === undefined || window.resetAt <= now
      ? { count: 0, resetAt: now }
      : { count: window.count, resetAt: window.resetAt };
  }

  /** How many windows are open (for tests). */
  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    // Still full of live windows (a flood from very many addresses): forget the oldest rather
    // than grow without bound. Those clients get a fresh window: the limit errs towards serving.
    if (this.windows.size >= this.maxKeys) {
      const excess = this.windows.size - Math.floor(this.maxKeys / 2);
      let dropped = 0;
      for (const key of this.windows.keys()) {
        if (dropped >= excess) break;
        this.windows.delete(key);
        dropped += 1;
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.windows.clear();
  }
}

/** The verdict on one request: allowed, or refused for `retryAfterSeconds`. */
export type Verdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number; readonly limit: number };

const refusal = (window: WindowCount, rule: RateLimit, now: number): Verdict => ({
  allowed: false,
  retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)),
  limit: rule.limit,
});

/**
 * The expanded first 64 bits of an IPv6 address: one household or server gets a /64, so
 * counting per address would let it rotate through 2^64 of them.
 */
const ipv6Prefix64 = (address: string): string => {
  const [head = '', tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = address.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => (group.replace(/^0+(?=.)/, '') || '0').toLowerCase())
    .join(':')}::/64`;
};

/**
 * The key a client is counted under: its IPv4 address (IPv4-mapped IPv6 unwrapped), or its IPv6
 * /64. With TRUST_PROXY set, Express's `req.ip` is the client's address as the proxy reports it.
 */
export const clientKey = (ip: string | undefined): string => {
  if (ip === undefined || ip === '') return 'unknown';
  const bare = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1] !== undefined) return mapped[1];
  return isIPv6(bare) ? ipv6Prefix64(bare) : bare;
};

/** The two limits of issue 11: anonymous requests, and failed bearer tokens, per client. */
export class RateLimiter {
  constructor(
    private readonly rules: { readonly anonymous: RateLimit; readonly tokenFailures: RateLimit },
    private readonly store: RateLimitStore,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Counts an anonymous request; refused once the client has made more than the limit. */
  async anonymousRequest(client: string): Promise<Verdict> {
    const rule = this.rules.anonymous;
    if (rule.limit === 0) return { allowed: true };
    const now = this.clock();
    const window = await this.store.hit(`anonymous:${client}`, rule.windowSeconds * 1000, now);
    return window.count > rule.limit ? refusal(window, rule, now) : { allowed: true };
  }

  /** Before a token is checked: refused while the client has used up its failures. */
  async tokenAttempt(client: string): Promise<Verdict> {
    const rule = this.rules.tokenFailures;
    if (rule.limit === 0) return { allowed: true };
    const now = this.clock();
    const window = await this.store.peek(`token-failure:${client}`, now);
    return window.count >= rule.limit ? refusal(window, rule, now) : { allowed: true };
  }

  /** Counts a bad, unknown or revoked token. */
  async tokenFailed(client: string): Promise<void> {
    const rule = this.rules.tokenFailures;
    if (rule.limit === 0) return;
    await this.store.hit(`token-failure:${client}`, rule.windowSeconds * 1000, this.clock());
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}
