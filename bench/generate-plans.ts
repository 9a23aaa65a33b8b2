// Writes N realistic technical plans (~750 lines each, following the template: 30+ tables,
// cost tables, 2–3 box diagrams, 1–2 Mermaid diagrams, SQL/JSON/GraphQL fences), the same
// plans for the same seed. Used by `npm run bench`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small, fast, seedable PRNG, so a seed always gives the same plans. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const DOMAINS = [
	'Checkout',
	'Identity',
	'Search',
	'Billing',
	'Inventory',
	'Shipping',
	'Notifications',
	'Reporting',
	'Ledger',
	'Catalog',
	'Pricing',
	'Reviews',
	'Loyalty',
	'Fraud',
	'Payouts',
	'Media',
];
const NOUNS = ['Service', 'Platform', 'Pipeline', 'Gateway', 'Store', 'Engine', 'Hub', 'API'];
const LANGUAGES = [
	['Go', '1.22', '1.23'],
	['TypeScript', '5.4', '5.6'],
	['Kotlin', '1.9', '2.0'],
	['Python', '3.11', '3.12'],
	['Rust', '1.79', '1.82'],
] as const;
const DATABASES = [
	['PostgreSQL', '15', '16'],
	['MySQL', '8.0', '8.4'],
	['MongoDB', '6', '7'],
] as const;
const CACHES = [
	['Redis', '6.2', '7.2'],
	['Memcached', '1.6', '1.6'],
] as const;
const FRONTENDS = [
	['React', '18', '19'],
	['Vue', '3.4', '3.5'],
	['Svelte', '4', '5'],
] as const;
const STATUSES = ['Draft', 'In Review', 'Approved'];
const OWNERS = [
	'Ana Lima',
	'Bo Chen',
	'Cy Park',
	'Dana Ruiz',
	'Eli Novak',
	'Fay Osei',
	'Gus Berg',
	'Hana Sato',
];
const LEVELS = ['Low', 'Medium', 'High'];

export interface GeneratedPlan {
	path: string;
	text: string;
}

