/** Before the tests: compile the CLI (dist/), so that the CLI tests run what `chidao` runs, built from these sources. */
import { buildCli } from '../scripts/build.ts';

export async function setup(): Promise<void> {
  await buildCli();
}
