import type { Root, Table } from 'mdast';
import type { AnchoredRow, RowAnchors } from './anchors.ts';
import { sectionId, visitInSections, withinSection } from './sections.ts';
import { readTable } from './table.ts';

export type ApprovalStatus = 'approved' | 'changes-requested' | 'pending';

/** A row of a Review & Approval (sign-off) table. */
export interface Approval {
	/** Who; absent while the template's `[Name]` or a `____` blank is still there. */
	name?: string;
	role?: string;
	status: ApprovalStatus;
	date?: string;
	comments?: string;
	anchor: string;
	line: number;
	section?: string;
}

const APPROVAL_SECTION =
	/\b(approvals?|sign[- ]?offs?|review(ers)? (and|&) approval|reviewers|stakeholders)\b/;

const COLUMNS = {
	name: /^(stakeholder|name|reviewer|approver|person|who)$/i,
	role: /^(role|team|title|area|function)$/i,
	status: /^(status|approval|decision|approved\??|state)$/i,
	signature: /^(signature|signed|sign[- ]?off)$/i,
	date: /^(date|signed on|approved on|when)$/i,
	comments: /^(comments?|notes?|remarks)$/i,
};

/**
 * Approvals: the rows of a table in a Review & Approval (or Sign-off) section with a Name or
 * Role column. The status is read from the template's ☐/☑ boxes (`☐ Pending ☑ Approved`),
 * from words (`Approved`, `LGTM`, `Changes requested`), or from a filled Signature cell.
 */
export function collectApprovals(tree: Root, anchors: RowAnchors): AnchoredRow<Approval>[] {
	const found: AnchoredRow<Approval>[] = [];
	visitInSections<Table>(tree, ['table'], (node, section) => {
		if (!withinSection(section, APPROVAL_SECTION)) return;
		const records = readTable(node, COLUMNS, []);
		if (!records || !records.some((record) => record.values.name || record.values.role)) return;
		for (const record of records) {
			const { name, role, status, signature, date, comments } = record.values;
			if (!name && !role) continue;
			const person = name && !/^name$/i.test(name) ? name : undefined;
			found.push({
				node: record.row,
				item: {
					name: person,
					role,
					status: approvalStatus(status, signature),
					date,
					comments,
					anchor: anchors.claim('approval', person ?? role ?? 'reviewer'),
					line: record.line,
					section: sectionId(section),
				},
			});
		}
	});
	return found;
}

const CHECKED = /[☑☒✅✔✓]|\[[xX]\]/u;

/** Reads a status cell: the checked box's word wins, then plain words, then a signature. */
export function approvalStatus(status: string | undefined, signature?: string): ApprovalStatus {
	const text = status ?? '';
	const checked = new RegExp(`(?:${CHECKED.source})\\s*([^☐☑☒✅✔✓\\[]+)`, 'u').exec(text);
	const word = (checked ? checked[1]! : /[☐]|\[ \]/u.test(text) ? '' : text).toLowerCase();
	if (/changes?\s+requested|rejected|blocked|declined/.test(word)) return 'changes-requested';
	if (/approved|lgtm|accepted|signed|yes|done/.test(word)) return 'approved';
	if (!status && signature) return 'approved';
	return 'pending';
}
