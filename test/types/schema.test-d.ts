// The collection schema and the types parsing produces, held together: zod keeps only the keys
// a schema names, so a field parsing adds without adding it to the schema would vanish from
// every page. These assertions are checked by `npm run typecheck` (astro check).
import { expectTypeOf } from 'vitest';
import type { Money } from '#plans/money/model.ts';
import type { Approval } from '#plans/parse/approvals.ts';
import type { CostTable } from '#plans/parse/costs.ts';
import type { Dependency } from '#plans/parse/dependencies.ts';
import type { PlanFacts } from '#plans/parse/facts.ts';
import type { GlossaryEntry } from '#plans/parse/glossary.ts';
import type { Milestone } from '#plans/parse/milestones.ts';
import type { Placeholder } from '#plans/parse/placeholders.ts';
import type { Question } from '#plans/parse/questions.ts';
import type { Risk } from '#plans/parse/risks.ts';
import type { ScalingPoint } from '#plans/parse/scaling.ts';
import type { PerformanceTarget, RetentionRule } from '#plans/parse/targets.ts';
import type { Technology } from '#plans/parse/technologies.ts';
import type { Problem } from '#plans/problems.ts';
import type { PlanData } from '#plans/schema.ts';
import type { Stage } from '#plans/parse/lifecycle.ts';

type Row<List extends readonly unknown[]> = List[number];

expectTypeOf<Row<PlanData['costs']>>().toEqualTypeOf<CostTable>();
expectTypeOf<Row<PlanData['costs']>['items'][number]['cost']>().toEqualTypeOf<Money>();
expectTypeOf<Row<PlanData['scaling']>>().toEqualTypeOf<ScalingPoint>();
expectTypeOf<Row<PlanData['risks']>>().toEqualTypeOf<Risk>();
expectTypeOf<Row<PlanData['technologies']>>().toEqualTypeOf<Technology>();
expectTypeOf<Row<PlanData['milestones']>>().toEqualTypeOf<Milestone>();
expectTypeOf<Row<PlanData['dependencies']>>().toEqualTypeOf<Dependency>();
expectTypeOf<Row<PlanData['questions']>>().toEqualTypeOf<Question>();
expectTypeOf<Row<PlanData['glossary']>>().toEqualTypeOf<GlossaryEntry>();
expectTypeOf<Row<PlanData['approvals']>>().toEqualTypeOf<Approval>();
expectTypeOf<Row<PlanData['performanceTargets']>>().toEqualTypeOf<PerformanceTarget>();
expectTypeOf<Row<PlanData['retention']>>().toEqualTypeOf<RetentionRule>();
expectTypeOf<Row<PlanData['placeholders']>>().toEqualTypeOf<Placeholder>();
expectTypeOf<Row<PlanData['problems']>>().toEqualTypeOf<Problem>();
// Every fact parsing collects is a field of the plan's data.
expectTypeOf<Pick<PlanData, keyof PlanFacts>>().toEqualTypeOf<PlanFacts>();
// The stages the schema allows are the stages parsing gives.
expectTypeOf<NonNullable<PlanData['stage']>>().toEqualTypeOf<Stage>();
