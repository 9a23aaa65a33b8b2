declare module 'virtual:plans/config' {
	const config: import('./virtual-config.ts').PlansRuntimeConfig;
	export default config;
}
