/** A one-line OCR progress bar on stderr, redrawn in place; for terminals only. */
export function progressBar(done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\rOCR [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} pages${done === total ? '\n' : ''}`);
}
