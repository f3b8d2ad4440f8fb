/**
 * When to try a failed fetch again: exponential backoff with jitter, capped, so a wall that started
 * while the data server was down keeps trying without hammering it, and many walls restarting
 * together do not retry in lockstep.
 */
export interface BackoffOptions {
  readonly baseSeconds: number;
  readonly maxSeconds: number;
  /** ± share of the delay drawn at random (0 = exact). */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseSeconds: 5, maxSeconds: 300, jitter: 0.2 };

/** Delay in ms before retry number `attempt` (0 = the first retry); `random` returns 0 ≤ x < 1. */
export function retryDelayMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exact = Math.min(options.maxSeconds, options.baseSeconds * 2 ** Math.max(0, attempt));
  const factor = 1 + options.jitter * (2 * random() - 1);
  return Math.round(Math.min(options.maxSeconds, exact * factor) * 1000);
}
