/**
 * A plan of at least `minLines` lines, built from repeated numbered chapters: headings, prose,
 * stack and risk tables, box diagrams, code in several languages and task lists. Real plans
 * reach 5,000 lines; generating one keeps the repository small and the content predictable.
 */
export function longPlan(minLines = 5_000): string {
	const lines = [
		'# Telemetry Platform: Research and Build Plan',
		'',
		'**Version**: 3.0',
		'**Date**: 2026-01-15',
		'**Status**: Draft',
		'',
	];
	for (let chapter = 1; lines.length < minLines; chapter++) lines.push(...planChapter(chapter));
	return `${lines.join('\n')}\n`;
}

const LANGUAGES = [
	'rust',
	'sql',
	'yaml',
	'json',
	'bash',
	'typescript',
	'go',
	'python',
	'toml',
	'http',
	'graphql',
];

function planChapter(chapter: number): string[] {
	const area = `Area ${chapter}`;
	const language = LANGUAGES[chapter % LANGUAGES.length]!;
	return [
		`## ${chapter}. ${area}`,
		'',
		`This chapter covers ${area.toLowerCase()}: what it stores, how it scales and what can go wrong.`,
		'',
		`### ${chapter}.1 Components`,
		'',
		'| Component | Technology | Version | Purpose |',
		'|-----------|------------|---------|---------|',
		`| **Ingest ${chapter}** | Tokio | 1.${chapter % 40}+ | Async I/O |`,
		`| **Store ${chapter}** | TimescaleDB | 2.${chapter % 20}+ | Time series |`,
		`| **Queue ${chapter}** | Redpanda | 24.${chapter % 3}+ | Buffering |`,
		'',
		`### ${chapter}.2 Data Flow`,
		'',
		'```',
		'┌──────────────┐     ┌──────────────┐',
		`│  Ingest ${String(chapter).padStart(3)}  │────►│  Store ${String(chapter).padStart(3)}   │`,
		'└──────┬───────┘     └──────────────┘',
		'       │',
		'       ▼',
		'┌──────────────┐',
		'│    Queue     │',
		'└──────────────┘',
		'```',
		'',
		`### ${chapter}.3 Example`,
		'',
		`\`\`\`${language}`,
		`// chapter ${chapter}: ${language} example`,
		`handle(event_${chapter}, retries = 3)`,
		'```',
		'',
		`### ${chapter}.4 Risks`,
		'',
		'| Risk | Likelihood | Impact | Mitigation |',
		'|------|------------|--------|------------|',
		`| Backlog in area ${chapter} | Medium | High | Autoscale consumers |`,
		`| Schema drift in area ${chapter} | Low | Medium | Contract tests |`,
		'',
		`### ${chapter}.5 Checklist`,
		'',
		`- [x] Design reviewed for area ${chapter}`,
		`- [ ] Load test for area ${chapter}`,
		'',
	];
}
