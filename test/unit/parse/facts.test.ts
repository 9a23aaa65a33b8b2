import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RowAnchors } from '#plans/parse/anchors.ts';
import { approvalStatus } from '#plans/parse/approvals.ts';
import { extractPlanFacts, type PlanFacts } from '#plans/parse/facts.ts';
import { collectHeadings } from '#plans/parse/headings.ts';
import { readPoint } from '#plans/parse/scaling.ts';
import { majorVersion, splitVersion, technologyKey } from '#plans/parse/technologies.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';

const factsOf = (markdown: string): PlanFacts => extractPlanFacts(parseMarkdown(markdown)).facts;
const fixturePlan = (path: string) =>
	readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const template = fixturePlan('template/technical-plan.md');
/** A small plan written here in the shape of a published one (see test/fixtures/real-shapes/). */
const realShape = (name: string) => factsOf(fixturePlan(`real-shapes/plans/${name}`));
const pick = <T extends object, K extends keyof T>(items: T[], ...keys: K[]) =>
	items.map((item) =>
		Object.fromEntries(
			keys.filter((key) => item[key] !== undefined).map((key) => [key, item[key]]),
		),
	);

describe('plan facts from the template-shaped plan', () => {
	const facts = factsOf(template);

	it('reads every stack layer with versions, and third-party services', () => {
		const byLayer = Object.groupBy(facts.technologies, (technology) => technology.layer);
		expect(pick(byLayer.frontend!, 'name', 'version', 'major', 'component')).toEqual([
			{ name: 'React', version: '19.x', major: '19', component: 'Framework' },
			{ name: 'TanStack Query', version: '5.x', major: '5', component: 'State Management' },
			{ name: 'Radix Primitives', version: '1.x', major: '1', component: 'UI Library' },
			{ name: 'Vite', version: '6.x', major: '6', component: 'Build Tool' },
		]);
		expect(byLayer.backend!.map((technology) => technology.name)).toEqual([
			'Python',
			'FastAPI',
			'REST',
			'OIDC + JWT',
		]);
		// In 0.x versions the minor is the breaking part; `-` is no version.
		expect(byLayer.backend!.map((technology) => technology.major)).toEqual([
			'3',
			'0.115',
			undefined,
			undefined,
		]);
		expect(byLayer.database!.map((technology) => `${technology.key}@${technology.major}`)).toEqual([
			'postgresql@16',
			'redis@7',
			'opensearch@2',
		]);
		expect(byLayer.infrastructure!.slice(0, 4).map((technology) => technology.name)).toEqual([
			'AWS',
			'Docker',
			'Amazon ECS',
			'GitHub Actions',
		]);
		expect(pick(byLayer['third-party']!, 'name', 'rationale', 'costModel')).toEqual([
			{ name: 'Twilio', rationale: 'SMS reminders', costModel: 'Per message' },
			{ name: 'Postmark', rationale: 'Transactional email', costModel: 'Per 1,000 emails' },
			{ name: 'Cloudflare', rationale: 'DNS and DDoS protection', costModel: 'Free plan' },
		]);
	});

	it('reads milestones, dependencies, performance targets and data retention', () => {
		expect(facts.milestones.map((milestone) => milestone.name)).toEqual([
			'Architecture Approved',
			'Staging Running',
			'First Warehouse Live',
			'All Warehouses Live',
			'Sheets Retired',
		]);
		expect(facts.milestones[0]).toMatchObject({
			target: '2026-02-20',
			deliverables: 'This document',
			criteria: 'Sign-off below',
			anchor: 'milestone-architecture-approved',
		});
		// A quarter ends on its last day; "Week 30" is no calendar date.
		expect(facts.milestones.map((milestone) => milestone.dueDate)).toEqual([
			'2026-02-20',
			'2026-03-13',
			'2026-06-30',
			undefined,
			'2026-09-30',
		]);
		expect(
			pick(facts.dependencies, 'name', 'kind', 'status', 'risk', 'deliverable', 'dueDate'),
		).toEqual([
			{
				name: 'Twilio sender registration',
				kind: 'external',
				status: 'In progress',
				risk: 'Medium',
				dueDate: '2026-03-02',
			},
			{
				name: 'AWS credits renewal',
				kind: 'external',
				status: 'Blocked',
				risk: 'High',
				dueDate: '2026-02-27',
			},
			{
				name: 'Security group',
				kind: 'team',
				status: 'Done',
				deliverable: 'Threat model review',
				dueDate: '2026-02-20',
			},
			{
				name: 'Operations',
				kind: 'team',
				status: 'In progress',
				deliverable: 'Warehouse contact lists',
				dueDate: '2026-03-13',
			},
		]);
		expect(pick(facts.performanceTargets, 'metric', 'target')).toEqual([
			{ metric: 'API Latency', target: '<250ms p95' },
			{ metric: 'Sign-up Commit', target: '<100ms p95' },
			{ metric: 'Calendar Load', target: '<1.5s p95 on 4G' },
			{ metric: 'Peak Sign-ups', target: '50 req/s' },
		]);
		// `N/A` is no compliance rule.
		expect(pick(facts.retention, 'dataType', 'period', 'privacy', 'compliance')).toEqual([
			{
				dataType: 'Volunteer contact details',
				period: '24 months after last shift',
				privacy: 'High',
				compliance: 'GDPR Art. 5(1)(e)',
			},
			{ dataType: 'Shift attendance statistics', period: '5 years', privacy: 'Aggregated' },
		]);
	});

	it('reads open questions with their fields, the glossary, approvals and the scaling projection', () => {
		expect(facts.questions[0]).toMatchObject({
			question: 'Do we need a native app for warehouse check-in?',
			context: 'Check-in at the door is the slowest step today',
			options: 'Installable web app vs a small native app',
			researchNeeded: "Test the web app on the warehouses' tablets",
			deadline: '2026-03-06',
			dueDate: '2026-03-06',
			owner: 'Lena Ortiz',
			status: 'open',
			anchor: 'question-do-we-need-a-native-app-for-warehouse-check-in',
		});
		expect(facts.questions[1]).toMatchObject({
			question: 'How long may a waiting-list offer stay open?',
			status: 'open',
		});
		// "Decided: …" settles a question.
		expect(facts.questions[2]).toMatchObject({
			question: 'Which SMS sender do we register?',
			status: 'resolved',
		});
		expect(pick(facts.glossary, 'term', 'definition')).toEqual([
			{ term: 'Shift', definition: 'A time slot at one warehouse for one role, with a capacity' },
			{ term: 'Fill rate', definition: 'Signed-up volunteers divided by capacity' },
			{ term: 'Rest rule', definition: 'At least eight hours between two shifts of one volunteer' },
		]);
		// The checked box decides: ☑ Approved, ☒ Changes Requested, none checked is pending.
		expect(pick(facts.approvals, 'name', 'role', 'status')).toEqual([
			{ name: 'Priya Raman', role: 'Tech Lead', status: 'approved' },
			{ name: 'Tom Becker', role: 'Architect', status: 'pending' },
			{ name: 'Aiko Tanaka', role: 'Security', status: 'changes-requested' },
			{ name: 'Marcus Hale', role: 'DevOps', status: 'pending' },
		]);
		expect(
			facts.scaling.map(({ label, cost, note }) => [
				label,
				cost.kind === 'amount' && cost.monthlyLow,
				note,
			]),
		).toEqual([
			['6 months', 480, 'all four warehouses'],
			['12 months', 900, 'regional partners join'],
		]);
	});

	it('gives every row a unique anchor that no heading has', () => {
		const tree = parseMarkdown(template);
		const headingIds = new Set(collectHeadings(tree).map((heading) => heading.id));
		const { nodes } = extractPlanFacts(tree);
		const anchors = [
			...nodes.rows.map((row) => row.anchor),
			...nodes.costTables.map(({ table }) => table.anchor!),
		];
		// 5 cost rows and their table, 4 risks, 27 technologies (stack, services, monitoring and
		// test tools), 5 milestones, 4 dependencies, 3 questions, 3 terms, 4 approvals,
		// 4 performance targets, 2 retention rules, 2 scaling points.
		expect(anchors.length).toBe(64);
		expect(new Set(anchors).size).toBe(anchors.length);
		expect(anchors.filter((anchor) => headingIds.has(anchor))).toEqual([]);
	});
});

