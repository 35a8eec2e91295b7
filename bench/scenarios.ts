/** What to say of names that are no scenario, or undefined when all are. */
export function unknownScenarios(names: readonly string[]): string | undefined {
  const unknown = names.filter((name) => !(name in SCENARIOS));
  return unknown.length > 0 ? `no scenario ${unknown.join(", ")}; there are ${Object.keys(SCENARIOS).join(", ")}` : undefined;
}

/** The benchmark scenarios, in the order `npm run bench` runs them; each loads its code only when run. */
export const SCENARIOS: Record<string, () => Promise<void>> = {
  api: async () => (await import("./api-server.bench")).benchApiServer(),
  simulation: async () => (await import("./simulation.bench")).benchSimulation(),
  lws: async () => (await import("./lws.bench")).benchLws(),
  stream: async () => (await import("./stream.bench")).benchStream(),
  scale: async () => (await import("./scale.bench")).benchScale(),
  page: async () => (await import("./page.bench")).benchPage(),
};
