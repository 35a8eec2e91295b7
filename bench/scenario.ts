import { SCENARIOS } from "./scenarios";

/** One benchmark scenario in this process: `node --expose-gc --import tsx bench/scenario.ts lws`. */
const name = process.argv[2];
const scenario = SCENARIOS[name];
if (!scenario) {
  console.error(`no scenario ${name}; there are ${Object.keys(SCENARIOS).join(", ")}`);
  process.exit(2);
}
scenario().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