describe('plan facts from the unfilled template', () => {
	// Template lines as they are before anyone fills them in: the example in brackets is the value.
	const facts = factsOf(`## Technology Stack

### Frontend

| Component | Technology | Version | Rationale | Research |
|-----------|-----------|---------|-----------|----------|
| Framework | [e.g., React] | [18.x] | [Why chosen] | [Link to docs] |

### Backend

| Component | Technology | Version | Rationale | Research |
|-----------|-----------|---------|-----------|----------|
| API Style | [REST | GraphQL | gRPC] | - | [Why chosen] | [API design guide] |

### Third-Party Services

| Service | Purpose | Cost Model | Research |
|---------|---------|------------|----------|
| [e.g., Stripe] | [Payment processing] | [Transaction %] | [Payment gateway comparison] |

### Data Retention & Privacy

| Data Type | Retention Period | Privacy Level | Compliance |
|-----------|------------------|---------------|------------|
| [Analytics] | [90 days] | [Anonymous] | [N/A] |

## Timeline & Milestones

| Milestone | Target Date | Deliverables | Success Criteria |
|-----------|-------------|--------------|------------------|
| Architecture Approved | [Date] | This document | Stakeholder sign-off |

## Open Questions

1. **[Technical Question]**
   - **Context**: [Why this matters]
   - **Decision Deadline**: [Date]

2. **[Next Question]**

## Appendix

### Glossary
- **[Technical Term]**: [Definition]

## Review & Approval

| Stakeholder | Role | Status | Date | Comments |
|-------------|------|--------|------|----------|
| [Name] | [Tech Lead] | ☐ Pending ☐ Approved ☐ Changes Requested | | |
`);

	it('unwraps bracketed examples, also when a `|` inside them splits the cell', () => {
		expect(pick(facts.technologies, 'name', 'version', 'major', 'component', 'layer')).toEqual([
			{ name: 'React', version: '18.x', major: '18', component: 'Framework', layer: 'frontend' },
			{ name: 'REST', component: 'API Style', layer: 'backend' },
			{ name: 'Stripe', layer: 'third-party' },
		]);
		expect(pick(facts.retention, 'dataType', 'period', 'privacy', 'compliance')).toEqual([
			{ dataType: 'Analytics', period: '90 days', privacy: 'Anonymous' },
		]);
		expect(pick(facts.glossary, 'term', 'definition')).toEqual([
			{ term: 'Technical Term', definition: 'Definition' },
		]);
	});

	it('keeps `[Date]` as written but reads no due date from it, and has no approver name for `[Name]`', () => {
		expect(facts.milestones[0]).toMatchObject({ name: 'Architecture Approved', target: 'Date' });
		expect(facts.milestones[0]!.dueDate).toBeUndefined();
		expect(
			facts.questions.map(({ question, context, deadline, dueDate, status }) => ({
				question,
				context,
				deadline,
				dueDate,
				status,
			})),
		).toEqual([
			{
				question: 'Technical Question',
				context: 'Why this matters',
				deadline: 'Date',
				dueDate: undefined,
				status: 'open',
			},
			{
				question: 'Next Question',
				context: undefined,
				deadline: undefined,
				dueDate: undefined,
				status: 'open',
			},
		]);
		expect(pick(facts.approvals, 'name', 'role', 'status')).toEqual([
			{ role: 'Tech Lead', status: 'pending' },
		]);
	});
});

