declare module 'virtual:plans/config' {
	const config: import('./virtual-config.ts').PlansSiteConfig;
	export default config;
}
