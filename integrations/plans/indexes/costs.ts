import { type CostItem, type CostTable, itemsInTotal } from '../parse/costs.ts';
import {
	COST_KINDS,
	type CostKind,
	type CostTotals,
	type Currency,
	sortCurrencies,
	sumMoney,
	type Totals,
} from '../money/index.ts';
import type { PlanData } from '../schema.ts';
import { type IndexedPlan, type PlanRef, refTo } from './types.ts';

export const CATEGORIES = [
	'compute',
	'database',
	'cache',
	'storage',
	'cdn',
	'network',
	'messaging',
	'search',
	'monitoring',
	'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Checked in order: "ElastiCache Redis" is a cache before it is anything else. */
const CATEGORY_WORDS: Array<[Category, RegExp]> = [
	['cache', /\b(cache|caching|redis|memcached?|elasticache|valkey)\b/i],
	['cdn', /\b(cdn|cloudfront|fastly|akamai|edge cache|cloudflare)\b/i],
	[
		'monitoring',
		/\b(monitoring|observability|datadog|new relic|grafana|prometheus|logging|logs|sentry|apm|metrics|tracing|alerting|pagerduty)\b/i,
	],
	['search', /\b(search|elasticsearch|opensearch|algolia|meilisearch|typesense)\b/i],
	[
		'messaging',
		/\b(queue|queues|kafka|sqs|sns|pub\/?sub|rabbitmq|nats|event bus|eventbridge|kinesis|streaming)\b/i,
	],
	[
		'database',
		/\b(database|databases|db|rds|postgres(ql)?|mysql|aurora|dynamodb|mongo(db)?|cosmos|sql|timescale(db)?|clickhouse|cassandra|spanner|neon)\b/i,
	],
	[
		'storage',
		/\b(storage|s3|blob|gcs|backups?|buckets?|disks?|ebs|archive|glacier|object store|volumes?)\b/i,
	],
	[
		'network',
		/\b(network|networking|load balancers?|alb|elb|nlb|nat|bandwidth|transfer|egress|vpc|dns|route ?53|gateway|ingress)\b/i,
	],
	[
		'compute',
		/\b(compute|ec2|instances?|vms?|servers?|kubernetes|k8s|eks|gke|aks|fargate|lambda|functions|containers?|app service|cloud run|workers?|nodes?|cpu|gpu|hosting)\b/i,
	],
];

const PROVIDERS: Array<[string, RegExp]> = [
	[
		'AWS',
		/\b(aws|amazon|ec2|rds|s3|cloudfront|elasticache|lambda|eks|ecs|fargate|dynamodb|sqs|sns|route ?53|aurora|kinesis|opensearch service|msk)\b/i,
	],
	['Google Cloud', /\b(gcp|google cloud|gke|bigquery|cloud run|gcs|cloud sql|spanner|pub\/sub)\b/i],
	['Azure', /\b(azure|cosmos ?db|aks|app service|blob storage)\b/i],
	['Cloudflare', /\bcloudflare\b/i],
	['Datadog', /\bdatadog\b/i],
	['New Relic', /\bnew relic\b/i],
	['Grafana Cloud', /\bgrafana cloud\b/i],
	['Sentry', /\bsentry\b/i],
	['Stripe', /\bstripe\b/i],
	['Twilio', /\b(twilio|sendgrid)\b/i],
	['Vercel', /\bvercel\b/i],
	['Netlify', /\bnetlify\b/i],
	['DigitalOcean', /\bdigital ?ocean\b/i],
	['Hetzner', /\bhetzner\b/i],
	['MongoDB Atlas', /\batlas\b/i],
	['Elastic Cloud', /\belastic cloud\b/i],
	['Confluent', /\bconfluent\b/i],
	['Algolia', /\balgolia\b/i],
	['GitHub', /\bgithub\b/i],
	['Fly.io', /\bfly\.io\b/i],
	['Neon', /\bneon\b/i],
	['Supabase', /\bsupabase\b/i],
];

/** What a cost row pays for, from its component first and its service second. */
export function categoryOf(item: Pick<CostItem, 'component' | 'service'>): Category {
	for (const text of [item.component, item.service ?? '']) {
		const category = CATEGORY_WORDS.find(([, words]) => words.test(text))?.[0];
		if (category) return category;
	}
	return 'other';
}

/** Who is paid, when the service or component names a recognisable provider. */
export function providerOf(item: Pick<CostItem, 'component' | 'service'>): string | undefined {
	for (const text of [item.service ?? '', item.component]) {
		const provider = PROVIDERS.find(([, words]) => words.test(text))?.[0];
		if (provider) return provider;
	}
	return undefined;
}

export interface CostRow extends PlanRef {
	item: CostItem;
	category: Category;
	provider?: string;
}

export interface CostGroup {
	name: string;
	totals: CostTotals;
	rows: CostRow[];
}

/** Costs of all plans: per plan, per category, per provider, and the totals that do not add up. */
export interface CostRollup {
	/** Currencies that some row costs in, in a fixed order. */
	currencies: Currency[];
	/** Kinds of money that some row is (run-rate, one-time, no stated period), in a fixed order. */
	kinds: CostKind[];
	/** Per plan; `unverified` when one of its tables could not be read without a guess. */
	plans: Array<{
		plan: IndexedPlan;
		totals: CostTotals;
		tables: number;
		rows: CostRow[];
		unverified: boolean;
	}>;
	categories: CostGroup[];
	providers: CostGroup[];
	total: CostTotals;
	mismatches: Array<PlanRef & { table: CostTable }>;
	/** Tables whose figures are a reading the table does not confirm. */
	unverified: Array<PlanRef & { table: CostTable }>;
	/** Written Total rows checked against their rows. */
	checkedTotals: number;
}

/**
 * Sums every cost table of every plan. A plan's total is the sum of all its cost tables
 * (rows, not written Total rows), per kind of money and currency: the run-rate, one-time money
 * and money of no stated period are kept apart, and currencies are never added together.
 * Alternatives and options are left out.
 */
export function costRollup(plans: IndexedPlan[]): CostRollup {
	const perPlan = plans
		.map((plan) => ({ plan, rows: costRows(plan) }))
		.filter(({ rows }) => rows.length > 0)
		.map(({ plan, rows }) => ({
			plan,
			totals: sumRows(rows),
			tables: plan.data.costs.length,
			rows,
			unverified: plan.data.costs.some((table) => table.unverified),
		}));
	const rows = perPlan.flatMap((entry) => entry.rows);
	const group = (
		name: (row: CostRow) => string | undefined,
		order: readonly string[] = [],
	): CostGroup[] => {
		const groups = new Map<string, CostRow[]>();
		for (const row of rows) {
			const key = name(row);
			if (!key) continue;
			const members = groups.get(key);
			if (members) members.push(row);
			else groups.set(key, [row]);
		}
		return [...groups]
			.map(([groupName, groupRows]) => ({
				name: groupName,
				rows: groupRows,
				totals: sumRows(groupRows),
			}))
			.sort((a, b) => rank(order, a.name) - rank(order, b.name) || a.name.localeCompare(b.name));
	};
	const total = sumRows(rows);
	return {
		currencies: sortCurrencies(COST_KINDS.flatMap((kind) => Object.keys(total[kind]))),
		kinds: COST_KINDS.filter((kind) => Object.keys(total[kind]).length > 0),
		plans: perPlan,
		categories: group((row) => row.category, CATEGORIES),
		providers: group((row) => row.provider),
		total,
		mismatches: tablesWhere(plans, (table) => table.mismatch !== undefined),
		unverified: tablesWhere(plans, (table) => table.unverified !== undefined),
		checkedTotals: plans.reduce(
			(count, plan) =>
				count + plan.data.costs.filter((table) => table.written?.cost.kind === 'amount').length,
			0,
		),
	};
}

function tablesWhere(
	plans: IndexedPlan[],
	wanted: (table: CostTable) => boolean,
): Array<PlanRef & { table: CostTable }> {
	return plans.flatMap((plan) =>
		plan.data.costs
			.filter(wanted)
			.map((table) => ({ ...refTo(plan, table.anchor ?? table.section), table })),
	);
}

/** The rows of a plan's cost tables that its totals add: alternatives and options are not. */
function costRows(plan: IndexedPlan): CostRow[] {
	return plan.data.costs.flatMap((table) =>
		itemsInTotal(table.items).map((item) => ({
			...refTo(plan, item.anchor),
			item,
			category: categoryOf(item),
			provider: providerOf(item),
		})),
	);
}

const sumRows = (rows: CostRow[]): CostTotals => sumMoney(rows.map((row) => row.item.cost));

/** A plan's money for `plans.json`: the run-rate per month and per year, one-time money, money of no stated period. */
export function planCostTotals(costs: PlanData['costs']): CostTotals & { yearly: Totals } {
	const totals = sumMoney(
		costs.flatMap((table) => itemsInTotal(table.items).map((item) => item.cost)),
	);
	return {
		monthly: totals.monthly,
		yearly: yearly(totals.monthly),
		oneTime: totals.oneTime,
		unstated: totals.unstated,
	};
}

/** A monthly run-rate per year, to the cent. */
export function yearly(monthly: Totals): Totals {
	return Object.fromEntries(
		Object.entries(monthly).flatMap(([currency, total]) =>
			total
				? [
						[
							currency,
							{
								...total,
								low: Math.round(total.low * 1200) / 100,
								high: Math.round(total.high * 1200) / 100,
							},
						],
					]
				: [],
		),
	);
}

function rank(order: readonly string[], name: string): number {
	const index = order.indexOf(name);
	return index === -1 ? order.length : index;
}
