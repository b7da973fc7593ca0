/** A bounded buffer of the most recent text lines (e.g. codex's stderr), for diagnostics. */
export class LineRing {
  private readonly lines: string[] = [];
  private partial = '';

  /** Keeps at most `maxLines` complete lines, each cut to `maxLineLength` characters. */
  constructor(
    private readonly maxLines = 200,
    private readonly maxLineLength = 2000,
  ) {}

  /** Appends a chunk of output; a trailing partial line waits for the rest. */
  push(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = (parts.pop() ?? '').slice(-this.maxLineLength);
    for (const line of parts) {
      this.lines.push(line.length > this.maxLineLength ? line.slice(0, this.maxLineLength) + '…' : line);
    }
    if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
  }

  /** The last `n` lines (including a pending partial line), oldest first. */
  tail(n = this.maxLines): string[] {
    const all = this.partial === '' ? this.lines : [...this.lines, this.partial];
    return all.slice(-n);
  }
}
