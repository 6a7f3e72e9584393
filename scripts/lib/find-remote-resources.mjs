// Matches what a browser would fetch on load: script and stylesheet/font links, CSS imports and url().
const loaders = [
  /<script\b[^>]*\bsrc=["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
  /<link\b[^>]*\bhref=["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
  /@import\s+(?:url\()?["']?((?:https?:)?\/\/[^"')\s;]+)/gi,
  /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi,
  // Renderers build <img src> in script: any CDN asset address in the page is a load waiting to happen.
  /["'`]((?:https?:)?\/\/cdn\.redoc(?:ly)?\.(?:ly|com)\/redoc\/[^"'`\s]+)/gi,
];

/** Lists the remote URLs an HTML page would load by itself (plain links are not loads). */
export function findRemoteResources(html) {
  const found = new Set();
  for (const pattern of loaders) {
    for (const match of html.matchAll(pattern)) found.add(match[1]);
  }
  return [...found].sort();
}
