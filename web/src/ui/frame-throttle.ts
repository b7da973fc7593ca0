/**
 * At most one turn per animation frame, for elements that re-render on every change notice.
 */

/**
 * Paces an element's updates to the display: the first `turn()` in a frame resolves at once (no
 * added latency for a lone change), later ones wait for the next frame, and all of them resolve then
 * together, so any number of changes between two frames costs one render.
 *
 * In a hidden document (no frames are produced) every turn resolves at once.
 */
export class FrameThrottle {
  private used = false;
  private resetRequested = false;
  private next: Promise<void> | null = null;

  /** Resolves when the caller may render. */
  async turn(): Promise<void> {
    if (this.used && document.visibilityState !== 'hidden') {
      this.next ??= new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          this.next = null;
          resolve();
        }),
      );
      await this.next;
    }
    this.use();
  }

  private use(): void {
    this.used = true;
    if (this.resetRequested) return;
    this.resetRequested = true;
    // Requested before any later wait, so in the next frame it runs first and the waiting update that
    // resolves right after counts as that frame's one turn.
    requestAnimationFrame(() => {
      this.resetRequested = false;
      this.used = false;
    });
  }
}
