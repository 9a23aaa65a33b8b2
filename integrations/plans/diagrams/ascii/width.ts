/**
 * How many grid cells a code point takes, as a terminal would draw it (a small wcwidth).
 * Authors align their drawings in editors that follow the same rules, so matching them
 * is what keeps the box after a CJK label or an emoji in the right column.
 */

const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;
const EMOJI_WIDE = /\p{Emoji_Presentation}/u;

// East Asian Wide and Fullwidth blocks (Unicode 15, coarse but enough for real plans).
const WIDE_RANGES = [
	0x1100, 0x115f, 0x2329, 0x232a, 0x2e80, 0x303e, 0x3041, 0x33ff, 0x3400, 0x4dbf, 0x4e00, 0x9fff,
	0xa000, 0xa4cf, 0xa960, 0xa97f, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10, 0xfe19, 0xfe30, 0xfe6f,
	0xff00, 0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x18cff, 0x1b000, 0x1b2ff, 0x20000, 0x2fffd, 0x30000,
	0x3fffd,
];

/** 0, 1 or 2. Control characters are 0: the grid drops them. */
export function codePointWidth(cp: number): 0 | 1 | 2 {
	// Fast path: ASCII, Latin and the box-drawing / geometric-shapes blocks are what drawings are made of.
	if (cp < 0x300) return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 0 : 1;
	if (cp >= 0x2500 && cp <= 0x25ff) return 1;
	if (cp >= 0x1160 && cp <= 0x11ff) return 0; // conjoining Hangul vowels and finals
	for (let i = 0; i < WIDE_RANGES.length; i += 2) {
		if (cp < WIDE_RANGES[i]) break;
		if (cp <= WIDE_RANGES[i + 1]) return 2;
	}
	const ch = String.fromCodePoint(cp);
	if (ZERO_WIDTH.test(ch)) return 0;
	if (EMOJI_WIDE.test(ch)) return 2;
	return 1;
}

/** Variation selector 16 asks for emoji presentation, which terminals draw two cells wide. */
export const EMOJI_PRESENTATION_SELECTOR = 0xfe0f;
