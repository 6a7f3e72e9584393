// Lists a page of logs and gets one log: the program every bundle-size client implements.
import { createAiGatewayLogs } from "ai-gateway-logs";

const logs = createAiGatewayLogs({ accountId: "account", gatewayId: "gateway", apiToken: "token" });
const page = await logs.list({ perPage: 10 });
console.log(await logs.get(page.logs[0].id));
