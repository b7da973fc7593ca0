/**
 * A strict, allocation-free JSON validator over UTF-8 bytes (RFC 8259 grammar). Pure.
 * why: the relay must know that a frame is exactly one JSON value, but it never needs the value
 * itself. `JSON.parse` answers that too, at the price of decoding the bytes to a string and building
 * every object, array and string of the value; this scanner only walks the bytes.
 *
 * It checks the grammar only. Byte sequences ≥ 0x80 inside strings are accepted as they are: `ws`
 * has already refused any text frame that is not valid UTF-8 (its `skipUTF8Validation` is off on
 * both sides of the bridge), and outside strings such bytes are a grammar error.
 */

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Container kinds on the scanner's stack. */
const IN_OBJECT = 1;
const IN_ARRAY = 2;

/** The scanner's stack of open containers, shared (the scanner is synchronous) and grown on demand. */
let stack = new Uint8Array(64);

/** `true` for the JSON whitespace bytes (space, tab, LF, CR) — and nothing else, not even a BOM. */
function isSpace(b: number): boolean {
  return b === SPACE || b === LF || b === CR || b === TAB;
}

function isDigit(b: number): boolean {
  return b >= ZERO && b <= NINE;
}

function isHex(b: number): boolean {
  return (b >= ZERO && b <= NINE) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

/** Bytes that end the fast part of a string: the quote, the backslash and the control characters. */
const STRING_STOP = new Uint8Array(256);
for (let b = 0; b < SPACE; b++) STRING_STOP[b] = 1;
STRING_STOP[QUOTE] = 1;
STRING_STOP[BACKSLASH] = 1;

/** Index after the string whose opening quote is at `i - 1`, or -1 when it is not a valid string. */
function scanString(buf: Uint8Array, i: number, end: number): number {
  for (;;) {
    while (i < end && STRING_STOP[buf[i] as number] === 0) i++;
    if (i >= end) return -1;
    const b = buf[i++] as number;
    if (b === QUOTE) return i;
    if (b !== BACKSLASH) return -1; // raw control characters (including newlines) are not allowed in strings
    if (i >= end) return -1;
    const e = buf[i++] as number;
    if (e === 0x75 /* u */) {
      if (i + 4 > end) return -1;
      if (!isHex(buf[i] as number) || !isHex(buf[i + 1] as number) || !isHex(buf[i + 2] as number) || !isHex(buf[i + 3] as number)) return -1;
      i += 4;
    } else if (
      e !== QUOTE && e !== BACKSLASH && e !== 0x2f /* / */ && e !== 0x62 /* b */ && e !== 0x66 /* f */ &&
      e !== 0x6e /* n */ && e !== 0x72 /* r */ && e !== 0x74 /* t */
    ) {
      return -1;
    }
  }
}

/** Index after the number starting at `i`, or -1. */
function scanNumber(buf: Uint8Array, i: number, end: number): number {
  if (buf[i] === MINUS) i++;
  if (i >= end) return -1;
  let b = buf[i] as number;
  if (b === ZERO) {
    i++;
  } else if (b > ZERO && b <= NINE) {
    i++;
    while (i < end && isDigit(buf[i] as number)) i++;
  } else {
    return -1;
  }
  if (i < end && buf[i] === DOT) {
    i++;
    if (i >= end || !isDigit(buf[i] as number)) return -1;
    while (i < end && isDigit(buf[i] as number)) i++;
  }
  b = i < end ? (buf[i] as number) : 0;
  if (b === 0x65 /* e */ || b === 0x45 /* E */) {
    i++;
    if (i < end && (buf[i] === PLUS || buf[i] === MINUS)) i++;
    if (i >= end || !isDigit(buf[i] as number)) return -1;
    while (i < end && isDigit(buf[i] as number)) i++;
  }
  return i;
}

/** Index after the literal `word` (true/false/null) at `i`, or -1. */
function scanLiteral(buf: Uint8Array, i: number, end: number, word: string): number {
  if (i + word.length > end) return -1;
  for (let k = 0; k < word.length; k++) if (buf[i + k] !== word.charCodeAt(k)) return -1;
  return i + word.length;
}

/**
 * True when `buf[start, end)` is exactly one JSON value, optionally surrounded by JSON whitespace —
 * the same texts `JSON.parse` accepts — and, with `objectOnly`, when that value is an object.
 */
export function isJsonText(buf: Uint8Array, start = 0, end = buf.length, objectOnly = false): boolean {
  let i = start;
  while (i < end && isSpace(buf[i] as number)) i++;
  if (i >= end) return false;
  if (objectOnly && buf[i] !== OPEN_BRACE) return false;
  let depth = 0;
  // Each iteration reads one value at `i` (after whitespace), then what follows it.
  for (;;) {
    // --- a value ---
    const b = buf[i] as number;
    if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (depth === stack.length) {
        const grown = new Uint8Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      stack[depth++] = b === OPEN_BRACE ? IN_OBJECT : IN_ARRAY;
      i++;
      while (i < end && isSpace(buf[i] as number)) i++;
      if (i >= end) return false;
      const c = buf[i] as number;
      if (b === OPEN_BRACE) {
        if (c === CLOSE_BRACE) {
          depth--;
          i++;
        } else {
          // first key
          if (c !== QUOTE) return false;
          i = scanString(buf, i + 1, end);
          if (i < 0) return false;
          while (i < end && isSpace(buf[i] as number)) i++;
          if (i >= end || buf[i] !== COLON) return false;
          i++;
          while (i < end && isSpace(buf[i] as number)) i++;
          if (i >= end) return false;
          continue; // the member's value
        }
      } else if (c === CLOSE_BRACKET) {
        depth--;
        i++;
      } else {
        continue; // the first element
      }
    } else if (b === QUOTE) {
      i = scanString(buf, i + 1, end);
    } else if (b === MINUS || isDigit(b)) {
      i = scanNumber(buf, i, end);
    } else if (b === 0x74 /* t */) {
      i = scanLiteral(buf, i, end, 'true');
    } else if (b === 0x66 /* f */) {
      i = scanLiteral(buf, i, end, 'false');
    } else if (b === 0x6e /* n */) {
      i = scanLiteral(buf, i, end, 'null');
    } else {
      return false;
    }
    if (i < 0) return false;
    // --- after a complete value: close containers, or go on to the next member/element ---
    for (;;) {
      while (i < end && isSpace(buf[i] as number)) i++;
      if (depth === 0) return i === end;
      if (i >= end) return false;
      const c = buf[i++] as number;
      const kind = stack[depth - 1];
      if (c === COMMA) {
        while (i < end && isSpace(buf[i] as number)) i++;
        if (i >= end) return false;
        if (kind === IN_OBJECT) {
          if (buf[i] !== QUOTE) return false;
          i = scanString(buf, i + 1, end);
          if (i < 0) return false;
          while (i < end && isSpace(buf[i] as number)) i++;
          if (i >= end || buf[i] !== COLON) return false;
          i++;
          while (i < end && isSpace(buf[i] as number)) i++;
          if (i >= end) return false;
        }
        break; // the next value
      }
      if ((c === CLOSE_BRACE && kind === IN_OBJECT) || (c === CLOSE_BRACKET && kind === IN_ARRAY)) {
        depth--;
        continue;
      }
      return false;
    }
  }
}
