import { createAiGatewayLogs, type AiGatewayLogs } from "../index.js";
import type { Sandbox } from "../sandbox/index.js";
import { CredentialsError, UsageError } from "./errors.js";
import type { Values } from "./command.js";
import type { Io } from "./io.js";

export interface Context {
  io: Io;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** The client, made on first use from the environment, or bound to an embedded sandbox. */
  client(): Promise<AiGatewayLogs>;
  /** Values to scrub from anything printed. */
  secrets: string[];
  close(): Promise<void>;
}

/** Builds the client from Cloudflare's own variable names; never from the command line. */
export function createContext(values: Values, io: Io, signal: AbortSignal): Context {
  let sandbox: Sandbox | undefined;
  let client: AiGatewayLogs | undefined;
  const env = io.env;
  const secrets = [env.CLOUDFLARE_API_TOKEN, env.CLOUDFLARE_API_KEY].filter((s): s is string =>
    Boolean(s),
  );
  return {
    io,
    signal,
    secrets,
    async client() {
      if (client) return client;
      if (values.sandbox) {
        // Loaded only here: every other command starts without the sandbox and its seed data.
        const { startSandbox } = await import("../sandbox/index.js");
        sandbox = await startSandbox({
          logs: 2000,
          insertPerSecond: 1,
          gatewayId: gatewayOf(values, env) ?? undefined,
        });
        client = createAiGatewayLogs({
          accountId: sandbox.accountId,
          gatewayId: sandbox.gatewayId,
          apiToken: sandbox.token,
          baseUrl: sandbox.url,
        });
        return client;
      }
      client = createAiGatewayLogs({
        ...credentialsOf(env),
        gatewayId: requireGateway(values, env),
        baseUrl: values["base-url"] as string | undefined,
      });
      return client;
    },
    async close() {
      await sandbox?.close();
    },
  };
}

function gatewayOf(values: Values, env: Io["env"]): string | undefined {
  return (values.gateway as string | undefined) ?? env.CLOUDFLARE_GATEWAY_ID;
}

function requireGateway(values: Values, env: Io["env"]): string {
  const gateway = gatewayOf(values, env);
  if (!gateway)
    throw new UsageError("No gateway given.", "Pass --gateway NAME or set CLOUDFLARE_GATEWAY_ID.");
  return gateway;
}

function credentialsOf(env: Io["env"]) {
  const accountId = env.CLOUDFLARE_ACCOUNT_ID;
  if (!accountId) throw new CredentialsError("CLOUDFLARE_ACCOUNT_ID is not set.");
  if (env.CLOUDFLARE_API_TOKEN) return { accountId, apiToken: env.CLOUDFLARE_API_TOKEN };
  if (env.CLOUDFLARE_EMAIL && env.CLOUDFLARE_API_KEY) {
    return { accountId, apiEmail: env.CLOUDFLARE_EMAIL, apiKey: env.CLOUDFLARE_API_KEY };
  }
  throw new CredentialsError(
    "No credentials: CLOUDFLARE_API_TOKEN is not set (nor CLOUDFLARE_EMAIL with CLOUDFLARE_API_KEY).",
  );
}
