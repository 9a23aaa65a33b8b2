import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RowAnchors } from '../../integrations/plans/parse/anchors.ts';
import { approvalStatus } from '../../integrations/plans/parse/approvals.ts';
import { extractPlanFacts, type PlanFacts } from '../../integrations/plans/parse/facts.ts';
import { collectHeadings } from '../../integrations/plans/parse/headings.ts';
import { readPoint } from '../../integrations/plans/parse/scaling.ts';
import { majorVersion, splitVersion, technologyKey } from '../../integrations/plans/parse/technologies.ts';
import { parseMarkdown } from '../../integrations/plans/parse/tree.ts';

const factsOf = (markdown: string): PlanFacts => extractPlanFacts(parseMarkdown(markdown)).facts;
const template = readFileSync(new URL('../../../shared/seed/technical-plan-template.md', import.meta.url), 'utf8');
const corpus = (name: string) => factsOf(readFileSync(new URL(`../../../shared/corpus/real/${name}`, import.meta.url), 'utf8'));
const pick = <T extends object, K extends keyof T>(items: T[], ...keys: K[]) =>
	items.map((item) => Object.fromEntries(keys.filter((key) => item[key] !== undefined).map((key) => [key, item[key]])));

describe('plan facts from the template', () => {
	const facts = factsOf(template);

	it('reads every stack layer with versions, and third-party services', () => {
		const byLayer = Object.groupBy(facts.technologies, (technology) => technology.layer);
		expect(pick(byLayer.frontend!, 'name', 'version', 'major', 'component')).toEqual([
			{ name: 'React', version: '18.x', major: '18', component: 'Framework' },
			{ name: 'Redux', version: '5.x', major: '5', component: 'State Management' },
			{ name: 'Material-UI', version: '6.x', major: '6', component: 'UI Library' },
			{ name: 'Vite', version: '5.x', major: '5', component: 'Build Tool' },
		]);
		expect(byLayer.backend!.map((technology) => technology.name)).toEqual(['Python', 'FastAPI', 'REST', 'JWT + OAuth2']);
		expect(byLayer.database!.map((technology) => `${technology.key}@${technology.major}`)).toEqual(['postgresql@16', 'redis@7', 'elasticsearch@8']);
		expect(byLayer.infrastructure!.slice(0, 4).map((technology) => technology.name)).toEqual(['AWS', 'Docker', 'Kubernetes', 'GitHub Actions']);
		expect(pick(byLayer['third-party']!, 'name', 'rationale', 'costModel')).toEqual([
			{ name: 'Stripe', rationale: 'Payment processing', costModel: 'Transaction %' },
			{ name: 'SendGrid', rationale: 'Email delivery', costModel: 'Per email' },
			{ name: 'Cloudflare', rationale: 'CDN + DDoS', costModel: 'Free tier available' },
		]);
	});

	it('reads milestones, dependencies, performance targets and data retention', () => {
		expect(facts.milestones.map((milestone) => milestone.name)).toEqual(['Architecture Approved', 'Dev Environment Setup', 'MVP (Core Features)', 'Beta', 'Production Launch']);
		expect(facts.milestones[0]).toMatchObject({ target: 'Date', deliverables: 'This document', criteria: 'Stakeholder sign-off', anchor: 'milestone-architecture-approved' });
		expect(facts.milestones[0]!.dueDate).toBeUndefined();
		expect(pick(facts.dependencies, 'name', 'kind', 'status', 'risk', 'deliverable')).toEqual([
			{ name: 'Third-party API access', kind: 'external', status: 'In progress', risk: 'Medium' },
			{ name: 'Cloud account setup', kind: 'external', status: 'Blocked', risk: 'High' },
			{ name: 'Security', kind: 'team', status: 'Done', deliverable: 'Threat model review' },
			{ name: 'Platform', kind: 'team', status: 'In progress', deliverable: 'Kubernetes cluster' },
		]);
		expect(pick(facts.performanceTargets, 'metric', 'target')).toEqual([
			{ metric: 'API Latency', target: '<200ms p95' },
			{ metric: 'Database Query', target: '<50ms p95' },
			{ metric: 'Page Load', target: '<2s p95' },
			{ metric: 'Throughput', target: '1000 req/s' },
		]);
		expect(pick(facts.retention, 'dataType', 'period', 'privacy', 'compliance')).toEqual([
			{ dataType: 'User PII', period: 'Lifecycle', privacy: 'High', compliance: 'GDPR Article X' },
			{ dataType: 'Analytics', period: '90 days', privacy: 'Anonymous' },
		]);
	});

	it('reads open questions with their fields, the glossary, approvals and the scaling projection', () => {
		expect(facts.questions[0]).toMatchObject({
			question: 'Technical Question',
			context: 'Why this matters',
			options: 'Option A vs Option B',
			researchNeeded: 'Benchmarks, POC',
			deadline: 'Date',
			owner: 'Person',
			status: 'open',
			anchor: 'question-technical-question',
		});
		expect(facts.questions[1]).toMatchObject({ question: 'Next Question', status: 'open' });
		expect(pick(facts.glossary, 'term', 'definition')).toEqual([{ term: 'Technical Term', definition: 'Definition' }]);
		expect(pick(facts.approvals, 'name', 'role', 'status')).toEqual([
			{ role: 'Tech Lead', status: 'pending' },
			{ role: 'Architect', status: 'pending' },
			{ role: 'Security', status: 'pending' },
			{ role: 'DevOps', status: 'pending' },
		]);
		expect(facts.scaling.map(({ label, cost, note }) => [label, cost.kind === 'amount' && cost.monthlyLow, note])).toEqual([
			['6 months', 1200, '2x traffic'],
			['12 months', 2500, '5x traffic'],
		]);
	});

	it('gives every row a unique anchor that no heading has', () => {
		const tree = parseMarkdown(template);
		const headingIds = new Set(collectHeadings(tree).map((heading) => heading.id));
		const { nodes } = extractPlanFacts(tree);
		const anchors = [...nodes.rows.map((row) => row.anchor), ...nodes.costTables.map(({ table }) => table.anchor!)];
		expect(anchors.length).toBe(61);
		expect(new Set(anchors).size).toBe(anchors.length);
		expect(anchors.filter((anchor) => headingIds.has(anchor))).toEqual([]);
	});
});

