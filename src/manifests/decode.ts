/**
 * Manifest bytes → text, as kubectl reads them: a UTF-8 or UTF-16 byte-order mark is honoured (and
 * dropped), lone CR line endings are line breaks (YAML says so; classic Mac editors write them), and
 * bytes that are not valid UTF-8 are refused with the line they are on, instead of silently becoming
 * U+FFFD and planning a value nobody wrote. UTF-16 without a byte-order mark is refused too: nothing
 * says which byte order it is in, and kubectl cannot read it either.
 */
import { InputError } from './input-error.js';

const SAVE_AS_UTF8 = 'save the file as UTF-8';

export function decodeManifest(file: string, bytes: Uint8Array): string {
  const text = decodeBytes(file, bytes);
  // CRLF stays as it is (the YAML parser reads it); a CR alone becomes LF, so lines count as editors show them.
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

function decodeBytes(file: string, bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8(file, bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksLikeUtf16(bytes)) {
    throw new InputError(file, 1, undefined, 'looks like UTF-16 text without a byte-order mark, which cannot be read reliably', SAVE_AS_UTF8);
  }
  return utf8(file, bytes);
}

function utf8(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError(
      file,
      lineAt(bytes, at),
      undefined,
      `byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at} is not valid UTF-8`,
      SAVE_AS_UTF8,
    );
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** ASCII text in UTF-16 has a NUL in every other byte: YAML text never has NULs at all. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 2) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  return evenNul >= half * 0.75 || oddNul >= half * 0.75;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const [len, lo, hi] =
      c < 0x80
        ? [1, 0, 0]
        : c >= 0xc2 && c <= 0xdf
          ? [2, 0x80, 0xbf]
          : c === 0xe0
            ? [3, 0xa0, 0xbf]
            : c === 0xed
              ? [3, 0x80, 0x9f]
              : c >= 0xe1 && c <= 0xef
                ? [3, 0x80, 0xbf]
                : c === 0xf0
                  ? [4, 0x90, 0xbf]
                  : c >= 0xf1 && c <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : c === 0xf4
                      ? [4, 0x80, 0x8f]
                      : [0, 0, 0];
    if (len === 0) return i;
    if (len > 1) {
      const second = b[i + 1];
      if (second === undefined || second < lo || second > hi) return i;
      for (let k = 2; k < len; k++) {
        const next = b[i + k];
        if (next === undefined || next < 0x80 || next > 0xbf) return i;
      }
    }
    i += len;
  }
  return b.length;
}

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as one break each. */
function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a) line++;
    else if (b[i] === 0x0d && b[i + 1] !== 0x0a) line++;
  }
  return line;
}
