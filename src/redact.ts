const placeholder = "[redacted]";

/** Replaces every occurrence of each secret in a text; short or empty secrets are left alone. */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    // A secret of a few characters would blank out ordinary words; real tokens are long.
    if (secret.length >= 8) result = result.split(secret).join(placeholder);
  }
  return result;
}

/** A plain, secret-free copy of whatever was thrown, fit to keep as an error's `cause`. */
export function redactCause(cause: unknown, secrets: readonly string[]): unknown {
  if (cause === undefined || cause === null) return undefined;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    const nested = redactCause((cause as { cause?: unknown }).cause, secrets);
    return {
      name: cause.name,
      message: redactText(cause.message, secrets),
      ...(typeof code === "string" ? { code } : {}),
      ...(nested !== undefined ? { cause: nested } : {}),
    };
  }
  return redactText(String(cause), secrets);
}