describe('plan facts from real documents', () => {
	it('reads a stack table with bold components and 0.x versions (analytics-hub sparc plan)', () => {
		const { technologies, glossary, approvals } = corpus('LLM-Dev-Ops__analytics-hub__sparc-plan.md');
		expect(technologies.find((technology) => technology.name === 'Axum')).toMatchObject({ component: 'HTTP Server', version: '0.6+', major: '0.6' });
		expect(technologies.find((technology) => technology.name === 'Kubernetes' && technology.version)).toMatchObject({ version: '1.27+', major: '1' });
		expect(glossary.slice(0, 2).map(({ term, definition }) => [term, definition])).toEqual([
			['SPARC', 'Specification, Pseudocode, Architecture, Refinement, Completion'],
			['MAPE', 'Mean Absolute Percentage Error (forecasting accuracy metric)'],
		]);
		// Role | Name | Signature | Date with blanks: four reviewers, none signed yet.
		expect(pick(approvals, 'name', 'role', 'status')).toEqual([
			{ role: 'Project Manager', status: 'pending' },
			{ role: 'Technical Lead', status: 'pending' },
			{ role: 'Architect', status: 'pending' },
			{ role: 'Product Owner', status: 'pending' },
		]);
	});

	it('reads milestone tables with <br> lists in cells, and numbered dependency items (analytics-hub roadmap)', () => {
		const { milestones, dependencies } = corpus('LLM-Dev-Ops__analytics-hub__roadmap.md');
		expect(milestones[0]).toMatchObject({ name: 'M1: Event Ingestion Framework', target: 'Week 1-3', owner: 'Backend Team' });
		expect(milestones[0]!.deliverables!.split('\n')).toEqual(['- REST API for event submission', '- Schema validation', '- Message queue integration', '- Unit tests (80% coverage)']);
		expect(dependencies[0]).toMatchObject({ name: 'LLM-Observatory Event Format Specification', kind: 'external', deadline: 'Week 1', risk: 'High' });
		expect(dependencies.find((dependency) => dependency.kind === 'internal')).toMatchObject({ name: 'DevOps environment provisioning (Week 1)' });
	});

	it('reads questions written as list items, struck through, and as sub-headings', () => {
		const hmcts = corpus('hmcts__cath-service__ticket-334-plan.md').questions;
		expect(hmcts).toHaveLength(15);
		expect(hmcts[0]!.question).toMatch(/^Exact endpoint path: Is POST \/api\/v1\/pdda-html correct/);
		const rust = corpus('rust-lang__rfcs__3691-trusted-publishing-cratesio.md').questions;
		expect(rust.slice(0, 2).map((question) => question.status)).toEqual(['resolved', 'resolved']);
		// "Out of Scope" under Unresolved questions is not a question.
		expect(rust.some((question) => /^Provenance verification/.test(question.question))).toBe(false);
		const specKit = corpus('github__spec-kit__rfc-extension-system.md').questions;
		expect(specKit[0]).toMatchObject({ question: 'Should extensions declare required permissions?', anchor: '1-sandboxing--permissions-future' });
	});

	it('reads a scaling cost table and `**Name** — why` stack lists', () => {
		const dfe = corpus('oaknational__dfe-curriculum-ontology__architecture.md');
		expect(dfe.scaling.map(({ label, cost }) => [label, cost.kind === 'amount' && cost.monthlyLow])).toEqual([
			['Launch', 10],
			['Growth', 25],
			['Established', 155],
			['High Scale', 550],
		]);
		const acidias = corpus('Acidias__OpenAnalytics__architecture.md');
		expect(acidias.technologies[0]).toMatchObject({ name: 'Fastify', rationale: 'High throughput, low overhead' });
	});
});

