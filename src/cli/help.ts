import type { Command, DescribedOptions } from "./command.js";

export const exitCodeHelp = [
  "Exit codes: 0 ok, 1 API or server error, 2 bad usage or input, 3 missing or rejected",
  "credentials, 4 not found, 130 interrupted.",
];

const environmentHelp = [
  "Credentials come from the environment, as Cloudflare's own tools name them:",
  "  CLOUDFLARE_API_TOKEN             an API token with AI Gateway Read (Write to update or delete)",
  "  CLOUDFLARE_EMAIL, CLOUDFLARE_API_KEY   or the legacy email and global API key",
  "  CLOUDFLARE_ACCOUNT_ID            the account",
  "  CLOUDFLARE_GATEWAY_ID            the gateway, unless --gateway is given",
  "  NO_COLOR                         no colour, even on a terminal",
];

/** `aigw-logs --help`. */
export function generalHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `aigw-logs ${version}: Cloudflare AI Gateway logs from the terminal.`,
    "",
    "Usage: aigw-logs <command> [options]      aigw-logs <command> --help",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Try it without an account: aigw-logs list --sandbox",
    "",
    ...environmentHelp,
    "",
    ...exitCodeHelp,
    "",
  ].join("\n");
}

/** `aigw-logs <command> --help`. */
export function commandHelp(command: Command): string {
  const options = Object.entries(command.options as DescribedOptions).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ""}--${name}${option.type === "string" ? " <value>" : ""}`;
    return { flag, description: option.description ?? "" };
  });
  const width = Math.max(...options.map((o) => o.flag.length));
  return [
    `aigw-logs ${command.name}: ${command.summary}`,
    "",
    `Usage: ${command.usage}`,
    "",
    "Options:",
    ...options.map((o) => `  ${o.flag.padEnd(width)}  ${o.description}`),
    ...(command.details ? ["", ...command.details] : []),
    "",
    "Examples:",
    ...command.examples.map((e) => `  ${e}`),
    "",
    ...exitCodeHelp,
    "",
  ].join("\n");
}
