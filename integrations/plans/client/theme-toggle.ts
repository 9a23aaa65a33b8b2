// The inline head script already applied the saved theme; this wires the toggle button.
const root = document.documentElement;
const toggle = document.querySelector<HTMLButtonElement>('.theme-toggle');

if (toggle) {
	const show = () => toggle.setAttribute('aria-pressed', String(root.dataset.theme === 'dark'));
	toggle.hidden = false;
	show();
	toggle.addEventListener('click', () => {
		root.dataset.theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
		try {
			localStorage.setItem('plans-theme', root.dataset.theme);
		} catch {
			// Private mode: the choice lasts for this page only.
		}
		show();
	});
}
