/**
 * Before the tests: compile the CLI (dist/), so that the CLI tests run what
 * `chidao` runs, built from these sources; and give the store tests a
 * PostgreSQL server (scripts/start-postgres.sh installs and starts one on
 * loopback) unless CHIDAO_TEST_PG already names one. Where no server can be
 * had they run on SQLite only and say so, except under CI, which must test both.
 */
import { execFileSync } from 'node:child_process';
import { buildCli } from '../scripts/build.ts';

export async function setup(): Promise<void> {
  await buildCli();
  if (process.env.CHIDAO_TEST_PG) return;
  try {
    process.env.CHIDAO_TEST_PG = execFileSync('bash', ['scripts/start-postgres.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch (e) {
    if (process.env.CI) throw new Error('CI needs PostgreSQL for the store tests and scripts/start-postgres.sh could not start it', { cause: e });
    console.warn('store tests: no PostgreSQL server (scripts/start-postgres.sh failed); SQLite only');
  }
}
