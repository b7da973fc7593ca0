/**
 * Reads the text messages out of one direction of a raw WebSocket TCP stream (RFC 6455), as a proxy
 * sees it: the HTTP upgrade head first, then frames, masked (browser → server) or not. The bridge
 * turns permessage-deflate off, so payloads are plain. Control frames are skipped; fragmented
 * messages are joined.
 */
export class WsTextReader {
  private buf: Buffer = Buffer.alloc(0);
  private headDone = false;
  private parts: Buffer[] = [];

  /** `afterHead`: the stream starts with frames (the upgrade head went another way). */
  constructor(
    private readonly onText: (text: string) => void,
    opts: { afterHead?: boolean } = {},
  ) {
    this.headDone = opts.afterHead ?? false;
  }

  /** Feeds the next chunk of the stream. */
  push(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    if (!this.headDone) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      this.headDone = true;
      this.buf = this.buf.subarray(end + 4);
    }
    while (this.readFrame());
  }

  /** Reads one whole frame from the buffer; false when it holds less than one. */
  private readFrame(): boolean {
    const b = this.buf;
    if (b.length < 2) return false;
    const fin = (b[0] ?? 0) & 0x80;
    const opcode = (b[0] ?? 0) & 0x0f;
    const masked = ((b[1] ?? 0) & 0x80) !== 0;
    let len = (b[1] ?? 0) & 0x7f;
    let at = 2;
    if (len === 126) {
      if (b.length < 4) return false;
      len = b.readUInt16BE(2);
      at = 4;
    } else if (len === 127) {
      if (b.length < 10) return false;
      len = Number(b.readBigUInt64BE(2));
      at = 10;
    }
    const maskAt = at;
    if (masked) at += 4;
    if (b.length < at + len) return false;
    const payload = Buffer.from(b.subarray(at, at + len));
    if (masked) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (b[maskAt + (i % 4)] ?? 0);
    this.buf = b.subarray(at + len);
    if (opcode === 0x1 || opcode === 0x0) {
      this.parts.push(payload);
      if (fin) {
        const text = Buffer.concat(this.parts).toString('utf8');
        this.parts = [];
        this.onText(text);
      }
    }
    return true;
  }
}
