import { describe, expect, it } from 'vitest';
import { editorOf } from '#plans/virtual-config.ts';

describe('editorOf', () => {
	it('knows VS Code from its terminal or from EDITOR/VISUAL', () => {
		expect(editorOf({ TERM_PROGRAM: 'vscode' })).toBe('vscode');
		expect(editorOf({ EDITOR: 'code --wait' })).toBe('vscode');
		expect(editorOf({ VISUAL: '/usr/local/bin/code-insiders -w', EDITOR: 'vim' })).toBe('vscode');
		expect(editorOf({ EDITOR: 'C:\\Program Files\\Microsoft VS Code\\bin\\code.cmd' })).toBe(
			'vscode',
		);
	});

	it('is undefined for any other editor, which gets the open-in-editor link instead', () => {
		for (const env of [
			{},
			{ EDITOR: 'vim' },
			{ EDITOR: 'nano' },
			{ VISUAL: 'codium' },
			{ EDITOR: 'xcode' },
			{ TERM_PROGRAM: 'iTerm.app' },
		])
			expect(editorOf(env), JSON.stringify(env)).toBeUndefined();
	});
});
