// The official SDK's smaller entry: a client built with only the logs resource.
import { createClient } from "cloudflare/tree-shakable";
import { BaseLogs } from "cloudflare/resources/ai-gateway/logs";

const client = createClient({ apiToken: "token", resources: [BaseLogs] });
const page = await client.aiGateway.logs.list("gateway", { account_id: "account", per_page: 10 });
const id = page.result[0].id;
console.log(await client.aiGateway.logs.get(id, { account_id: "account", gateway_id: "gateway" }));
