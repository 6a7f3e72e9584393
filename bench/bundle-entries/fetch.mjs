// Plain fetch: the floor.
const base = "https://api.cloudflare.com/client/v4/accounts/account/ai-gateway/gateways/gateway";
const headers = { Authorization: "Bearer token" };
const page = await (await fetch(`${base}/logs?per_page=10`, { headers })).json();
const id = encodeURIComponent(page.result[0].id);
console.log(await (await fetch(`${base}/logs/${id}`, { headers })).json());
