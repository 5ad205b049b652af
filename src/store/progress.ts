/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
export interface Progress {
  tick(label: string): void;
  done(): void;
}

export function progressBar(total: number, enabled = Boolean(process.stderr.isTTY)): Progress {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY || total === 0) return { tick() {}, done() {} };
  let count = 0;
  const width = 30;
  return {
    tick(label) {
      count++;
      const filled = Math.round((count / total) * width);
      const room = Math.max(10, (stream.columns ?? 80) - width - 20);
      const name = label.length > room ? `…${label.slice(-(room - 1))}` : label;
      stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}/${total} ${name}`);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
