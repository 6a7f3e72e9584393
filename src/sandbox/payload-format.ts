import { hashString } from "./random.js";
import { answers, prompts, type PayloadFormat } from "./seed-data.js";
import type { StoredLog } from "./stored-log.js";

/** The request and response shapes a provider speaks. */
export function formatOf(provider: string): PayloadFormat {
  if (provider === "anthropic") return "anthropic";
  if (provider === "google-ai-studio") return "gemini";
  if (provider === "workers-ai") return "workers-ai";
  return "openai";
}

/** The prompt and answer of a log: picked by its id, so they never change between calls. */
export function conversationOf(log: StoredLog): { prompt: string; answer: string; hash: number } {
  const hash = hashString(log.id);
  const index = hash % prompts.length;
  return { prompt: prompts[index] as string, answer: answers[index] as string, hash };
}

export function isJson(contentType: string): boolean {
  return /^application\/([\w.+-]+\+)?json\b/i.test(contentType);
}

/** The request body a client sent for this log. */
export function requestBodyOf(log: StoredLog): unknown {
  const { prompt } = conversationOf(log);
  const stream = log.response_content_type.startsWith("text/event-stream") ? true : undefined;
  const format = formatOf(log.provider);
  if (log.model_type === "image") {
    return { model: log.model, prompt, n: 1, size: "1024x1024", response_format: "b64_json" };
  }
  if (log.model_type === "embedding") {
    return format === "workers-ai" ? { text: [prompt] } : { model: log.model, input: prompt };
  }
  if (format === "gemini") return { contents: [{ role: "user", parts: [{ text: prompt }] }] };
  const messages = [{ role: "user", content: prompt }];
  if (format === "anthropic") return { model: log.model, max_tokens: 1024, messages, stream };
  if (format === "workers-ai") return { messages, stream };
  const system = { role: "system", content: "You are a helpful assistant." };
  return { model: log.model, messages: [system, ...messages], temperature: 0.7, stream };
}
