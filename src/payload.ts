/** A stored request or response body, read according to its content type. */
export type Payload =
  | { kind: "json"; contentType: string; body: unknown }
  | { kind: "text"; contentType: string; body: string }
  | { kind: "bytes"; contentType: string; body: Uint8Array };

const textTypes = /^(text\/|application\/(x-ndjson|xml|javascript|x-www-form-urlencoded)\b)/i;
const jsonTypes = /^application\/([\w.+-]+\+)?json\b/i;

/** Parsed JSON when the body is JSON, text for text/* (including SSE), bytes for anything else. */
export function readPayload(bytes: ArrayBuffer, contentType: string | null): Payload {
  const type = contentType ?? "application/octet-stream";
  const body = new Uint8Array(bytes);
  if (jsonTypes.test(type)) {
    const text = new TextDecoder().decode(body);
    try {
      return { kind: "json", contentType: type, body: JSON.parse(text) };
    } catch {
      // Stored as JSON but not valid JSON (say, cut short): still worth showing as text.
      return { kind: "text", contentType: type, body: text };
    }
  }
  if (textTypes.test(type))
    return { kind: "text", contentType: type, body: new TextDecoder().decode(body) };
  return { kind: "bytes", contentType: type, body };
}
