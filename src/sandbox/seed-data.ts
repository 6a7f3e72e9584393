// The catalog that seeded logs are drawn from: real provider, model and path names (the path
// relative to the provider's base in the gateway URL), list prices in USD per million tokens
// (late 2024), and typical latencies.

export type ModelType = "chat" | "embedding" | "image";
export type PayloadFormat = "openai" | "anthropic" | "gemini" | "workers-ai";

export interface ModelProfile {
  provider: string;
  model: string;
  modelType: ModelType;
  path: string;
  format: PayloadFormat;
  /** Relative share of traffic. */
  weight: number;
  inputPerMillion: number;
  outputPerMillion: number;
  /** Flat price of one generated image. */
  perImage?: number;
  medianMs: number;
}

const chat = (
  provider: string,
  model: string,
  path: string,
  format: PayloadFormat,
  weight: number,
  prices: [number, number],
  medianMs: number,
): ModelProfile => ({
  provider,
  model,
  modelType: "chat",
  path,
  format,
  weight,
  inputPerMillion: prices[0],
  outputPerMillion: prices[1],
  medianMs,
});

export const modelProfiles: readonly ModelProfile[] = [
  chat("openai", "gpt-4o", "chat/completions", "openai", 16, [2.5, 10], 1800),
  chat("openai", "gpt-4o-mini", "chat/completions", "openai", 24, [0.15, 0.6], 900),
  chat("openai", "o3-mini", "chat/completions", "openai", 5, [1.1, 4.4], 6000),
  chat("anthropic", "claude-3-5-sonnet-20241022", "v1/messages", "anthropic", 12, [3, 15], 2200),
  chat("anthropic", "claude-3-5-haiku-20241022", "v1/messages", "anthropic", 8, [0.8, 4], 1000),
  chat(
    "workers-ai",
    "@cf/meta/llama-3.1-8b-instruct",
    "@cf/meta/llama-3.1-8b-instruct",
    "workers-ai",
    9,
    [0.282, 0.827],
    700,
  ),
  chat(
    "google-ai-studio",
    "gemini-1.5-flash",
    "v1beta/models/gemini-1.5-flash:generateContent",
    "gemini",
    8,
    [0.075, 0.3],
    800,
  ),
  chat("groq", "llama-3.3-70b-versatile", "chat/completions", "openai", 5, [0.59, 0.79], 400),
  chat("mistral", "mistral-small-latest", "v1/chat/completions", "openai", 4, [0.2, 0.6], 900),
  {
    provider: "openai",
    model: "text-embedding-3-small",
    modelType: "embedding",
    path: "embeddings",
    format: "openai",
    weight: 5,
    inputPerMillion: 0.02,
    outputPerMillion: 0,
    medianMs: 250,
  },
  {
    provider: "workers-ai",
    model: "@cf/baai/bge-base-en-v1.5",
    modelType: "embedding",
    path: "@cf/baai/bge-base-en-v1.5",
    format: "workers-ai",
    weight: 2,
    inputPerMillion: 0.067,
    outputPerMillion: 0,
    medianMs: 120,
  },
  {
    provider: "openai",
    model: "dall-e-3",
    modelType: "image",
    path: "images/generations",
    format: "openai",
    weight: 2,
    inputPerMillion: 0,
    outputPerMillion: 0,
    perImage: 0.04,
    medianMs: 9000,
  },
];

export const userAgents: readonly string[] = [
  "OpenAI/Python 1.54.3",
  "OpenAI/JS 4.73.0",
  "Anthropic/JS 0.32.1",
  "anthropic-python/0.39.0",
  "google-genai-sdk/0.3.0 gl-python/3.12.7",
  "curl/8.5.0",
  "undici",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
];

export const requestTypes: readonly string[] = ["provider", "provider", "provider", "universal"];

export const prompts: readonly string[] = [
  "Summarize this support ticket in two sentences.",
  "Translate 'Where is the train station?' into French.",
  "Write a haiku about rate limits.",
  "Classify the sentiment of: 'The update broke my workflow again.'",
  "Extract the invoice number from: 'Invoice INV-2024-0193, due in 30 days.'",
  "Explain what a UUIDv7 is to a product manager.",
  "Suggest three names for a coffee shop on Mars.",
  "Fix the grammar: 'Me and him goes to the store yesterday.'",
];

export const answers: readonly string[] = [
  "The customer cannot log in after the update. They ask for a password reset link.",
  "Où est la gare ?",
  "Requests pile up / the window slides, patient / four two nine, then calm",
  "Negative.",
  "INV-2024-0193",
  "An id that starts with the time it was made, so sorting ids sorts them by age.",
  "Red Bean, Olympus Grounds, The Dusty Cup.",
  "He and I went to the store yesterday.",
];

/** Metadata as callers attach it with the cf-aig-metadata header: small flat objects. */
export function metadataFor(draw: number): string {
  const users = ["u_123", "u_456", "u_789", "u_1024", "u_2048", "u_4096"];
  const envs = ["prod", "prod", "staging", "dev"];
  const kind = draw % 10;
  if (kind < 3) return "";
  const user = users[draw % users.length] as string;
  const env = envs[Math.floor(draw / 7) % envs.length] as string;
  if (kind < 7) return JSON.stringify({ user, env });
  if (kind < 9) return JSON.stringify({ user, env, feature: "summarize", attempt: (draw % 3) + 1 });
  return JSON.stringify({ team: "search", env, trace: true });
}