describe('table shapes', () => {
	it('finds columns by name in any order and case, ignoring extra columns', () => {
		const { technologies } = factsOf('## Stack\n\n| Notes | VERSION | Extra | technology | Role |\n|---|---|---|---|---|\n| fast | v16 | x | Postgres | Primary DB |\n');
		expect(pick(technologies, 'name', 'key', 'version', 'major', 'component', 'rationale')).toEqual([
			{ name: 'Postgres', key: 'postgresql', version: 'v16', major: '16', component: 'Primary DB', rationale: 'fast' },
		]);
	});

	it('splits a version written in the technology cell, and keeps notes out of the version', () => {
		expect(splitVersion('PostgreSQL 16')).toEqual({ name: 'PostgreSQL', version: '16' });
		expect(splitVersion('React 18+')).toEqual({ name: 'React', version: '18+' });
		expect(splitVersion('Node.js v22 LTS')).toEqual({ name: 'Node.js', version: 'v22 LTS' });
		expect(splitVersion('Amazon S3')).toEqual({ name: 'Amazon S3' });
		const { technologies } = factsOf('| Technology | Version |\n|---|---|\n| Redis | managed |\n| Argon2id | m=64 MiB, t=3 |\n| Python | >= 3.11 |\n');
		expect(technologies.map((technology) => technology.version)).toEqual([undefined, undefined, '>= 3.11']);
	});

	it.each([
		['16.x', '16'],
		['16', '16'],
		['v16', '16'],
		['16.2.1', '16'],
		['0.109+', '0.109'],
		['^5.0', '5'],
		['latest', undefined],
	])('major version of %s is %s', (version, major) => {
		expect(majorVersion(version)).toBe(major);
	});

	it.each([
		['PostgreSQL', 'postgresql'],
		['Postgres', 'postgresql'],
		['postgres', 'postgresql'],
		['K8s', 'kubernetes'],
		['Node.js', 'node.js'],
		['NodeJS', 'node.js'],
		['Apache Kafka', 'kafka'],
		['Redis®', 'redis'],
		['PostgreSQL (Amazon RDS)', 'postgresql'],
		['Amazon EKS 1.31, dedicated node group', 'amazon eks'],
		['Node.js 22', 'node.js'],
	])('technology key of %s is %s', (name, key) => {
		expect(technologyKey(name)).toBe(key);
	});

	it('reads milestone target dates as due dates, and Phase tables only when dated in a timeline', () => {
		const { milestones } = factsOf(
			'## Timeline\n\n| Phase | Target | Owner |\n|---|---|---|\n| Pilot | Q2 2026 | Ops |\n| GA | March 2027 | Ops |\n| Beta | 2026-11-03 | Ops |\n| Later | Week 12 | Ops |\n\n## Migration\n\n| Phase | Steps |\n|---|---|\n| Read | Dual reads |\n',
		);
		expect(milestones.map(({ name, dueDate }) => [name, dueDate])).toEqual([
			['Pilot', '2026-06-30'],
			['GA', '2027-03-31'],
			['Beta', '2026-11-03'],
			['Later', undefined],
		]);
	});

	it('reads Term | Definition tables and `**Term** — definition` items in a glossary only', () => {
		const { glossary } = factsOf('## Notes\n\n- **Not**: a term\n\n## Glossary\n\n- **SLO** — Service level objective\n- **RPO**: Recovery point objective\n\n| Term | Meaning |\n|---|---|\n| WAL | Write-ahead log |\n');
		expect(glossary.map(({ term, definition, anchor }) => [term, definition, anchor])).toEqual([
			['SLO', 'Service level objective', 'term-slo'],
			['RPO', 'Recovery point objective', 'term-rpo'],
			['WAL', 'Write-ahead log', 'term-wal'],
		]);
	});

	it('reads a question table and checked-off task items as resolved', () => {
		const { questions } = factsOf(
			'## Open Questions\n\n- [x] Which queue? \n- [ ] Which region?\n\n| Question | Owner | Deadline | Status |\n|---|---|---|---|\n| Keep v1 API? | Ana | 2026-12-01 | Decided: yes |\n| Shard key? | Bo | Jan 15, 2027 | Open |\n',
		);
		expect(pick(questions, 'question', 'status', 'owner', 'dueDate')).toEqual([
			{ question: 'Which queue?', status: 'resolved' },
			{ question: 'Which region?', status: 'open' },
			{ question: 'Keep v1 API?', status: 'resolved', owner: 'Ana', dueDate: '2026-12-01' },
			{ question: 'Shard key?', status: 'open', owner: 'Bo', dueDate: '2027-01-15' },
		]);
	});
});

