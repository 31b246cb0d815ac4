/**
 * Output lines gathered as UTF-8 bytes, each line encoded as soon as it is made. `sizer query` used to
 * join a batch of a few hundred answers into one string and write that: V8 then walked the batch's
 * pieces again when encoding it, long after they had left the CPU cache, which cost about as much as
 * building the answers (docs/decisions/0029-query-throughput-basis.md).
 */
const BLOCK_BYTES = 1 << 20;
const LINE_FEED = 0x0a;

export class Utf8Lines {
  private block = Buffer.allocUnsafe(BLOCK_BYTES);
  /** Where the bytes not yet taken start, and where the next line goes. */
  private start = 0;
  private end = 0;
  private readonly taken: Buffer[] = [];

  /** Appends a line's text, encoded as UTF-8, and a line feed. */
  pushLine(text: string): void {
    // At most 3 bytes per UTF-16 unit, and the line feed; a block too full for that is handed on and a new one begun.
    const most = text.length * 3 + 1;
    if (this.end + most > this.block.length) {
      if (this.end > this.start) this.taken.push(this.block.subarray(this.start, this.end));
      this.block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, most));
      this.start = 0;
      this.end = 0;
    }
    this.end += this.block.write(text, this.end);
    this.block[this.end++] = LINE_FEED;
  }

  /** The bytes pushed since the last take (null: none). They stay valid: later lines go after them. */
  take(): Buffer | null {
    if (this.end > this.start) this.taken.push(this.block.subarray(this.start, this.end));
    this.start = this.end;
    if (this.taken.length === 0) return null;
    const bytes = this.taken.length === 1 ? (this.taken[0] as Buffer) : Buffer.concat(this.taken);
    this.taken.length = 0;
    return bytes;
  }
}
