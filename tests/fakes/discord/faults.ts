import { compilePattern } from './router.js';
import type { RouteResult } from './router.js';
import type { FaultRule } from './types.js';

interface ActiveFault {
  rule: FaultRule;
  matches: (path: string) => boolean;
  remaining: number;
}

/** Holds injected REST failures and hands them out to matching calls. */
export class FaultInjector {
  #faults: ActiveFault[] = [];

  /** Registers a fault; rules are consumed in registration order. */
  add(rule: FaultRule): void {
    const matcher = typeof rule.path === 'string' ? compilePattern(rule.path) : null;
    const matches = (path: string) => (rule.path instanceof RegExp ? rule.path.test(path) : matcher?.(path) != null);
    this.#faults.push({ rule, matches, remaining: rule.times ?? 1 });
  }

  /** Removes all pending faults. */
  clear(): void {
    this.#faults = [];
  }

  /** Returns the failure response for this call if a fault applies (and consumes one use). */
  take(method: string, path: string): RouteResult | null {
    const fault = this.#faults.find((f) => (f.rule.method ?? method).toUpperCase() === method && f.matches(path));
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults = this.#faults.filter((f) => f !== fault);
    return faultResponse(fault.rule);
  }
}

/** Builds the Discord-shaped failure response for a rule. */
function faultResponse(rule: FaultRule): RouteResult {
  if (rule.status === 429) return rateLimitResponse(rule);
  const body = rule.body ?? { message: `${rule.status}: Injected failure`, code: 0 };
  return { status: rule.status, body };
}

/**
 * 429 as Discord sends it. @discordjs/rest reads the `Retry-After` header (seconds),
 * `X-RateLimit-Global` and `X-RateLimit-Scope`, waits, and retries the same request.
 */
function rateLimitResponse(rule: FaultRule): RouteResult {
  const retryAfter = rule.retryAfter ?? 0.05;
  const headers: Record<string, string> = {
    'retry-after': String(retryAfter),
    'x-ratelimit-scope': rule.global ? 'global' : 'user',
  };
  if (rule.global) headers['x-ratelimit-global'] = 'true';
  const body = rule.body ?? { message: 'You are being rate limited.', retry_after: retryAfter, global: rule.global ?? false };
  return { status: 429, body, headers };
}
