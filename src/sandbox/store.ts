import { GatewayLogs, type PayloadKind } from "./gateway-logs.js";
import { logFromInput } from "./log-input.js";
import type { Random } from "./random.js";
import { toSandboxLog, type StoredLog } from "./stored-log.js";
import type { SandboxLog, SandboxLogInput, StoredPayload } from "./types.js";

/**
 * Cloudflare's rule for gateway ids, applied when a gateway is created: an id that breaks it
 * names no gateway, so the sandbox refuses to make one.
 */
export const gatewayIdPattern = /^[a-z0-9_]+(?:-[a-z0-9_]+)*$/;

function assertGatewayId(gatewayId: string): void {
  if (gatewayId.length > 64 || !gatewayIdPattern.test(gatewayId)) {
    throw new RangeError(
      `Invalid gateway id "${gatewayId}": 1-64 of a-z, 0-9, _ in groups joined by "-"`,
    );
  }
}

/** Where a log lives; each part defaults to the sandbox's own account and gateway. */
export interface LogLocation {
  accountId?: string;
  gatewayId?: string;
}

/** Programmatic access to the sandbox's logs, for tests and demos. */
export interface SandboxStore {
  /** Logs in all accounts and gateways. */
  readonly size: number;
  /** Makes an account known (and accessible with the sandbox's credentials). */
  addAccount(accountId: string): void;
  /** Makes a gateway known; its account is added too. */
  addGateway(gatewayId: string, accountId?: string): void;
  /** Adds one log; missing fields get realistic defaults. Creates the gateway if needed. */
  insert(log?: SandboxLogInput, at?: LogLocation): SandboxLog;
  add(logs: readonly SandboxLogInput[], at?: LogLocation): SandboxLog[];
  get(id: string, at?: LogLocation): SandboxLog | undefined;
  /** All logs of a gateway, newest first (the API's default order). */
  list(at?: LogLocation): SandboxLog[];
  count(at?: LogLocation): number;
  /** Sets what `/request` or `/response` serves for a log; null means "not stored" (404). */
  setPayload(id: string, kind: PayloadKind, payload: StoredPayload | null, at?: LogLocation): void;
}

/** The store with the lookups the request handlers need. */
export class LogStore implements SandboxStore {
  private readonly accounts = new Map<string, Map<string, GatewayLogs>>();

  constructor(
    private readonly defaults: { accountId: string; gatewayId: string },
    private readonly random: Random,
    private readonly now: () => number,
  ) {
    this.addGateway(defaults.gatewayId, defaults.accountId);
  }

  get size(): number {
    let total = 0;
    for (const gateways of this.accounts.values()) {
      for (const logs of gateways.values()) total += logs.size;
    }
    return total;
  }

  hasAccount(accountId: string): boolean {
    return this.accounts.has(accountId);
  }

  gateway(accountId: string, gatewayId: string): GatewayLogs | undefined {
    return this.accounts.get(accountId)?.get(gatewayId);
  }

  addAccount(accountId: string): void {
    if (!this.accounts.has(accountId)) this.accounts.set(accountId, new Map());
  }

  addGateway(gatewayId: string, accountId = this.defaults.accountId): void {
    assertGatewayId(gatewayId);
    this.addAccount(accountId);
    const gateways = this.accounts.get(accountId) as Map<string, GatewayLogs>;
    if (!gateways.has(gatewayId)) gateways.set(gatewayId, new GatewayLogs());
  }

  insert(input: SandboxLogInput = {}, at?: LogLocation): SandboxLog {
    const log = logFromInput(input, this.random, this.now());
    this.ensure(at).insert(log);
    return toSandboxLog(log);
  }

  add(inputs: readonly SandboxLogInput[], at?: LogLocation): SandboxLog[] {
    const nowMs = this.now();
    const logs = inputs.map((input) => logFromInput(input, this.random, nowMs));
    this.loadStored(logs, at);
    return logs.map(toSandboxLog);
  }

  /** Bulk load of ready logs (the seed): one sort for all. */
  loadStored(logs: readonly StoredLog[], at?: LogLocation): void {
    this.ensure(at).load(logs);
  }

  get(id: string, at?: LogLocation): SandboxLog | undefined {
    const log = this.find(at)?.get(id);
    return log && toSandboxLog(log);
  }

  list(at?: LogLocation): SandboxLog[] {
    return (this.find(at)?.view("created_at") ?? []).map(toSandboxLog).reverse();
  }

  count(at?: LogLocation): number {
    return this.find(at)?.size ?? 0;
  }

  setPayload(id: string, kind: PayloadKind, payload: StoredPayload | null, at?: LogLocation) {
    const logs = this.find(at);
    if (!logs?.get(id)) throw new Error(`No log with id ${id} in that gateway`);
    logs.setPayload(id, kind, payload);
  }

  private find(at: LogLocation = {}): GatewayLogs | undefined {
    const { accountId = this.defaults.accountId, gatewayId = this.defaults.gatewayId } = at;
    return this.gateway(accountId, gatewayId);
  }

  private ensure(at: LogLocation = {}): GatewayLogs {
    const { accountId = this.defaults.accountId, gatewayId = this.defaults.gatewayId } = at;
    this.addGateway(gatewayId, accountId);
    return this.gateway(accountId, gatewayId) as GatewayLogs;
  }
}
