import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { imagesAsDataUrls } from './composer-text.ts';

/**
 * The composer's attached images: pasted or dropped image files become data: URLs, shown as
 * thumbnails each with a **Remove image N** button. `dragging` is true while files hover the textbox.
 */
export class ImageAttachments implements ReactiveController {
  images: string[] = [];
  dragging = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  clear(): void {
    this.images = [];
    this.host.requestUpdate();
  }

  readonly onPaste = (event: ClipboardEvent): void => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (!files.some((f) => f.type.startsWith('image/'))) return;
    event.preventDefault();
    void this.attach(files);
  };

  readonly onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.setDragging(true);
  };

  readonly onDragLeave = (): void => this.setDragging(false);

  readonly onDrop = (event: DragEvent): void => {
    this.setDragging(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    void this.attach(files);
  };

  async attach(files: File[]): Promise<void> {
    const urls = await imagesAsDataUrls(files);
    this.images = [...this.images, ...urls];
    this.host.requestUpdate();
  }

  private setDragging(on: boolean): void {
    this.dragging = on;
    this.host.requestUpdate();
  }

  render() {
    if (this.images.length === 0) return nothing;
    return html`<ul class="images" aria-label="Attached images">
      ${this.images.map(
        (src, i) => html`<li>
          <img src=${src} alt="Attached image ${i + 1}" />
          <button type="button" aria-label="Remove image ${i + 1}" @click=${() => this.remove(i)}>×</button>
        </li>`,
      )}
    </ul>`;
  }

  private remove(index: number): void {
    this.images = this.images.filter((_, j) => j !== index);
    this.host.requestUpdate();
  }
}
