import { LEVELS, type Level, type Risk } from '../parse/risks.ts';
import { type IndexedPlan, type PlanRef, refTo } from './types.ts';

export interface RiskRow extends PlanRef {
	risk: Risk;
	/** Likelihood × impact on a 1–4 scale each (Low = 1 … Critical = 4); 0 when a level is missing. */
	severity: number;
}

export interface RiskMatrixCell {
	likelihood: Level;
	impact: Level;
	risks: RiskRow[];
}

/** Every risk of every plan, most severe first, and the likelihood × impact grid they fill. */
export interface RiskIndex {
	rows: RiskRow[];
	/** Levels on both axes: Low–High, plus Critical when some risk uses it. */
	levels: Level[];
	/** Row-major from the highest likelihood down, impact from low to high. */
	cells: RiskMatrixCell[];
	/** Risks without a readable likelihood or impact: listed, not placed. */
	unplaced: RiskRow[];
}

const score = (level: Level | undefined) => (level ? LEVELS.indexOf(level) + 1 : 0);

export function riskIndex(plans: IndexedPlan[]): RiskIndex {
	const rows = plans
		.flatMap((plan) =>
			plan.data.risks.map((risk) => ({
				...refTo(plan, risk.anchor),
				risk,
				severity: score(risk.likelihood) * score(risk.impact),
			})),
		)
		.sort((a, b) => b.severity - a.severity || score(b.risk.impact) - score(a.risk.impact));
	const critical = rows.some(
		({ risk }) => risk.likelihood === 'Critical' || risk.impact === 'Critical',
	);
	const levels: Level[] = critical ? [...LEVELS] : ['Low', 'Medium', 'High'];
	const cells = [...levels].reverse().flatMap((likelihood) =>
		levels.map((impact) => ({
			likelihood,
			impact,
			risks: rows.filter(({ risk }) => risk.likelihood === likelihood && risk.impact === impact),
		})),
	);
	return {
		rows,
		levels,
		cells,
		unplaced: rows.filter(({ risk }) => !risk.likelihood || !risk.impact),
	};
}
