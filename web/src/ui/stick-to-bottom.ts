import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Within this many pixels of the bottom counts as "at the bottom". */
const SLACK_PX = 48;

/**
 * Keeps a scroll container pinned to its bottom while its content grows (streaming text, new items),
 * unless the user scrolled up; scrolling back down to the bottom pins it again.
 *
 * Contract: `find()` returns the scroll container and the element holding its content once the host
 * has rendered them; both are watched with a ResizeObserver, so growth from nested elements (which
 * update after the host) is followed too.
 */
export class StickToBottom implements ReactiveController {
  private pinned = true;
  private scroller: HTMLElement | null = null;
  /** The scrollTop we last set: a scroll event at that position is ours, not the user's. */
  private ownTop = -1;
  private frameRequested = false;
  private readonly resizes = new ResizeObserver(() => this.follow());
  private readonly onScroll = (): void => {
    const s = this.scroller;
    if (s === null || Math.abs(s.scrollTop - this.ownTop) < 1) return;
    this.pinned = s.scrollHeight - s.scrollTop - s.clientHeight <= SLACK_PX;
  };

  private readonly find: () => { scroller: HTMLElement; content: HTMLElement } | null;

  constructor(host: ReactiveControllerHost, find: () => { scroller: HTMLElement; content: HTMLElement } | null) {
    this.find = find;
    host.addController(this);
  }

  /** Pins again and jumps to the bottom (e.g. when a different thread is shown). */
  pin(): void {
    this.pinned = true;
    this.followNextFrame();
  }

  hostUpdated(): void {
    const found = this.find();
    if (found !== null && found.scroller !== this.scroller) {
      this.detach();
      this.scroller = found.scroller;
      this.scroller.addEventListener('scroll', this.onScroll, { passive: true });
      this.resizes.observe(found.scroller);
      this.resizes.observe(found.content);
    }
  }

  hostDisconnected(): void {
    this.detach();
  }

  private detach(): void {
    this.resizes.disconnect();
    this.scroller?.removeEventListener('scroll', this.onScroll);
    this.scroller = null;
  }

  /**
   * why a frame later: nested elements render after the host, in microtasks. The ResizeObserver sees
   * their growth, but not a swap of content for content of the same height (another thread).
   */
  private followNextFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.follow();
    });
  }

  private follow(): void {
    const s = this.scroller;
    if (!this.pinned || s === null) return;
    s.scrollTop = s.scrollHeight;
    this.ownTop = s.scrollTop;
  }
}
