import type { Random } from "./random.js";

const hexDigits = "0123456789abcdef";
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
// Ids are built as char codes and made into one flat string: concatenating pieces would leave
// a tree of string fragments per id, several times the memory of the id itself.
const codes = new Array<number>(36);

/** A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits, so ids sort by time. */
export function uuidv7(ms: number, random: Random): string {
  const time = Math.floor(ms);
  const high = Math.floor(time / 65536);
  const bytes = [
    (high >>> 24) & 0xff,
    (high >>> 16) & 0xff,
    (high >>> 8) & 0xff,
    high & 0xff,
    (time >>> 8) & 0xff,
    time & 0xff,
    0x70 | random.int(0, 0x0f),
    random.int(0, 0xff),
    0x80 | random.int(0, 0x3f),
  ];
  for (let i = 9; i < 16; i++) bytes.push(random.int(0, 0xff));
  let at = 0;
  for (const [i, byte] of bytes.entries()) {
    if (i === 4 || i === 6 || i === 8 || i === 10) codes[at++] = 45; // "-"
    codes[at++] = hexDigits.charCodeAt(byte >>> 4);
    codes[at++] = hexDigits.charCodeAt(byte & 0x0f);
  }
  return String.fromCharCode.apply(null, codes);
}

/** A ULID: 10 Crockford base32 characters of milliseconds, then 16 of randomness. */
export function ulid(ms: number, random: Random): string {
  const chars = new Array<number>(26);
  let time = Math.floor(ms);
  for (let i = 9; i >= 0; i--) {
    chars[i] = crockford.charCodeAt(time % 32);
    time = Math.floor(time / 32);
  }
  for (let i = 10; i < 26; i++) chars[i] = crockford.charCodeAt(random.int(0, 31));
  return String.fromCharCode.apply(null, chars);
}

/** Reads the time back out of a UUIDv7 or a ULID; undefined for any other id. */
export function timeOfId(id: string): number | undefined {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)) {
    return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
  }
  if (/^[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) {
    let time = 0;
    for (const char of id.slice(0, 10)) time = time * 32 + crockford.indexOf(char);
    return time;
  }
  return undefined;
}
