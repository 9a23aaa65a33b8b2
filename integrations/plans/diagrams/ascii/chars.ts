/** The ASCII characters that drawings use as strokes and arrowheads, by code point. */
export const HYPHEN = 0x2d;
export const EQUALS = 0x3d;
export const UNDERSCORE_CHAR = 0x5f;
export const PIPE = 0x7c;
export const PLUS = 0x2b;
export const STAR = 0x2a;
export const SLASH_CHAR = 0x2f;
export const BACKSLASH_CHAR = 0x5c;
export const GREATER_THAN = 0x3e;
export const LESS_THAN = 0x3c;
export const LOWER_V = 0x76;
export const UPPER_V = 0x56;
export const CARET = 0x5e;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
