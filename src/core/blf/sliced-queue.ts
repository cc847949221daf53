/**
 * Keeps bursts off the main thread's critical path: jobs run at once while
 * the current task has spent less than `sliceMs` on them; the rest wait and
 * run in later tasks, `sliceMs` at a time, in order. So 500 NOTIFYs that
 * arrive together never make one long task, while a single NOTIFY is handled
 * immediately. A job that throws is logged and skipped.
 */
export class SlicedQueue {
  #jobs: Array<() => void> = [];
  #sliceOpen = false;
  #sliceStart = 0;
  #posted = false;
  #waiters: Array<() => void> = [];
  #channel: MessageChannel | undefined;

  constructor(private readonly sliceMs = 8) {}

  /** Runs `job` now if the task's budget allows and nothing waits before it; otherwise queues it. */
  run(job: () => void): void {
    if (!this.#jobs.length && this.#budgetLeft()) {
      this.#safely(job);
      return;
    }
    this.#jobs.push(job);
    this.#post();
  }

  /** Resolves once every queued job has run. */
  settled(): Promise<void> {
    return this.#jobs.length ? new Promise((resolve) => this.#waiters.push(resolve)) : Promise.resolve();
  }

  /** Drops the queued jobs (their results no longer matter). */
  clear(): void {
    this.#jobs = [];
    this.#wake();
  }

  #budgetLeft(): boolean {
    const now = performance.now();
    if (!this.#sliceOpen) {
      // The slice lasts until the end of this task: the posted message closes it.
      this.#sliceOpen = true;
      this.#sliceStart = now;
      this.#post();
    }
    return now - this.#sliceStart < this.sliceMs;
  }

  #post(): void {
    if (this.#posted) return;
    this.#posted = true;
    if (!this.#channel) {
      this.#channel = new MessageChannel();
      this.#channel.port1.onmessage = () => this.#tick();
    }
    this.#channel.port2.postMessage(0);
  }

  /** A new task: a new slice for the queued jobs. */
  #tick(): void {
    this.#posted = false;
    this.#sliceOpen = false;
    if (!this.#jobs.length) return this.#wake();
    this.#budgetLeft();
    while (this.#jobs.length && performance.now() - this.#sliceStart < this.sliceMs) this.#safely(this.#jobs.shift()!);
    if (!this.#jobs.length) this.#wake();
  }

  #wake(): void {
    for (const resolve of this.#waiters.splice(0)) resolve();
  }

  #safely(job: () => void): void {
    try {
      job();
    } catch (error) {
      console.error('[phone] BLF update failed', error);
    }
  }
}
