import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { redactText } from "../redact.js";
import type { DescribedOptions } from "./command.js";
import { commands } from "./commands/index.js";
import { createContext } from "./context.js";
import { describeFailure, exitCodes, UsageError } from "./errors.js";
import { commandHelp, generalHelp } from "./help.js";
import { useColor, write, type Io } from "./io.js";

const version: string = createRequire(import.meta.url)("../../package.json").version;

/** Parses, dispatches, reports: returns the exit code. Nothing here calls process.exit. */
export async function main(argv: readonly string[], io: Io, signal: AbortSignal): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    await write(io.stderr, generalHelp(commands, version));
    return exitCodes.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    await write(io.stdout, generalHelp(commands, version));
    return exitCodes.ok;
  }
  if (name === "--version" || name === "-v") {
    await write(io.stdout, `${version}\n`);
    return exitCodes.ok;
  }
  const command = commands.find((c) => c.name === name);
  const debug = rest.includes("--debug");
  let context: ReturnType<typeof createContext> | undefined;
  try {
    if (!command) {
      throw new UsageError(
        `Unknown command "${name}".`,
        `Commands: ${commands.map((c) => c.name).join(", ")}. See aigw-logs --help.`,
      );
    }
    const { values, positionals } = parseCommandLine(command.options, rest);
    if (values.help) {
      await write(io.stdout, commandHelp(command));
      return exitCodes.ok;
    }
    context = createContext(values, io, signal);
    return await command.run(values, positionals, context);
  } catch (error) {
    await report(error, io, debug, context?.secrets ?? secretsOf(io));
    return describeFailure(error).exitCode;
  } finally {
    await context?.close();
  }
}

function parseCommandLine(described: DescribedOptions, args: string[]) {
  // parseArgs takes the options without their help text.
  const options = Object.fromEntries(
    Object.entries(described).map(([name, { description: _help, ...option }]) => [name, option]),
  );
  try {
    return parseArgs({
      args: joinNegativeValues(described, args),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs explains what is wrong ("Unknown option '--x'"); say it as a usage error.
    throw new UsageError(
      (error as Error).message.replace(/\. To specify a positional.*$/s, "."),
      "See --help for the options.",
    );
  }
}

/**
 * parseArgs reads "--feedback -1" as two options and refuses it; a value that looks like a
 * negative number after an option that takes a value is that option's value.
 */
function joinNegativeValues(described: DescribedOptions, args: string[]): string[] {
  const takesValue = (arg: string) =>
    Object.entries(described).some(
      ([name, option]) =>
        option.type === "string" && (arg === `--${name}` || arg === `-${option.short}`),
    );
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (arg === "--") {
      joined.push(...args.slice(i));
      break;
    }
    if (next !== undefined && /^-\d/.test(next) && takesValue(arg)) {
      joined.push(arg.startsWith("--") ? `${arg}=${next}` : `${arg}${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

async function report(error: unknown, io: Io, debug: boolean, secrets: string[]): Promise<void> {
  const { message, hint } = describeFailure(error);
  const red = useColor(io, "stderr")
    ? (text: string) => `\u001b[31m${text}\u001b[39m`
    : (text: string) => text;
  let text = `${red("error:")} ${message}\n${hint ? `hint: ${hint}\n` : ""}`;
  if (debug && error instanceof Error && error.stack) text += `${error.stack}\n`;
  await write(io.stderr, redactText(text, secrets));
}

function secretsOf(io: Io): string[] {
  return [io.env.CLOUDFLARE_API_TOKEN, io.env.CLOUDFLARE_API_KEY].filter((s): s is string =>
    Boolean(s),
  );
}
