/**
 * The transcript's layout for @lit-labs/virtualizer: its flow layout, kept at the end of the last row
 * while a `FollowState` says so (see stick-to-bottom.ts), and sized so that measuring rows does not
 * move that end.
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import type { VirtualizeDirectiveConfig } from '@lit-labs/virtualizer/virtualize.js';
import type { FollowState } from './stick-to-bottom.ts';

type LayoutConfig = NonNullable<VirtualizeDirectiveConfig<unknown>['layout']>;

/** A transcript row's height until it is measured (a message or a command card is about this tall). */
const ESTIMATED_ROW_PX = 180;
/** How far past the end a pinned layout aims its scroll correction (the browser clamps it). */
const PAST_THE_END_PX = 1_000_000;
/** How far beyond the visible part of the log rows are kept rendered. */
const OVERHANG_PX = 600;

/**
 * The flow layout, pinned to the end of its last item while `follow.pinned` is true. It uses the
 * layout's own pin (the one `scrollIntoView` sets), so a fresh transcript starts at its end without
 * first laying out its beginning, and growth of the last item keeps it in view.
 *
 * why a subclass: the public `pin` option cannot be cleared through layout config, and the
 * virtualizer only unpins on scrolls it does not take for its own corrections, which during streaming
 * are nearly all of them; here the follow state decides, from the scroller's position. It also sizes
 * the list from what it measured (see `_updateScrollSize`) and forgets sizes when rows arrive in front.
 */
class TranscriptFlowLayout extends FlowLayout {
  /** Set through layout config (`Object.assign` onto the layout). */
  follow: FollowState | null = null;
  /** Set through layout config: a row's stable key. */
  keyOf: ((row: unknown) => string) | null = null;

  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    // Rows kept beyond the visible part (the default is 1000 px): fewer cards to build when a long
    // thread opens and to measure on each change, still ahead of ordinary scrolling.
    this._overhang = OVERHANG_PX;
  }

  /**
   * Sizes are cached by index: when rows arrive in front (older history) or go away, every index
   * means another row, so the sizes are forgotten and measured again as rows are shown.
   */
  protected override _setItems(items: unknown[]): void {
    const before = this.items;
    const key = (row: unknown): string | undefined => (row === undefined ? undefined : this.keyOf?.(row));
    if (before.length > 0 && (items.length < before.length || key(items[0]) !== key(before[0]))) this._metricsCache.clear();
    super._setItems(items);
  }

  override _reflow(): void {
    this.follow?.noteScroll();
    const last = this.items.length - 1;
    this._pin = this.follow?.pinned === true && last >= 0 ? { index: last, block: 'end' } : null;
    super._reflow();
  }

  /**
   * The measured rows' sizes, plus a fixed estimate for each row not measured yet (rows have no margins).
   *
   * why not the base class: it multiplies the running average by the number of rows, so measuring one
   * more row of a 10,000-row transcript moves its end by hundreds of pixels, away from a reader there.
   * With a fixed estimate, measuring a row changes the size by that row's own error only.
   */
  override _updateScrollSize(): void {
    const c = this._metricsCache;
    const measured = c.averageChildSize > 0 ? Math.round(c.totalChildSize / c.averageChildSize) : 0;
    this._scrollSize = Math.max(1, c.totalChildSize + Math.max(0, this.items.length - measured) * ESTIMATED_ROW_PX);
  }

  override _getAverageSize(): number {
    return ESTIMATED_ROW_PX;
  }

  /** Where a row outside the laid-out range starts: next to that range, with the fixed estimate. */
  override _estimatePosition(idx: number): number {
    if (this._first === -1 || this._last === -1) return idx * ESTIMATED_ROW_PX;
    if (idx < this._first) return (this._getPhysicalItem(this._first)?.pos ?? 0) - (this._first - idx) * ESTIMATED_ROW_PX;
    const last = this._getPhysicalItem(this._last)?.pos ?? 0;
    return last + (this._metricsCache.getChildSize(this._last) ?? ESTIMATED_ROW_PX) + (idx - this._last - 1) * ESTIMATED_ROW_PX;
  }

  /**
   * Scrolls to the end of the last item, which the flow layout puts at the end of its scroll size.
   *
   * why not the base class: it clamps with the host's offset in the scroller measured at the current
   * scroll position, which is only right at scrollTop 0; once scrolled, it doubles the position.
   */
  protected override _setPositionFromPin(): void {
    if (this._pin === null) return;
    const before = this._scrollPosition;
    this._scrollPosition = Math.max(0, this._scrollSize - this._viewDim1);
    // why past the end: the virtualizer applies this as a change to the scroller's scrollTop, which
    // the browser may have clamped since the last reflow (when the content got shorter); aiming
    // past the end lets the browser clamp the correction to exactly the end instead.
    this._scrollError = before - this._scrollPosition - PAST_THE_END_PX;
  }
}

/**
 * Layout config for `<lit-virtualizer .layout>`: a flow layout that follows the end while `follow`
 * says so; `keyOf` gives a row's stable key.
 */
export function transcriptLayout<Row>(follow: FollowState, keyOf: (row: Row) => string): LayoutConfig {
  const spec = { type: TranscriptFlowLayout, follow, keyOf };
  return spec;
}
