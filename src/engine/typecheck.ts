// Type errors in a student's file, from a long-lived worker running TypeScript's language
// service. Started on the first request, never before: loading the compiler (~0.7 s) must not
// delay the tutor's first frame or a verdict.
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from './types.js';

const workerUrl = new URL('./typecheck-worker.js', import.meta.url);

type Reply = { readonly id: number; readonly diagnostics?: Diagnostic[]; readonly error?: string };
type Pending = { resolve: (diagnostics: Diagnostic[]) => void; reject: (error: Error) => void };

/** Checks workspace files against the workspace's tsconfig.json, one request at a time. */
export class TypeChecker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** Type errors of `file` (relative to `workspaceDir`). Rejects if the checker itself fails. */
  check(workspaceDir: string, file: string): Promise<Diagnostic[]> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, dir: workspaceDir, file });
    });
  }

  /** Stops the worker (a later `check` starts a new one). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('The type-checker was closed.'));
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerUrl);
    // A type-check in flight must not keep the tutor running after the student quits.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const entry = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!entry) return;
      if (reply.error !== undefined)
        entry.reject(new Error(`Failed to type-check: ${reply.error}`));
      else entry.resolve(reply.diagnostics ?? []);
    });
    worker.on('error', (error) => {
      this.failAll(new Error(`Failed to type-check: ${error.message}`));
      if (this.worker === worker) this.worker = undefined;
    });
    worker.on('exit', () => {
      this.failAll(new Error('Failed to type-check: the type-checker stopped.'));
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }
}
