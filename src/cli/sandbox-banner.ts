import type { Sandbox } from "../sandbox/index.js";

/** What `aigw-logs sandbox` prints once it listens: where, with what, and how to use it. */
export function sandboxBanner(sandbox: Sandbox, logs: number): string {
  return [
    `Sandbox listening at ${sandbox.url} with ${logs} logs. Ctrl-C stops it.`,
    "",
    `  base URL    ${sandbox.url}`,
    `  account id  ${sandbox.accountId}`,
    `  gateway id  ${sandbox.gatewayId}`,
    `  API token   ${sandbox.token}   (a throwaway: it works only here, until Ctrl-C)`,
    "",
    "In another terminal:",
    "",
    `export CLOUDFLARE_API_TOKEN=${sandbox.token}`,
    `export CLOUDFLARE_ACCOUNT_ID=${sandbox.accountId}`,
    `export CLOUDFLARE_GATEWAY_ID=${sandbox.gatewayId}`,
    `aigw-logs list --base-url ${sandbox.url}`,
    "",
  ].join("\n");
}
