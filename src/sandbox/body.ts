import type { IncomingMessage } from "node:http";
import { ApiError, errorCodes } from "./envelope.js";

export const bodyLimitBytes = 1024 * 1024;

const tooLarge = () =>
  new ApiError(413, errorCodes.validation, "Request body too large: the limit is 1 MiB", {
    // The rest of the body is not read: close the connection rather than drain it.
    connection: "close",
  });

/** Reads a request body of at most 1 MiB; a larger one is refused without reading it all. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > bodyLimitBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > bodyLimitBytes) {
        req.off("data", onData);
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
    req.on("close", () => reject(new Error("The client closed the connection")));
  });
}