describe('plan facts from plans shaped like real ones', () => {
	it('reads a stack table with bold components and 0.x versions, a lettered glossary table and a blank sign-off table', () => {
		const { technologies, glossary, approvals } = realShape('metrics-platform.md');
		expect(technologies.find((technology) => technology.name === 'Axum')).toMatchObject({
			component: 'HTTP Server',
			version: '0.7+',
			major: '0.7',
		});
		expect(technologies.find((technology) => technology.name === 'Kubernetes')).toMatchObject({
			version: '1.29+',
			major: '1',
		});
		expect(glossary.slice(0, 2).map(({ term, definition }) => [term, definition])).toEqual([
			['SPARC', 'Specification, Pseudocode, Architecture, Refinement, Completion'],
			['p95', 'The latency below which 95% of requests complete (tail latency metric)'],
		]);
		// Role | Name | Signature | Date with blanks: three reviewers, none signed yet.
		expect(pick(approvals, 'name', 'role', 'status')).toEqual([
			{ role: 'Engineering Manager', status: 'pending' },
			{ role: 'Technical Lead', status: 'pending' },
			{ role: 'Data Protection Officer', status: 'pending' },
		]);
	});

	it('reads milestone tables with <br> lists in cells under repeated headings, and numbered dependency items', () => {
		const { milestones, dependencies } = realShape('roadmap.md');
		expect(milestones[0]).toMatchObject({
			name: 'P1: Event Intake',
			target: 'Week 1-3',
			owner: 'Platform Team',
		});
		expect(milestones[0]!.deliverables!.split('\n')).toEqual([
			'- HTTP endpoint',
			'- Schema checks',
			'- Queue producer',
			'- Load test at 2,000 events/s',
		]);
		// Each phase has its own "### Milestones"; the second one is `milestones-1`, as on GitHub.
		expect(milestones.map((milestone) => milestone.section)).toEqual([
			'milestones',
			'milestones',
			'milestones',
			'milestones-1',
			'milestones-1',
		]);
		expect(dependencies[0]).toMatchObject({
			name: 'Gateway Event Schema v2',
			kind: 'external',
			deadline: 'Week 1',
			risk: 'High',
		});
		expect(dependencies.find((dependency) => dependency.kind === 'internal')).toMatchObject({
			name: 'Staging namespace provisioning (Week 1)',
		});
	});

	it('reads questions written as list items, struck through, and as sub-headings', () => {
		const numbered = realShape('upload-endpoint.md').questions;
		// One numbered list split over three sub-headings.
		expect(numbered).toHaveLength(8);
		expect(numbered[0]!.question).toMatch(/^Endpoint path: Is POST \/api\/v1\/court-lists right/);
		const struck = realShape('publishing-tokens.md').questions;
		expect(struck.map((question) => question.status)).toEqual(['resolved', 'resolved', 'open']);
		// "Out of Scope" under Unresolved questions is not a question.
		expect(
			struck.some((question) => /^Signing of published artifacts/.test(question.question)),
		).toBe(false);
		const headed = realShape('extension-rfc.md').questions;
		expect(headed[0]).toMatchObject({
			question: 'Should plugins declare the files they read?',
			anchor: '1-sandboxing--permissions-future',
		});
		expect(
			headed.find((question) => question.question === 'Should plugins be signed?'),
		).toMatchObject({ anchor: '2-signed-plugins-future' });
	});

	it('reads a scaling cost table and `**Name** — why` stack lists', () => {
		const costs = realShape('hosting-costs.md');
		expect(
			costs.scaling.map(({ label, cost }) => [label, cost.kind === 'amount' && cost.monthlyLow]),
		).toEqual([
			['Pilot', 8],
			['Region', 20],
			['National', 124],
			['Peak Season', 450],
		]);
		const upload = realShape('upload-endpoint.md');
		expect(upload.technologies[0]).toMatchObject({
			name: 'Express',
			rationale: 'the framework every other court service uses',
		});
	});

	it.each(readdirSync(new URL('../../fixtures/real-shapes/plans', import.meta.url)))(
		'gives every row of %s a unique anchor that no heading has',
		(name) => {
			const tree = parseMarkdown(fixturePlan(`real-shapes/plans/${name}`));
			const headingIds = new Set(collectHeadings(tree).map((heading) => heading.id));
			const { nodes } = extractPlanFacts(tree);
			const anchors = [
				...nodes.rows.map((row) => row.anchor),
				...nodes.costTables.map(({ table }) => table.anchor!),
			];
			expect(new Set(anchors).size).toBe(anchors.length);
			expect(anchors.filter((anchor) => headingIds.has(anchor))).toEqual([]);
		},
	);
});

