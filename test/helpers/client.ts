// A sandbox per test with a client bound to it. Waits are recorded instead of slept (ky's way),
// and every error a test catches is checked for the credentials.
import { expect } from "vitest";
import { AbortError, createAiGatewayLogs, type AiGatewayLogsOptions } from "../../src/index.js";
import type { SandboxOptions } from "../../src/sandbox/index.js";
import { startTestSandbox, type TestSandbox } from "./sandbox.js";

export interface ClientSandbox {
  sandbox: TestSandbox;
  logs: ReturnType<typeof createAiGatewayLogs>;
  /** Every wait the client asked for, in ms, in order (the clock the client sees moves by them). */
  sleeps: number[];
  /** Makes another client on the same sandbox. */
  clientWith(options: Partial<AiGatewayLogsOptions>): ReturnType<typeof createAiGatewayLogs>;
}

export async function startClientSandbox(
  client: Partial<AiGatewayLogsOptions> = {},
  sandboxOptions: SandboxOptions = {},
): Promise<ClientSandbox> {
  const sandbox = await startTestSandbox(sandboxOptions);
  const sleeps: number[] = [];
  // Virtual time: a wait is recorded and moves the clock, so nothing really sleeps.
  let clock = Date.now();
  const now = () => clock;
  const recordSleep = async (ms: number, signal?: AbortSignal) => {
    sleeps.push(ms);
    clock += ms;
    if (signal?.aborted) throw new AbortError();
  };
  const clientWith = (overrides: Partial<AiGatewayLogsOptions>) =>
    createAiGatewayLogs({
      accountId: sandbox.accountId,
      gatewayId: sandbox.gatewayId,
      apiToken: sandbox.token,
      baseUrl: sandbox.url,
      rateLimit: false,
      sleep: recordSleep,
      now,
      random: () => 0.5,
      ...overrides,
    });
  return { sandbox, logs: clientWith(client), sleeps, clientWith };
}

const seenSecrets = new Set<string>();

/** Awaits a promise that must fail, checks the error keeps no secret, and returns it. */
export async function caught(promise: Promise<unknown>, secrets: string[]): Promise<any> {
  const error = await promise.then(
    () => expect.fail("expected the call to fail"),
    (e: unknown) => e,
  );
  for (const secret of secrets) seenSecrets.add(secret);
  expectNoSecrets(error, secrets);
  return error;
}

/** Every way an error can be shown: message, toString, JSON, stack, cause, inspected fields. */
export function expectNoSecrets(error: any, secrets: string[]): void {
  const views = [
    String(error),
    error?.message,
    error?.stack,
    JSON.stringify(error),
    JSON.stringify(error?.cause ?? null),
    String(error?.cause ?? ""),
    JSON.stringify(Object.entries(error ?? {})),
  ].join("\n");
  for (const secret of secrets) expect(views).not.toContain(secret);
}
