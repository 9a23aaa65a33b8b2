// Tables marked `data-sortable` sort by any column when its header is clicked. Without
// JavaScript they stay plain tables in their built order. A cell's `data-sort` (a number or
// ISO date) wins over its text, so "High" and "$1,200/mo" sort by meaning.

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function sortValue(row: HTMLTableRowElement, column: number): string {
	const cell = row.cells[column];
	return cell?.dataset.sort ?? cell?.textContent?.trim() ?? '';
}

/** Numbers by value, anything else by the reader's collation (`Plan 2` before `Plan 10`). */
function compare(a: string, b: string): number {
	const left = Number(a);
	const right = Number(b);
	if (Number.isFinite(left) && Number.isFinite(right)) return left - right;
	return collator.compare(a, b);
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
	const body = table.tBodies[0];
	const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
	if (!body) continue;
	headers.forEach((header, column) => {
		// The header's text moves into a button, so sorting is reachable by keyboard and announced.
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'sort-button';
		button.append(...header.childNodes);
		header.append(button);
		button.addEventListener('click', () => {
			const descending = header.getAttribute('aria-sort') === 'ascending';
			for (const other of headers) other.removeAttribute('aria-sort');
			header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
			const rows = [...body.rows];
			rows.sort((a, b) => {
				const left = sortValue(a, column);
				const right = sortValue(b, column);
				// Empty cells go last in both directions.
				if (left === '' || right === '') return Number(left === '') - Number(right === '');
				return descending ? compare(right, left) : compare(left, right);
			});
			body.append(...rows);
		});
	});
}
