// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'**/dist/',
			'**/dist-*/',
			'**/node_modules/',
			'**/.astro/',
			'.tmp/',
			'bench/results/',
			'integrations/plans/public/',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	{
		rules: {
			// TypeScript checks names, Node's and the browser's globals included.
			'no-undef': 'off',
			// `catch {}`: reading storage the browser blocks is nothing to handle.
			'no-empty': ['error', { allowEmptyCatch: true }],
			// `_name` marks what a destructuring leaves out on purpose.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
			],
		},
	},
);
