/*
 * The results list's pages, kept as the JSON the route sends, for one generation of the
 * performance data (database/data-generations.ts) at a time, and which of them to read again
 * when the generation moves on (a write committed), so the first reader after a write finds
 * its page ready (ResultsService's refill).
 *
 * Not every page is worth reading again: a page is refilled once it has been served from the
 * cache (someone read it twice), and for `REFILLS_WITHOUT_READ` generations after its last
 * read; a page read only once (a crawl through every offset) never is.
 */

/** How many generations in a row a page nobody reads any more is still refilled for. */
const REFILLS_WITHOUT_READ = 2;

type Page<Q> = {
  readonly query: Q;
  readonly json: string;
  /** Generations it is still refilled for without another read (0: none). */
  wanted: number;
};

type Retired<Q> = { readonly query: Q; readonly wanted: number };

export class ResultPages<Q> {
  private token: string | null = null;
  private readonly pages = new Map<string, Page<Q>>();
  /** The wanted pages of the generations before this one not yet read again, oldest first. */
  private readonly retired = new Map<string, Retired<Q>>();

  constructor(
    private readonly maxPages = 1000,
    /** At most this many pages are read again after a write. */
    private readonly maxRefill = 256,
  ) {}

  /** The page's JSON if it was kept for this token; a read makes it wanted. */
  get(token: string, key: string): string | undefined {
    if (token !== this.token) return undefined;
    const page = this.pages.get(key);
    if (page === undefined) return undefined;
    page.wanted = REFILLS_WITHOUT_READ;
    return page.json;
  }

  /** Whether any page would be read again after a write (none: a refill has nothing to do). */
  hasWanted(): boolean {
    if (this.retired.size > 0) return true;
    for (const page of this.pages.values()) if (page.wanted > 0) return true;
    return false;
  }

  /** Whether the pages are kept for another token than this one (false before the first). */
  isBehind(token: string): boolean {
    return this.token !== null && token !== this.token;
  }

  /**
   * Moves to a new token: the old token's pages are dropped, and the wanted ones are to be
   * read again (`nextToRefill`), each wanted for one generation less unless it is read.
   */
  advance(token: string): void {
    if (token === this.token) return;
    for (const [key, page] of this.pages) {
      if (page.wanted > 0 && !this.retired.has(key))
        this.retired.set(key, { query: page.query, wanted: page.wanted - 1 });
    }
    // The oldest beyond the bound are dropped: a refill is bounded, whatever the cache held.
    const over = this.retired.size - this.maxRefill;
    if (over > 0)
      for (const key of [...this.retired.keys()].slice(0, over)) this.retired.delete(key);
    this.pages.clear();
    this.token = token;
  }

  /**
   * Keeps a page read for `token` (moving to it first). A page that was to be refilled keeps
   * how many more generations it is wanted for, whether a reader read it (found among the
   * retired) or the refill (which says, from `nextToRefill`).
   */
  set(token: string, key: string, query: Q, json: string, wanted = 0): void {
    this.advance(token);
    const retired = this.retired.get(key);
    this.retired.delete(key);
    if (this.pages.size >= this.maxPages && !this.pages.has(key)) {
      const oldest = this.pages.keys().next();
      if (oldest.done !== true) this.pages.delete(oldest.value);
    }
    this.pages.set(key, { query, json, wanted: retired?.wanted ?? wanted });
  }

  /** The next page to read again for `token`, or undefined when there is none (or the token is not this one). */
  nextToRefill(
    token: string,
  ): { readonly key: string; readonly query: Q; readonly wanted: number } | undefined {
    if (token !== this.token) return undefined;
    for (const [key, { query, wanted }] of this.retired) {
      this.retired.delete(key);
      if (!this.pages.has(key)) return { key, query, wanted };
    }
    return undefined;
  }
}
