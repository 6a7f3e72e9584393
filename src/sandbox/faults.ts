import type { Random } from "./random.js";
import type { RateLimitSettings } from "./rate-limit.js";

/** The fault knobs, all off by default. Change them on the live object mid-run. */
export interface FaultSettings {
  /** Added to every answer. */
  latencyMs: number;
  /** Up to this much more, drawn per request. */
  jitterMs: number;
  /** Share of requests (0..1) answered with one of `errorStatuses` and an error envelope. */
  errorRate: number;
  errorStatuses: number[];
  /** Share of requests whose connection is destroyed without an answer. */
  resetRate: number;
  /** Share of answers sent with their full Content-Length but only part of the body. */
  truncateRate: number;
  rateLimit: RateLimitSettings | null;
}

/** A scripted answer for the next request(s): a status, a reset, a cut body, or a normal answer. */
export type ScriptedAction = number | "reset" | "truncate" | "pass";

export interface ScriptedOptions {
  /** How many requests in a row get it (default 1). */
  count?: number;
  /** Headers for a scripted status; a 429 without any gets `Retry-After: 1`. */
  headers?: Record<string, string>;
  /** A body to send instead of the error envelope (e.g. an HTML 502 page). */
  body?: string;
  /** Extra delay for these requests. */
  delayMs?: number;
}

export interface SandboxFaults extends FaultSettings {
  /** Queues an answer for the next request(s); scripted answers go first, in order. */
  next(action: ScriptedAction, options?: ScriptedOptions): void;
  /** Requests still to be answered by the script. */
  readonly pending: number;
  /** Turns every knob off and empties the script. */
  reset(): void;
}

export type FaultAction =
  | { kind: "none" }
  | { kind: "reset" }
  | { kind: "truncate" }
  | { kind: "status"; status: number; headers: Record<string, string>; body?: string };

export interface FaultDecision {
  delayMs: number;
  action: FaultAction;
  origin: "script" | "random" | "none";
}

export const faultsOff: FaultSettings = {
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  errorStatuses: [500, 502, 503],
  resetRate: 0,
  truncateRate: 0,
  rateLimit: null,
};

type Script = { action: ScriptedAction; options: ScriptedOptions; left: number }[];

/** The live fault settings, and the function that decides each request's fate from them. */
export function createFaults(initial: Partial<FaultSettings>, random: Random) {
  const script: Script = [];
  const faults: SandboxFaults = {
    ...faultsOff,
    ...initial,
    next(action, options = {}) {
      script.push({ action, options, left: Math.max(1, options.count ?? 1) });
    },
    get pending() {
      return script.reduce((sum, entry) => sum + entry.left, 0);
    },
    reset() {
      Object.assign(faults, faultsOff, { errorStatuses: [...faultsOff.errorStatuses] });
      script.length = 0;
    },
  };
  return { faults, decide: () => decideFault(faults, script, random) };
}

/** One request's fate: the next scripted answer if any, else the dice against the rates. */
function decideFault(faults: FaultSettings, script: Script, random: Random): FaultDecision {
  // Draw the same numbers for every request, so a run replays exactly whatever the knobs are.
  const draw = {
    jitter: random.next(),
    reset: random.next(),
    truncate: random.next(),
    error: random.next(),
    pick: random.next(),
  };
  const delayMs = faults.latencyMs + Math.round(draw.jitter * faults.jitterMs);
  const scripted = script[0];
  if (scripted) {
    if (--scripted.left === 0) script.shift();
    const { action, options } = scripted;
    const extraMs = options.delayMs ?? 0;
    return {
      delayMs: delayMs + extraMs,
      action: scriptedAction(action, options),
      origin: "script",
    };
  }
  const statuses = faults.errorStatuses.length > 0 ? faults.errorStatuses : faultsOff.errorStatuses;
  let action: FaultAction = { kind: "none" };
  if (draw.reset < faults.resetRate) action = { kind: "reset" };
  else if (draw.truncate < faults.truncateRate) action = { kind: "truncate" };
  else if (draw.error < faults.errorRate) {
    const status = statuses[Math.floor(draw.pick * statuses.length)] as number;
    action = { kind: "status", status, headers: {} };
  }
  return { delayMs, action, origin: action.kind === "none" ? "none" : "random" };
}

function scriptedAction(action: ScriptedAction, options: ScriptedOptions): FaultAction {
  if (action === "reset" || action === "truncate") return { kind: action };
  if (action === "pass") return { kind: "none" };
  const headers = options.headers ?? (action === 429 ? { "retry-after": "1" } : {});
  return { kind: "status", status: action, headers, body: options.body };
}
