// `npm start`: the main job on the embedded sandbox, no Cloudflare account needed. Starts the
// sandbox with seeded logs, reads them through the library, and prints what a user would see.
// `npm start -- --serve` keeps the sandbox running for your own requests.
import { createAiGatewayLogs, where } from "ai-gateway-logs";
import { startSandbox } from "ai-gateway-logs/sandbox";

const serve = process.argv.includes("--serve");
const sandbox = await startSandbox({ logs: 2000, port: serve ? 8787 : 0 });
const logs = createAiGatewayLogs({
  accountId: sandbox.accountId,
  gatewayId: sandbox.gatewayId,
  apiToken: sandbox.token,
  baseUrl: sandbox.url,
});

const { logs: newest, resultInfo } = await logs.list({ perPage: 15 });
const [total, failed, cached, expensive] = await Promise.all([
  logs.count(),
  logs.count([where("success").eq(false)]),
  logs.count([where("cached").eq(true)]),
  logs.count([where("cost").gt(0.01)]),
]);

console.log(`Sandbox gateway "${sandbox.gatewayId}" at ${sandbox.url}: ${total} logs.\n`);
console.log(renderTable(newest));
console.log(`\n${resultInfo.count} of ${resultInfo.total_count} logs shown, newest first.`);
console.log(`failed: ${failed}   cached: ${cached}   costing over $0.01: ${expensive}`);

const detail = await logs.get(newest[0].id);
const response = await logs.getResponse(detail.id).catch((error) => error);
const what = response.kind ? `${response.kind} (${response.contentType})` : response.message;
console.log(`\nNewest log ${detail.id}: ${detail.request_size} bytes in, response body: ${what}`);

if (serve) {
  console.log(
    `\nServing until Ctrl-C. Try:\n  curl -H "Authorization: Bearer ${sandbox.token}" \\`,
  );
  console.log(
    `    "${sandbox.url}/accounts/${sandbox.accountId}/ai-gateway/gateways/${sandbox.gatewayId}/logs?per_page=2"`,
  );
  process.once("SIGINT", () => sandbox.close().then(() => process.exit(130)));
} else {
  await sandbox.close();
}

function renderTable(rows) {
  const columns = [
    ["created", (log) => log.created_at.slice(0, 19).replace("T", " ")],
    ["provider", (log) => log.provider],
    ["model", (log) => log.model],
    ["status", (log) => String(log.status_code ?? "")],
    ["tokens", (log) => `${log.tokens_in ?? "-"}/${log.tokens_out ?? "-"}`],
    ["cost $", (log) => (log.cost ?? 0).toFixed(5)],
    ["ms", (log) => String(log.duration)],
    ["cached", (log) => (log.cached ? "yes" : "")],
  ];
  const cells = rows.map((row) => columns.map(([, cell]) => cell(row)));
  const widths = columns.map(([title], i) =>
    Math.max(title.length, ...cells.map((c) => c[i].length)),
  );
  const line = (values) =>
    values
      .map((v, i) => v.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(columns.map(([title]) => title)), ...cells.map(line)].join("\n");
}