describe('approval status', () => {
	it.each([
		['☐ Pending ☐ Approved ☐ Changes Requested', undefined, 'pending'],
		['☐ Pending ☑ Approved ☐ Changes Requested', undefined, 'approved'],
		['☐ Pending ☐ Approved ☒ Changes Requested', undefined, 'changes-requested'],
		['[x] Approved', undefined, 'approved'],
		['✅ Approved', undefined, 'approved'],
		['Approved', undefined, 'approved'],
		['LGTM', undefined, 'approved'],
		['Changes requested', undefined, 'changes-requested'],
		['Pending', undefined, 'pending'],
		[undefined, 'J. Doe', 'approved'],
		[undefined, undefined, 'pending'],
	] as const)('%s (signature %s) is %s', (status, signature, expected) => {
		expect(approvalStatus(status, signature)).toBe(expected);
	});
});

describe('scaling projection lines', () => {
	it.each([
		['6 months: ~$1,200/mo (2x traffic)', { label: '6 months', monthly: 1200, note: '2x traffic' }],
		['12 months — €2.5k/month', { label: '12 months', monthly: 2500, note: undefined }],
		['Year 2: $30,000/yr at 10x', { label: 'Year 2', monthly: 2500, note: 'at 10x' }],
	])('%s', (line, expected) => {
		const point = readPoint(line)!;
		expect({ label: point.label, monthly: point.cost.kind === 'amount' ? point.cost.monthlyLow : NaN, note: point.note }).toEqual(expected);
	});

	it('ignores lines without an amount', () => {
		expect(readPoint('6 months: double the traffic')).toBeUndefined();
		expect(readPoint('no label $5')).toBeUndefined();
	});
});

describe('row anchors', () => {
	it('never reuse a heading id, and number repeats like headings', () => {
		const anchors = new RowAnchors(['risk-outage']);
		expect(anchors.claim('risk', 'Outage')).toBe('risk-outage-1');
		expect(anchors.claim('risk', 'Outage')).toBe('risk-outage-2');
		expect(anchors.claim('term', 'SLO')).toBe('term-slo');
		expect(anchors.claim('term', '')).toBe('term-row');
	});
});
