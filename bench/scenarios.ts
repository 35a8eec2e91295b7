/** The benchmark scenarios, in the order `npm run bench` runs them; each loads its code only when run. */
export const SCENARIOS: Record<string, () => Promise<void>> = {
  api: async () => (await import("./api-server.bench")).benchApiServer(),
  simulation: async () => (await import("./simulation.bench")).benchSimulation(),
  lws: async () => (await import("./lws.bench")).benchLws(),
  stream: async () => (await import("./stream.bench")).benchStream(),
  scale: async () => (await import("./scale.bench")).benchScale(),
  page: async () => (await import("./page.bench")).benchPage(),
};
