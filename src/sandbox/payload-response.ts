import { conversationOf, formatOf } from "./payload-format.js";
import type { StoredLog } from "./stored-log.js";

const epochSeconds = (log: StoredLog) => Math.floor(log.createdMs / 1000);

/** The JSON body the provider answered with. */
export function responseBodyOf(log: StoredLog): unknown {
  if (!log.success) return errorBodyOf(log);
  return log.model_type === "embedding" ? embeddingBodyOf(log) : chatBodyOf(log);
}

function embeddingBodyOf(log: StoredLog): unknown {
  const { hash } = conversationOf(log);
  const embedding = Array.from({ length: 8 }, (_, i) => Math.round(Math.sin(hash + i) * 1e4) / 1e4);
  if (formatOf(log.provider) === "workers-ai") {
    return { result: { shape: [1, 8], data: [embedding] }, success: true };
  }
  const usage = { prompt_tokens: log.tokens_in ?? 0, total_tokens: log.tokens_in ?? 0 };
  const data = [{ object: "embedding", index: 0, embedding }];
  return { object: "list", data, model: log.model, usage };
}

function chatBodyOf(log: StoredLog): unknown {
  const { answer, hash } = conversationOf(log);
  const usageIn = log.tokens_in ?? 0;
  const usageOut = log.tokens_out ?? 0;
  switch (formatOf(log.provider)) {
    case "anthropic":
      return {
        id: `msg_${hash.toString(36)}`,
        type: "message",
        role: "assistant",
        model: log.model,
        content: [{ type: "text", text: answer }],
        stop_reason: "end_turn",
        usage: { input_tokens: usageIn, output_tokens: usageOut },
      };
    case "gemini":
      return {
        candidates: [
          { content: { role: "model", parts: [{ text: answer }] }, finishReason: "STOP" },
        ],
        usageMetadata: { promptTokenCount: usageIn, candidatesTokenCount: usageOut },
      };
    case "workers-ai":
      return { result: { response: answer }, success: true, errors: [] };
    case "openai":
      return {
        id: `chatcmpl-${hash.toString(36)}`,
        object: "chat.completion",
        created: epochSeconds(log),
        model: log.model,
        choices: [
          { index: 0, message: { role: "assistant", content: answer }, finish_reason: "stop" },
        ],
        usage: {
          prompt_tokens: usageIn,
          completion_tokens: usageOut,
          total_tokens: usageIn + usageOut,
        },
      };
  }
}

function errorBodyOf(log: StoredLog): unknown {
  const messages: Record<number, [string, string]> = {
    400: ["invalid_request_error", "Invalid value for 'messages': expected an array."],
    429: ["rate_limit_exceeded", `Rate limit reached for ${log.model}. Please try again in 20s.`],
    500: ["server_error", "The server had an error while processing your request."],
  };
  const [code, message] = messages[log.status_code] ?? ["server_error", "Upstream error."];
  return { error: { message, type: code, code } };
}

/** A streamed answer as server-sent events, chunked by word, ending the way each provider ends. */
export function eventStreamOf(log: StoredLog): string {
  const { answer, hash } = conversationOf(log);
  const words = answer.split(/(?<= )/);
  if (formatOf(log.provider) === "anthropic") {
    const event = (name: string, data: unknown) =>
      `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
    return [
      event("message_start", {
        type: "message_start",
        message: { model: log.model, role: "assistant" },
      }),
      ...words.map((text) =>
        event("content_block_delta", {
          type: "content_block_delta",
          index: 0,
          delta: { type: "text_delta", text },
        }),
      ),
      event("message_stop", { type: "message_stop" }),
    ].join("");
  }
  const id = `chatcmpl-${hash.toString(36)}`;
  const chunk = (delta: unknown, finish: string | null) =>
    `data: ${JSON.stringify({
      id,
      object: "chat.completion.chunk",
      created: epochSeconds(log),
      model: log.model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`;
  return [
    ...words.map((content) => chunk({ content }, null)),
    chunk({}, "stop"),
    "data: [DONE]\n\n",
  ].join("");
}
