// The same program through the client object, which carries every method and `raw`.
import { createAiGatewayLogs } from "ai-gateway-logs";

const logs = createAiGatewayLogs({ accountId: "account", gatewayId: "gateway", apiToken: "token" });
const page = await logs.list({ perPage: 10 });
console.log(await logs.get(page.logs[0].id));
