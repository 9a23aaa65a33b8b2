/**
 * The plan `init` writes into a new plans folder: the plan template's shape, filled in, so the
 * first build shows what a plan page does (metadata, a drawn box diagram, checked costs, risks
 * and milestones) and the author has something to copy.
 */
export const STARTER_PLAN_FILE = 'example-plan.md';

export function starterPlan(today: string): string {
	return `# Technical Plan: Example Service

**Version**: 0.1
**Date**: ${today}
**Status**: Draft
**Based on Spec**: [Example specification](https://example.com/spec)

---

## Executive Summary

A small service behind an API gateway, with one database. Replace this plan with your own:
every Markdown or MDX file in this folder becomes a page.

---

## Architecture Overview

### System Architecture

\`\`\`
┌─────────────┐
│   Client    │
└──────┬──────┘
       │
       ▼
┌─────────────┐
│ API Gateway │
└──────┬──────┘
       │
       ▼
┌─────────────┐
│  Database   │
└─────────────┘
\`\`\`

---

## Technology Stack

| Layer    | Technology | Version | Rationale                     |
| -------- | ---------- | ------- | ----------------------------- |
| Backend  | Node.js    | 24      | The team's language           |
| Database | PostgreSQL | 17      | Relational data, strong tools |

---

## Cost Estimation

| Item     | Monthly cost |
| -------- | ------------ |
| Compute  | $120         |
| Database | $80          |
| **Total** | **$200**    |

---

## Risks & Mitigations

| Risk                  | Probability | Impact | Mitigation                  |
| --------------------- | ----------- | ------ | --------------------------- |
| Database load at peak | Medium      | High   | Read replica before launch  |

---

## Timeline & Milestones

| Milestone      | Date       | Deliverable           |
| -------------- | ---------- | --------------------- |
| Design review  | ${today} | This plan, approved   |
`;
}