/** One plan. `index` and `seed` decide everything in it. */
export function generatePlan(index: number, seed = 1): GeneratedPlan {
	const rand = random(seed * 100_003 + index);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
	const int = (low: number, high: number) => low + Math.floor(rand() * (high - low + 1));
	const domain = `${pick(DOMAINS)} ${pick(NOUNS)}`;
	const name = `${domain} ${index}`;
	const slug = name.toLowerCase().replace(/\s+/g, '-');
	const folder = ['payments', 'platform', 'growth', 'core', 'data'][index % 5]!;
	const [language, ...languageVersions] = pick(LANGUAGES);
	const [database, ...databaseVersions] = pick(DATABASES);
	const [cache, ...cacheVersions] = pick(CACHES);
	const [frontend, ...frontendVersions] = pick(FRONTENDS);
	const service = domain.replace(/\s+/g, '');
	const lines: string[] = [];
	const add = (...more: string[]) => lines.push(...more);
	const table = (header: string[], rows: string[][]) =>
		add(
			`| ${header.join(' | ')} |`,
			`|${header.map(() => '---').join('|')}|`,
			...rows.map((row) => `| ${row.join(' | ')} |`),
			'',
		);
	const paragraph = (words: number) => {
		const vocabulary = [
			'the',
			'service',
			'requests',
			'latency',
			'queue',
			'retries',
			'owners',
			'rollout',
			'schema',
			'cache',
			'events',
			'budget',
			'traffic',
			'region',
			'contract',
			'tenant',
			'index',
			'partition',
			'replica',
			'deadline',
		];
		const text = Array.from({ length: words }, () => pick(vocabulary)).join(' ');
		add(`${text[0]!.toUpperCase()}${text.slice(1)}.`, '');
	};
	const box = (title: string, boxes: string[]) => {
		const width = Math.max(...boxes.map((label) => label.length)) + 4;
		const row = (label: string) => `│ ${label.padEnd(width - 2)} │`;
		add(
			'```',
			`${title}`,
			...boxes.flatMap((label, i) => [
				`┌${'─'.repeat(width)}┐`,
				row(label),
				`└${'─'.repeat(width)}┘`,
				...(i < boxes.length - 1 ? [`${' '.repeat(width / 2)}│`, `${' '.repeat(width / 2)}▼`] : []),
			]),
			'```',
			'',
		);
	};
	const month = (offset: number) =>
		`2026-${String(((index + offset) % 12) + 1).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;

	add(
		`# Technical Plan: ${name}`,
		'',
		`**Version**: 1.${int(0, 9)}`,
		`**Date**: ${month(0)}`,
		`**Status**: ${pick(STATUSES)}`,
		`**Based on Spec**: [SPEC-${index}](https://example.com/specs/${slug})`,
		'',
		'---',
		'',
	);
	add('## Executive Summary', '');
	paragraph(60);
	paragraph(40);
	add('## Architecture Overview', '', '### System Architecture', '');
	box('', ['Clients (web, mobile)', `${service} API`, `${database} primary`]);
	paragraph(30);
	add(
		'### Architecture Style',
		'',
		`- **Pattern**: modular monolith with an outbox`,
		`- **Communication**: REST outside, events inside`,
		`- **Deployment**: containers on Kubernetes`,
		'',
	);
	add(
		'```mermaid',
		'flowchart LR',
		`  client${index}[Client] --> api${index}(${service} API)`,
		`  api${index} --> db${index}[(${database})]`,
		`  api${index} --> cache${index}[(${cache})]`,
		`  api${index} -- events --> bus${index}{{Event bus}}`,
		'```',
		'',
	);
	add('## Technology Stack', '');
	for (const [layer, rows] of [
		[
			'Frontend',
			[
				['Framework', frontend, `${pick(frontendVersions)}.x`],
				['Build Tool', 'Vite', '5.x'],
				['State', 'TanStack Query', '5.x'],
			],
		],
		[
			'Backend',
			[
				['Language', language, pick(languageVersions)],
				['HTTP', 'chi', '5.x'],
				['Auth', 'OIDC + JWT', '-'],
			],
		],
		[
			'Database',
			[
				['Primary DB', database, pick(databaseVersions)],
				['Cache', cache, pick(cacheVersions)],
				['Search', 'OpenSearch', '2.x'],
			],
		],
		[
			'Infrastructure',
			[
				['Cloud Provider', 'AWS', '-'],
				['Orchestration', 'Kubernetes', '1.30'],
				['CI/CD', 'GitHub Actions', '-'],
			],
		],
	] as const) {
		add(`### ${layer}`, '');
		table(
			['Component', 'Technology', 'Version', 'Rationale', 'Research'],
			rows.map((row) => [...row, 'Team knows it; fits the load', 'Internal benchmark']),
		);
	}
	add('### Third-Party Services', '');
	table(
		['Service', 'Purpose', 'Cost Model', 'Research'],
		[
			['Stripe', 'Payments', 'Transaction %', 'Comparison'],
			['SendGrid', 'Email', 'Per email', 'Comparison'],
			['Cloudflare', 'CDN + DDoS', 'Free tier available', 'Benchmarks'],
		],
	);
	add('## Component Design', '');
	for (let component = 1; component <= 4; component++) {
		add(
			`### Component ${component}: ${pick(['Gateway', 'Worker', 'Scheduler', 'Projector', 'Reconciler'])} ${component}`,
			'',
		);
		paragraph(35);
		table(
			['Responsibility', 'Input', 'Output'],
			[
				['Validate', 'HTTP request', 'Command'],
				['Persist', 'Command', 'Row + outbox event'],
				['Publish', 'Outbox event', 'Bus message'],
			],
		);
		add(
			'```json',
			'{',
			`  "id": "${slug}-${component}",`,
			`  "retries": ${int(1, 5)},`,
			`  "timeoutMs": ${int(100, 2000)},`,
			'  "tags": ["bench", "generated"]',
			'}',
			'```',
			'',
		);
	}
	add('## Data Architecture', '', '### Data Models', '');
	for (let entity = 1; entity <= 3; entity++) {
		add(
			`#### Entity: ${service}Record${entity}`,
			'',
			'```sql',
			`CREATE TABLE ${slug.replace(/-/g, '_')}_${entity} (`,
			'  id UUID PRIMARY KEY,',
			'  tenant_id UUID NOT NULL,',
			`  amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),`,
			'  status TEXT NOT NULL,',
			'  created_at TIMESTAMPTZ NOT NULL DEFAULT now()',
			');',
			`CREATE INDEX ON ${slug.replace(/-/g, '_')}_${entity} (tenant_id, created_at);`,
			'```',
			'',
		);
		table(
			['Field', 'Type', 'Notes'],
			[
				['id', 'UUID', 'v7'],
				['tenant_id', 'UUID', 'partition key'],
				['amount_cents', 'BIGINT', 'minor units'],
				['status', 'TEXT', 'state machine'],
			],
		);
	}
	add('### Data Flow', '');
	box('', ['Request', 'Validation', 'Outbox write', 'Relay', 'Consumers']);
	add('### Data Retention & Privacy', '');
	table(
		['Data Type', 'Retention Period', 'Privacy Level', 'Compliance'],
		[
			['Orders', '7 years', 'High', 'Tax law'],
			['Logs', '30 days', 'Medium', 'GDPR Art. 5'],
			['Analytics', '13 months', 'Anonymous', 'N/A'],
		],
	);
	add('## API Design', '', '### REST Endpoints', '');
	table(
		['Method', 'Path', 'Purpose', 'Auth'],
		Array.from({ length: 6 }, (_, i) => [
			pick(['GET', 'POST', 'PUT', 'DELETE']),
			`/api/v1/${slug}/${i}`,
			'Resource operation',
			'JWT',
		]),
	);
	add(
		'### GraphQL Schema',
		'',
		'```graphql',
		`type ${service}Record {`,
		'  id: ID!',
		'  status: String!',
		'  amountCents: Int!',
		'}',
		'',
		'type Query {',
		`  record(id: ID!): ${service}Record`,
		'}',
		'```',
		'',
	);
	add('## Security Architecture', '', '### Authentication Flow', '');
	add(
		'```mermaid',
		'sequenceDiagram',
		`  participant U as User ${index}`,
		'  participant G as Gateway',
		'  participant I as Identity',
		'  U->>G: request + token',
		'  G->>I: introspect',
		'  I-->>G: active',
		'  G-->>U: 200',
		'```',
		'',
	);
	add('### Security Measures', '');
	table(
		['Layer', 'Measure', 'Implementation'],
		[
			['Transport', 'TLS 1.3', 'ALB policy'],
			['Input', 'Validation', 'Schema checks'],
			['Storage', 'Encryption at rest', 'KMS'],
			['Secrets', 'Vault', 'AWS Secrets Manager'],
		],
	);
	add('## Performance & Scalability', '', '### Performance Targets', '');
	table(
		['Metric', 'Target', 'Measurement', 'Strategy'],
		[
			['API Latency', `<${int(80, 300)}ms p95`, 'APM', 'Caching'],
			['Throughput', `${int(200, 5000)} req/s`, 'Load test', 'Horizontal scaling'],
			['Error rate', '<0.1%', 'SLO dashboard', 'Retries'],
		],
	);
	add('### Scalability Strategy', '');
	table(
		['Dimension', 'Approach', 'Trigger'],
		[
			['Compute', 'HPA on CPU', '70% CPU'],
			['Database', 'Read replicas', '60% CPU'],
			['Cache', 'Cluster mode', '75% memory'],
		],
	);
	add('## Reliability & Monitoring', '', '### Availability Target', '');
	table(
		['Tier', 'SLO', 'Error budget'],
		[
			['API', '99.9%', '43 min/month'],
			['Batch', '99.5%', '3.6 h/month'],
		],
	);
	add('### Monitoring & Observability', '');
	table(
		['Layer', 'Tool', 'Metrics', 'Alerts'],
		[
			['Infrastructure', 'Prometheus', 'CPU, memory', '>80%'],
			['Application', 'Grafana Tempo', 'Latency', 'p95 > target'],
			['Logs', 'Loki', 'Errors', 'Spike'],
		],
	);
	add('## Deployment Strategy', '', '### Environments', '');
	table(
		['Environment', 'Purpose', 'Data'],
		[
			['dev', 'Daily work', 'Synthetic'],
			['staging', 'Release candidate', 'Masked copy'],
			['production', 'Customers', 'Real'],
		],
	);
	add('### CI/CD Pipeline', '');
	box('', ['Push', 'Build + test', 'Image scan', 'Deploy staging', 'Deploy production']);
	add('## Testing Strategy', '', '### Test Types', '');
	table(
		['Type', 'Tool', 'Coverage Target', 'What We Test'],
		[
			['Unit', 'go test', '>80%', 'Logic'],
			['Integration', 'testcontainers', '>60%', 'DB + bus'],
			['E2E', 'Playwright', 'Critical paths', 'Journeys'],
		],
	);
	for (let section = 1; section <= 16; section++) {
		add(`## Appendix ${section}: Notes`, '');
		paragraph(50);
		table(
			['Item', 'Decision', 'Owner'],
			Array.from({ length: 4 }, (_, i) => [
				`Item ${section}.${i}`,
				pick(['Keep', 'Change', 'Drop']),
				pick(OWNERS),
			]),
		);
		add(
			`- ${pick(['Follow-up', 'Caveat', 'Note'])}: ${pick(['measure again', 'ask security', 'confirm budget'])}`,
			`- Link: [spec](https://example.com/${slug}/${section})`,
			'',
		);
	}
	add('## Risks & Mitigations', '');
	table(
		['Risk', 'Likelihood', 'Impact', 'Mitigation', 'Owner'],
		Array.from({ length: 5 }, (_, i) => [
			`Risk ${i + 1} of ${name}`,
			pick(LEVELS),
			pick([...LEVELS, 'Critical']),
			'Circuit breaker, runbook',
			pick(OWNERS),
		]),
	);
	add('## Dependencies & Prerequisites', '', '### External Dependencies', '');
	table(
		['Dependency', 'Status', 'Deadline', 'Risk'],
		[
			['Vendor API access', 'In progress', month(1), 'Medium'],
			['Cloud account', 'Done', month(0), 'Low'],
		],
	);
	add('### Team Dependencies', '');
	table(
		['Team', 'Deliverable', 'Deadline', 'Status'],
		[
			['Security', 'Threat model review', month(1), 'Planned'],
			['Platform', 'Cluster', month(2), 'In progress'],
		],
	);
	const compute = int(80, 900);
	const db = int(100, 1200);
	const cacheCost = int(20, 300);
	const cdn = int(10, 200);
	const monitoring = int(50, 400);
	add('## Cost Estimation', '', '### Infrastructure Costs (Monthly)', '');
	table(
		['Component', 'Service', 'Usage', 'Cost'],
		[
			['Compute', 'AWS EC2', `${int(2, 12)} x m7g.large`, `$${compute}`],
			['Database', `RDS ${database}`, 'db.r7g.large', `$${db}`],
			['Cache', `ElastiCache ${cache}`, 'cache.t4g.medium', `$${cacheCost}`],
			['CDN', 'CloudFront', '1TB transfer', `$${cdn}`],
			['Monitoring', 'Grafana Cloud', `${int(5, 40)} hosts`, `$${monitoring}`],
			[
				'**Total**',
				'',
				'',
				`**$${(compute + db + cacheCost + cdn + monitoring).toLocaleString('en-US')}/mo**`,
			],
		],
	);
	add(
		'**Scaling Projection**:',
		`- 6 months: ~$${int(1, 3)},${int(100, 999)}/mo (2x traffic)`,
		`- 12 months: ~$${int(3, 8)},${int(100, 999)}/mo (5x traffic)`,
		'',
	);
	add('## Timeline & Milestones', '');
	table(
		['Milestone', 'Target Date', 'Deliverables', 'Success Criteria'],
		[
			['Architecture Approved', month(0), 'This document', 'Sign-off'],
			['MVP', month(2), 'Core flows', 'E2E green'],
			['Beta', month(4), 'Full feature set', 'Limited users'],
			['Launch', month(6), 'Production', 'SLO met'],
		],
	);
	add('## Open Questions', '');
	for (let question = 1; question <= 3; question++) {
		add(
			`${question}. **Question ${question} about ${name}?**`,
			`   - **Context**: ${pick(['cost', 'latency', 'compliance'])} matters here`,
			`   - **Options**: A vs B`,
			`   - **Decision Deadline**: ${month(question)}`,
			`   - **Owner**: ${pick(OWNERS)}`,
			'',
		);
	}
	add(
		'## Appendix',
		'',
		'### Glossary',
		'',
		`- **${service}**: the system this plan describes.`,
		'- **Outbox**: table of events written with the business data.',
		`- **SLO**: service level objective.`,
		'',
	);
	add(
		'### Related Plans',
		'',
		`- [Previous plan](../${['payments', 'platform', 'growth', 'core', 'data'][(index + 4) % 5]}/plan-${index - 1}.md#executive-summary)`,
		'',
	);
	add('## Review & Approval', '');
	table(
		['Stakeholder', 'Role', 'Status', 'Date', 'Comments'],
		[
			[pick(OWNERS), 'Tech Lead', '☐ Pending ☑ Approved ☐ Changes Requested', month(0), ''],
			[pick(OWNERS), 'Security', '☑ Pending ☐ Approved ☐ Changes Requested', '', ''],
		],
	);
	if (index === 0) lines.splice(lines.indexOf('### Related Plans'), 3);
	return { path: `${folder}/plan-${index}.md`, text: `${lines.join('\n')}\n` };
}

/** Writes plans `0 … count-1` into `dir`. */
export function writePlans(dir: string, count: number, seed = 1): void {
	for (let index = 0; index < count; index++) {
		const plan = generatePlan(index, seed);
		mkdirSync(join(dir, plan.path, '..'), { recursive: true });
		writeFileSync(join(dir, plan.path), plan.text);
	}
}
