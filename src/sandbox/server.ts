import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { errorCodes, errorEnvelope } from "./envelope.js";

export interface RunningServer {
  port: number;
  /** A delay that `close()` cuts short, so closing never waits on a latency fault. */
  sleep(ms: number): Promise<void>;
  close(): Promise<void>;
}

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Starts a `node:http` server on 127.0.0.1 only. */
export async function listen(port: number, onRequest: RequestListener): Promise<RunningServer> {
  const sleeping = new Map<NodeJS.Timeout, () => void>();
  const server = createServer((req, res) => {
    onRequest(req, res).catch(() => {
      // A failure after the answer started (e.g. the client went away): nothing left to tell.
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on("clientError", answerMalformed);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    sleep(ms) {
      if (ms <= 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          sleeping.delete(timer);
          resolve();
        }, ms);
        sleeping.set(timer, resolve);
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
        for (const [timer, wake] of sleeping) {
          clearTimeout(timer);
          wake();
        }
        sleeping.clear();
      });
    },
  };
}

// Bytes that are not HTTP never reach a handler; answer them with an envelope too.
function answerMalformed(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const message = tooLarge ? "Request headers too large" : "Malformed HTTP request";
  const body = JSON.stringify(errorEnvelope(errorCodes.validation, message));
  const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
  socket.end(
    `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
