// The official SDK as its README shows it: the one client with every resource.
import Cloudflare from "cloudflare";

const client = new Cloudflare({ apiToken: "token" });
const page = await client.aiGateway.logs.list("gateway", { account_id: "account", per_page: 10 });
const id = page.result[0].id;
console.log(await client.aiGateway.logs.get(id, { account_id: "account", gateway_id: "gateway" }));
