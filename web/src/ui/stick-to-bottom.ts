/**
 * Following the end of a growing list: `StickToBottom` decides from the user's scrolling whether the
 * view follows the end; the transcript's layout (transcript-layout.ts) does the following.
 */

/** Within this many pixels of the bottom counts as "at the bottom". */
const SLACK_PX = 48;

/** What the layout asks on every reflow. */
export interface FollowState {
  /** True while the view follows the end. */
  readonly pinned: boolean;
  /** Looks at where the scroller is now, before the layout moves it (see StickToBottom.noteScroll). */
  noteScroll(): void;
}

/**
 * Whether a scroll container follows its end: pinned at first and after `pin()`; unpinned when the
 * user scrolls up away from the bottom; pinned again when they scroll back down to it.
 *
 * Contract: `attach` the scroller once rendered and bind `onScroll` as its `scroll` listener. The
 * layout calls `noteScroll` before each reflow too: a scroll the user made since the last `scroll`
 * event (which comes only with the next frame) must count before the layout pulls the view back down.
 */
export class StickToBottom implements FollowState {
  private following = true;
  private lastTop = 0;
  private scroller: HTMLElement | null = null;

  get pinned(): boolean {
    return this.following;
  }

  /** The scroll container, once rendered. */
  attach(scroller: HTMLElement | null): void {
    if (scroller === this.scroller) return;
    this.scroller = scroller;
    this.lastTop = scroller?.scrollTop ?? 0;
  }

  /** Follows the end again (e.g. when another thread is shown). */
  pin(): void {
    this.following = true;
  }

  /**
   * Updates `pinned` from the scroller's position: at the bottom (within the slack) pins; moved up
   * since last noted and away from the bottom unpins; anything else leaves it as it is.
   */
  noteScroll(): void {
    const s = this.scroller;
    if (s === null) return;
    const top = s.scrollTop;
    if (s.scrollHeight - top - s.clientHeight <= SLACK_PX) this.following = true;
    // why only upwards: content growing below or arriving above never moves scrollTop up, and content
    // getting shorter moves it up only as far as the new end (within the slack).
    else if (top < this.lastTop) this.following = false;
    this.lastTop = top;
  }

  /** The scroller's `scroll` listener. */
  readonly onScroll = (): void => this.noteScroll();
}
