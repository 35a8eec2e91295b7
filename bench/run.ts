import { benchApiServer } from "./api-server.bench";
import { benchLws } from "./lws.bench";
import { benchPage } from "./page.bench";
import { benchSimulation } from "./simulation.bench";
import { benchScale } from "./scale.bench";
import { benchStream } from "./stream.bench";

/** `npm run bench`: every scenario prints its figures next to the targets. */
async function main(): Promise<void> {
  console.log(`LWS Console benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  await benchApiServer();
  await benchSimulation();
  await benchLws();
  await benchStream();
  await benchScale();
  await benchPage();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
