/** A sliding-window limit; Cloudflare's is 1200 requests per 300 s per user. */
export interface RateLimitSettings {
  requests: number;
  windowMs: number;
  /** Once exceeded, every call is refused for this long (default: windowMs), as Cloudflare does. */
  blockMs?: number;
}

export type RateLimitVerdict =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; headers: Record<string, string> };

interface Window {
  hits: number[];
  blockedUntil: number;
}

export function createRateLimiter(now: () => number) {
  const windows = new Map<string, Window>();
  return {
    /** Counts one request by `key` and says whether it may go on, with the headers to send. */
    check(key: string, settings: RateLimitSettings): RateLimitVerdict {
      const at = now();
      const window = windows.get(key) ?? { hits: [], blockedUntil: 0 };
      windows.set(key, window);
      const policy = `"default";q=${settings.requests};w=${Math.ceil(settings.windowMs / 1000)}`;
      if (window.blockedUntil <= at) {
        while (window.hits.length > 0 && (window.hits[0] as number) <= at - settings.windowMs) {
          window.hits.shift();
        }
        if (window.hits.length < settings.requests) {
          window.hits.push(at);
          const resetS = Math.ceil(((window.hits[0] as number) + settings.windowMs - at) / 1000);
          const remaining = settings.requests - window.hits.length;
          return { allowed: true, headers: headersOf(policy, remaining, resetS) };
        }
        window.blockedUntil = at + (settings.blockMs ?? settings.windowMs);
        window.hits = [];
      }
      const retryAfter = Math.max(1, Math.ceil((window.blockedUntil - at) / 1000));
      return {
        allowed: false,
        headers: { ...headersOf(policy, 0, retryAfter), "retry-after": String(retryAfter) },
      };
    },
    reset(): void {
      windows.clear();
    },
  };
}

function headersOf(policy: string, remaining: number, resetS: number): Record<string, string> {
  return { ratelimit: `"default";r=${remaining};t=${resetS}`, "ratelimit-policy": policy };
}
