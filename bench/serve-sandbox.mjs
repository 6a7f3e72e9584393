// A sandbox in its own process, so a benchmark can measure a client's CPU and memory apart from
// it. Prints one JSON line with what a client needs, then serves until killed.
import { startSandbox } from "ai-gateway-logs/sandbox";

const sandbox = await startSandbox({ logs: Number(process.argv[2] ?? 1_000_000) });
const { url, token, accountId, gatewayId } = sandbox;
process.stdout.write(`${JSON.stringify({ url, token, accountId, gatewayId })}\n`);
