// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import plans from './integrations/plans/index.ts';

export default defineConfig({
	markdown: { processor: unified() },
	integrations: [mdx(), plans({ title: 'Acme Technical Plans' })],
	server: { port: 4321 },
});
