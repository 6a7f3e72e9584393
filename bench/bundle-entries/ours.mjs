// Lists a page of logs and gets one log: the program every bundle-size client implements. Ours
// imports the two fetchers it calls, as the README shows for bundles.
import { createGateway, getLog, listLogs } from "ai-gateway-logs";

const gateway = createGateway({ accountId: "account", gatewayId: "gateway", apiToken: "token" });
const page = await listLogs(gateway, { perPage: 10 });
console.log(await getLog(gateway, page.logs[0].id));
