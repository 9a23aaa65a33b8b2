import type { Root } from 'hast';
import rehypeGithubAlert from 'rehype-github-alert';
import type { Plugin } from 'unified';

/**
 * GitHub's alerts (`> [!NOTE]`) with GitHub's markup, by rehype-github-alert. It only turns
 * quotes that are children of the root into alerts, yet walks every element of the plan,
 * which was a fourteenth of a render thread's time: this hands it each root quote alone.
 */
export const rehypeGithubAlerts: Plugin<[], Root> = () => {
	const makeAlerts = rehypeGithubAlert();
	return (tree) => {
		tree.children.forEach((node, index) => {
			if (node.type !== 'element' || node.tagName !== 'blockquote') return;
			const quote: Root = { type: 'root', children: [node] };
			makeAlerts(quote);
			tree.children[index] = quote.children[0]!;
		});
	};
};
