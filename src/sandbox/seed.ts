import { uuidv7, ulid } from "./ids.js";
import { createRandom, type Random } from "./random.js";
import {
  metadataFor,
  modelProfiles,
  requestTypes,
  userAgents,
  type ModelProfile,
} from "./seed-data.js";
import { StoredLog } from "./stored-log.js";

const dayMs = 24 * 60 * 60 * 1000;
const spreadMs = 7 * dayMs;
// Logs older than this get ULIDs, as logs written before Cloudflare moved to UUIDv7 ids do.
const ulidAgeMs = 5 * dayMs;
const totalWeight = modelProfiles.reduce((sum, p) => sum + p.weight, 0);
// Shared strings: a million logs must not hold a million copies of the same metadata.
const metadataPool = Array.from({ length: 240 }, (_, i) => metadataFor(i));

/** `count` logs spread over the 7 days before `nowMs`, oldest first; the same seed gives the same logs. */
export function seedLogs(count: number, seed: number, nowMs: number): StoredLog[] {
  const random = createRandom(seed);
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) times[i] = Math.floor(nowMs - random.next() * spreadMs);
  times.sort();
  const logs = new Array<StoredLog>(count);
  for (let i = 0; i < count; i++) logs[i] = generateLog(random, times[i] as number, nowMs);
  return logs;
}

/** One realistic log created at `createdMs`. */
export function generateLog(random: Random, createdMs: number, nowMs: number): StoredLog {
  const profile = pickProfile(random);
  const failed = random.chance(0.02);
  const status = failed ? random.pick([429, 429, 500, 503, 400]) : 200;
  const cached = !failed && profile.modelType !== "image" && random.chance(0.15);
  const streamed = !failed && !cached && profile.modelType === "chat" && random.chance(0.25);
  const [tokensIn, tokensOut] =
    failed || random.chance(0.03) ? [null, null] : drawTokens(random, profile);
  const compat = profile.modelType === "chat" && random.chance(0.1);
  const universal = random.pick(requestTypes) === "universal";
  return new StoredLog({
    id: nowMs - createdMs > ulidAgeMs ? ulid(createdMs, random) : uuidv7(createdMs, random),
    createdMs,
    provider: profile.provider,
    model: profile.model,
    model_type: profile.modelType,
    // The OpenAI-compatible endpoint is chat/completions whatever the provider.
    path: compat ? "chat/completions" : profile.path,
    duration: drawDuration(random, profile, status, cached),
    success: !failed,
    cached,
    tokens_in: tokensIn,
    tokens_out: tokensOut,
    cost: failed || cached ? 0 : priceOf(profile, tokensIn, tokensOut),
    custom_cost: random.chance(0.01),
    metadata: random.pick(metadataPool),
    request_content_type: "application/json",
    response_content_type: responseTypeOf(profile, status, streamed),
    request_type: universal ? "universal" : "provider",
    status_code: status,
    step: universal && random.chance(0.2) ? 1 : 0,
    event_id: null,
    user_agent: random.pick(userAgents),
    authentication: random.chance(0.35),
    wholesale: random.chance(0.05),
    compatibilityMode: compat,
    dlp_action: random.chance(0.97) ? null : random.pick(["FLAG", "FLAG", "BLOCK"]),
    feedback: random.chance(0.08) ? random.pick([-1, 1, 1, 0]) : null,
    score: random.chance(0.04) ? random.int(0, 100) : null,
    payloadStored: !random.chance(0.05),
  });
}

function pickProfile(random: Random): ModelProfile {
  let left = random.next() * totalWeight;
  for (const profile of modelProfiles) {
    left -= profile.weight;
    if (left < 0) return profile;
  }
  return modelProfiles[0] as ModelProfile;
}

function logNormal(random: Random, median: number, spread: number, min: number, max: number) {
  const value = Math.round(median * Math.exp(spread * random.normal()));
  return Math.min(max, Math.max(min, value));
}

function drawTokens(random: Random, profile: ModelProfile): [number | null, number | null] {
  if (profile.modelType === "image") return [null, null];
  const tokensIn = logNormal(random, profile.modelType === "chat" ? 350 : 120, 0.9, 3, 16000);
  if (profile.modelType === "embedding") return [tokensIn, 0];
  return [tokensIn, logNormal(random, 180, 0.8, 1, 4096)];
}

function drawDuration(random: Random, p: ModelProfile, status: number, cached: boolean): number {
  if (cached) return random.int(3, 40);
  if (status === 429 || status === 400) return random.int(15, 160);
  if (status >= 500) return logNormal(random, 4000, 0.8, 200, 60000);
  return logNormal(random, p.medianMs, 0.5, 30, 120000);
}

function priceOf(p: ModelProfile, tokensIn: number | null, tokensOut: number | null): number {
  if (p.perImage !== undefined) return p.perImage;
  const cost = ((tokensIn ?? 0) * p.inputPerMillion + (tokensOut ?? 0) * p.outputPerMillion) / 1e6;
  return Math.round(cost * 1e10) / 1e10;
}

function responseTypeOf(profile: ModelProfile, status: number, streamed: boolean): string {
  if (status === 503) return "text/plain";
  if (status !== 200) return "application/json";
  if (profile.modelType === "image") return "image/png";
  return streamed ? "text/event-stream" : "application/json";
}
