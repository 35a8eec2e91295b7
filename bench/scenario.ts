import { SCENARIOS, unknownScenarios } from "./scenarios";

/** One benchmark scenario in this process: `node --expose-gc --import tsx bench/scenario.ts lws`. */
const name = process.argv[2] ?? "";
const unknown = unknownScenarios([name]);
if (unknown) {
  console.error(unknown);
  process.exit(2);
}
SCENARIOS[name]().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
