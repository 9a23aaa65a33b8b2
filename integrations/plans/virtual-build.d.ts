// The settings only the integration's own pages read; not part of the public API.
declare module 'virtual:plans/build' {
	const config: import('./virtual-config.ts').PlansBuildConfig;
	export default config;
}
