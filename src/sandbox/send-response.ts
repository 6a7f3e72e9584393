import type { ServerResponse } from "node:http";
import type { SandboxResponse } from "./response.js";

let rays = 0;

/**
 * Writes an answer with its exact Content-Length. Truncated: the same headers, half the body,
 * then the connection is destroyed, so the client sees a body that ends too soon.
 */
export function sendResponse(res: ServerResponse, response: SandboxResponse, truncate: boolean) {
  if (res.destroyed) return;
  const body =
    typeof response.body === "string" ? Buffer.from(response.body) : Buffer.from(response.body);
  rays = (rays + 1) % 0x1000000;
  res.writeHead(response.status, {
    "cf-ray": `${rays.toString(16).padStart(16, "0")}-SBX`,
    ...response.headers,
    "content-length": String(body.length),
  });
  if (!truncate) {
    res.end(body);
    return;
  }
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}
