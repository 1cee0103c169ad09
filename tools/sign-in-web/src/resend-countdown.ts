import { resendButtonLabel, resendWaitNote } from './messages';

/**
 * The code screen's "Send a new code" button: a real button, disabled while
 * the trigger's `resendAfterSeconds` count down, its label showing the
 * seconds left. The wait is announced politely once when it starts and once
 * when it ends (a live region that spoke every second would drown the page).
 */
export class ResendCountdown {
  private timer: ReturnType<typeof setInterval> | undefined;
  private endsAtMs = 0;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly note: HTMLElement,
  ) {}

  start(waitSeconds: number | undefined): void {
    this.stop();
    let left = waitSeconds ?? 0;
    this.endsAtMs = Date.now() + left * 1000;
    this.render(left);
    this.note.textContent = left > 0 ? resendWaitNote(left) : '';
    if (left <= 0) return;
    this.timer = setInterval(() => {
      left -= 1;
      this.render(left);
      if (left > 0) return;
      this.stop();
      this.note.textContent = resendWaitNote(0);
    }, 1000);
  }

  /** Disables the button while a request is under way (the next `start` or `resume` enables it again). */
  hold(): void {
    this.stop();
    this.button.disabled = true;
  }

  /** Goes on with the wait that `hold` interrupted, when the request got no answer. */
  resume(): void {
    this.start(Math.max(0, Math.ceil((this.endsAtMs - Date.now()) / 1000)));
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private render(left: number): void {
    this.button.disabled = left > 0;
    this.button.textContent = resendButtonLabel(left);
  }
}
