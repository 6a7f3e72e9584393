// The spec paths the fetchers call; `satisfies` fails the build when the spec loses one.
import type { paths } from "../generated/schema.js";

export const logsTemplate =
  "/accounts/{account_id}/ai-gateway/gateways/{gateway_id}/logs" satisfies keyof paths;
export const logTemplate = `${logsTemplate}/{id}` satisfies keyof paths;
