import { createAiGatewayLogs } from "ai-gateway-logs";

createAiGatewayLogs({ accountId: "account", gatewayId: "gateway", apiToken: "token" });