describe('table shapes', () => {
	it('finds columns by name in any order and case, ignoring extra columns', () => {
		const { technologies } = factsOf(
			'## Stack\n\n| Notes | VERSION | Extra | technology | Role |\n|---|---|---|---|---|\n| fast | v16 | x | Postgres | Primary DB |\n',
		);
		expect(pick(technologies, 'name', 'key', 'version', 'major', 'component', 'rationale')).toEqual(
			[
				{
					name: 'Postgres',
					key: 'postgresql',
					version: 'v16',
					major: '16',
					component: 'Primary DB',
					rationale: 'fast',
				},
			],
		);
	});

	it('splits a version written in the technology cell, and keeps notes out of the version', () => {
		expect(splitVersion('PostgreSQL 16')).toEqual({ name: 'PostgreSQL', version: '16' });
		expect(splitVersion('React 18+')).toEqual({ name: 'React', version: '18+' });
		expect(splitVersion('Node.js v22 LTS')).toEqual({ name: 'Node.js', version: 'v22 LTS' });
		expect(splitVersion('Amazon S3')).toEqual({ name: 'Amazon S3' });
		const { technologies } = factsOf(
			'| Technology | Version |\n|---|---|\n| Redis | managed |\n| Argon2id | m=64 MiB, t=3 |\n| Python | >= 3.11 |\n',
		);
		expect(technologies.map((technology) => technology.version)).toEqual([
			undefined,
			undefined,
			'>= 3.11',
		]);
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

	it('takes a dated table’s Total and Option rows, and rows with no date, for what they are: not milestones', () => {
		const { milestones } = factsOf(
			'## Timeline & Budget\n\n| Phase | Duration | Budget |\n|---|---|---|\n| Discovery | 4 weeks | $10,000 |\n| Build | 12 weeks | $60,000 |\n| | | |\n| **Total** | 16 weeks | $70,000 |\n| Total Budget Requested | | $70,000 |\n| Option: additional support | 8 weeks | $15,000 |\n| Handover | | |\n',
		);
		expect(milestones.map((milestone) => milestone.name)).toEqual(['Discovery', 'Build']);
	});

	it('gives a row that is two facts one id, and both facts name it', () => {
		const tree = parseMarkdown(
			'## Roadmap\n\n| Phase | Duration | Budget |\n|---|---|---|\n| MVP | Months 1-4 | $247K |\n| Beta | Months 5-10 | $840K |\n',
		);
		const { facts, nodes } = extractPlanFacts(tree);
		expect(facts.milestones.map((milestone) => milestone.anchor)).toEqual([
			'milestone-mvp',
			'milestone-beta',
		]);
		expect(facts.costs[0]!.items.map((item) => item.anchor)).toEqual([
			'milestone-mvp',
			'milestone-beta',
		]);
		// One row each, though each is two facts.
		expect(nodes.rows.map(({ anchor }) => anchor)).toEqual(['milestone-mvp', 'milestone-beta']);
	});

	it('reads Term | Definition tables and `**Term** — definition` items in a glossary only', () => {
		const { glossary } = factsOf(
			'## Notes\n\n- **Not**: a term\n\n## Glossary\n\n- **SLO** — Service level objective\n- **RPO**: Recovery point objective\n\n| Term | Meaning |\n|---|---|\n| WAL | Write-ahead log |\n',
		);
		expect(glossary.map(({ term, definition, anchor }) => [term, definition, anchor])).toEqual([
			['SLO', 'Service level objective', 'term-slo'],
			['RPO', 'Recovery point objective', 'term-rpo'],
			['WAL', 'Write-ahead log', 'term-wal'],
		]);
	});

	it('reads a question struck through and followed by its answer, or marked resolved in its text, as resolved', () => {
		const { questions } = factsOf(
			'## Open Questions\n\n1. ~~Which queue do we use?~~ **Resolved**: Kafka, see ADR-4.\n2. Which region first? (Resolved: eu-west-1)\n3. How is a conflict resolved?\n4. Do we keep v1 — Decided: no.\n',
		);
		expect(pick(questions, 'status')).toEqual([
			{ status: 'resolved' },
			{ status: 'resolved' },
			{ status: 'open' },
			{ status: 'resolved' },
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
		expect({
			label: point.label,
			monthly: point.cost.kind === 'amount' ? point.cost.monthlyLow : NaN,
			note: point.note,
		}).toEqual(expected);
	});

	it('gives points the period their list, table or heading states, and none when nothing does', () => {
		const { scaling } = factsOf(
			'## Scaling Projections\n\n- 6 months: $1,200\n- 12 months: $2,000\n\n## Scaling Costs (Monthly)\n\n| Stage | Total |\n|---|---|\n| Launch | $10 |\n| Growth | $25 |\n\n## Growth forecast\n\n- Year 2: $30,000/yr\n- Year 3: $60,000\n',
		);
		expect(
			scaling.map(({ label, cost }) => [
				label,
				cost.period,
				cost.kind === 'amount' ? cost.monthlyLow : NaN,
			]),
		).toEqual([
			['6 months', undefined, undefined],
			['12 months', undefined, undefined],
			['Launch', 'month', 10],
			['Growth', 'month', 25],
			['Year 2', 'year', 2500],
			// One point's period is not the others': only a period every point writes is the list's.
			['Year 3', undefined, undefined],
		]);
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
