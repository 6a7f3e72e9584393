// Bare openapi-fetch: what our client is built on, without retries, limits or errors.
import createClient from "openapi-fetch";

const client = createClient({
  baseUrl: "https://api.cloudflare.com/client/v4",
  headers: { Authorization: "Bearer token" },
});
const logsPath = "/accounts/{account_id}/ai-gateway/gateways/{gateway_id}/logs";
const path = { account_id: "account", gateway_id: "gateway" };
const { data } = await client.GET(logsPath, { params: { path, query: { per_page: 10 } } });
const id = data.result[0].id;
console.log(await client.GET(`${logsPath}/{id}`, { params: { path: { ...path, id } } }));
