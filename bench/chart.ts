// npm run bench:chart — draws docs/bench-scaling.svg from bench/results/site.json: build time
// per plan at each size the bench ran (100 / 1000 / 10000), for this integration, plain Astro,
// Starlight and Starlight + rehype-mermaid: from nothing, cold and warm. Flat lines mean
// linear scaling.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Summary {
	seconds: number;
}
type Measured = Record<string, Record<string, Summary | undefined> | undefined>;
interface Results {
	sizes: Record<string, { measured: Measured }>;
}

const results = JSON.parse(
	readFileSync(fileURLToPath(new URL('results/site.json', import.meta.url)), 'utf8'),
) as Results;
const sizes = Object.keys(results.sizes)
	.map(Number)
	.sort((a, b) => a - b);

const SERIES = [
	{ site: 'plans', label: 'this integration', colour: '#0969da' },
	{ site: 'plain Astro', label: 'plain Astro 7', colour: '#6e7781' },
	{ site: 'Starlight', label: 'Starlight', colour: '#bf3989' },
	{ site: 'Starlight + rehype-mermaid', label: 'Starlight + rehype-mermaid', colour: '#bc4c00' },
];
type Site = (typeof SERIES)[number]['site'];
/** Each panel's case for each site it shows. */
const PANELS: Array<{ title: string; cases: Partial<Record<Site, string>> }> = [
	{
		title: 'From nothing (every diagram drawn)',
		cases: {
			plans: 'cold, all caches empty',
			'Starlight + rehype-mermaid': 'cold, all caches empty',
		},
	},
	{
		title: 'Cold build (Mermaid renders kept)',
		cases: {
			plans: 'cold, Mermaid cache kept',
			'plain Astro': 'cold, all caches empty',
			Starlight: 'cold, all caches empty',
		},
	},
	{
		title: 'Warm rebuild, nothing changed',
		cases: {
			plans: 'warm, nothing changed',
			'plain Astro': 'warm, nothing changed',
			Starlight: 'warm, nothing changed',
			'Starlight + rehype-mermaid': 'warm, nothing changed',
		},
	},
];

/** Milliseconds per plan of one site in one panel, by size; undefined where the bench has no figure. */
function perPlan(site: Site, panel: (typeof PANELS)[number]): Array<number | undefined> {
	const name = panel.cases[site];
	return sizes.map((size) => {
		const summary = name === undefined ? undefined : results.sizes[size]!.measured[site]?.[name];
		return summary ? (summary.seconds * 1000) / size : undefined;
	});
}

const WIDTH = 320;
const HEIGHT = 230;
const PLOT = { left: 58, right: 30, top: 34, bottom: 40 };

function panelSvg(panel: (typeof PANELS)[number], offset: number): string {
	const lines = SERIES.filter((series) => series.site in panel.cases).map((series) => ({
		...series,
		values: perPlan(series.site, panel),
	}));
	const top = Math.max(
		...lines.flatMap((line) => line.values.filter((value): value is number => value !== undefined)),
	);
	const yMax = niceCeiling(top);
	const x = (index: number) =>
		offset +
		PLOT.left +
		(sizes.length === 1 ? 0.5 : index / (sizes.length - 1)) * (WIDTH - PLOT.left - PLOT.right);
	const y = (value: number) => PLOT.top + (1 - value / yMax) * (HEIGHT - PLOT.top - PLOT.bottom);
	const parts = [`<text x="${offset + PLOT.left}" y="18" class="title">${panel.title}</text>`];
	for (const tick of [0, yMax / 2, yMax]) {
		parts.push(
			`<line x1="${offset + PLOT.left}" x2="${offset + WIDTH - PLOT.right}" y1="${y(tick)}" y2="${y(tick)}" class="grid"/>`,
		);
		parts.push(
			`<text x="${offset + PLOT.left - 6}" y="${y(tick) + 4}" class="tick" text-anchor="end">${round(tick)}</text>`,
		);
	}
	sizes.forEach((size, index) =>
		parts.push(
			`<text x="${x(index)}" y="${HEIGHT - PLOT.bottom + 16}" class="tick" text-anchor="middle">N=${size}</text>`,
		),
	);
	for (const line of lines) {
		const points = line.values.flatMap((value, index) =>
			value === undefined ? [] : [`${x(index).toFixed(1)},${y(value).toFixed(1)}`],
		);
		if (points.length > 1)
			parts.push(
				`<polyline points="${points.join(' ')}" fill="none" stroke="${line.colour}" stroke-width="2"/>`,
			);
		line.values.forEach((value, index) => {
			if (value !== undefined)
				parts.push(
					`<circle cx="${x(index).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3" fill="${line.colour}"><title>${line.label}, N=${sizes[index]}: ${round(value)} ms per plan</title></circle>`,
				);
		});
	}
	return parts.join('\n');
}

function niceCeiling(value: number): number {
	const step = 10 ** Math.floor(Math.log10(value));
	return Math.ceil(value / step) * step;
}

const round = (value: number) =>
	value >= 10 || value === 0 ? String(Math.round(value)) : value.toFixed(1);

/** A site the bench has no figure for at the largest size: it did not build, or was not run. */
const missingAtLargest = (site: Site) =>
	PANELS.every((panel) => perPlan(site, panel).at(-1) === undefined);
const legendLabel = (series: (typeof SERIES)[number]) =>
	missingAtLargest(series.site) ? `${series.label} (none at N=${sizes.at(-1)})` : series.label;
const TOTAL_WIDTH = WIDTH * PANELS.length;
const LEGEND_ROW = 18;
// Entries left to right, on a new row when the next one would not fit.
let legendX = PLOT.left;
let legendY = HEIGHT + 4;
const legend = SERIES.map((series) => {
	const label = legendLabel(series);
	// About 6.5 px a character at 12 px.
	const width = 18 + label.length * 6.5 + 24;
	if (legendX + width > TOTAL_WIDTH && legendX > PLOT.left) {
		legendX = PLOT.left;
		legendY += LEGEND_ROW;
	}
	const x = legendX;
	legendX += width;
	return `<rect x="${x}" y="${legendY}" width="12" height="12" fill="${series.colour}"/><text x="${x + 18}" y="${legendY + 10}" class="tick">${label}</text>`;
}).join('\n');
const totalHeight = legendY + LEGEND_ROW + 2;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${TOTAL_WIDTH} ${totalHeight}" width="${TOTAL_WIDTH}" height="${totalHeight}" role="img" aria-labelledby="chart-title">
<title id="chart-title">Build time per plan (ms) at ${sizes.map((size) => `N=${size}`).join(', ')}: this integration, plain Astro 7, Starlight and Starlight + rehype-mermaid</title>
<style>text{font:12px system-ui,sans-serif;fill:#1f2328}.title{font-weight:600}.tick{fill:#57606a}.grid{stroke:#d0d7de;stroke-width:1}</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="14" y="${PLOT.top + 70}" class="tick" transform="rotate(-90 14 ${PLOT.top + 70})" text-anchor="middle">ms per plan</text>
${PANELS.map((panel, index) => panelSvg(panel, index * WIDTH)).join('\n')}
${legend}
</svg>
`;
writeFileSync(fileURLToPath(new URL('../docs/bench-scaling.svg', import.meta.url)), svg);
console.log(`docs/bench-scaling.svg: ${sizes.length} sizes`);
