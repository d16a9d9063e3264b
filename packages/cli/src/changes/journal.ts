import type { Rule } from "@sg/core";
import { writeArtefact } from "../artefacts/artefact-file.js";
import {
  manifestCodec,
  type ChangeState,
  type Manifest,
  type ManifestChange,
} from "../artefacts/manifest.js";

/**
 * The manifest of a run, written to disk after every step so that, whatever happens to
 * the process, the file on disk says what may have changed. Each call rewrites the whole
 * file atomically, so it is never half-written.
 */
export class Journal {
  private manifest: Manifest;

  constructor(
    readonly path: string,
    start: Omit<Manifest, "status" | "changes">,
  ) {
    this.manifest = { ...start, status: "in-progress", changes: [] };
  }

  /** The manifest as last written. */
  get current(): Manifest {
    return this.manifest;
  }

  /** Records the changes a call is about to make, as `pending`; returns their sequences. */
  async intend(
    groupId: string,
    action: "authorise" | "revoke",
    rules: readonly Rule[],
  ): Promise<number[]> {
    const first = this.manifest.changes.length + 1;
    const added: ManifestChange[] = rules.map((rule, index) => ({
      sequence: first + index,
      groupId,
      action,
      rule,
      state: "pending",
    }));
    await this.save({ ...this.manifest, changes: [...this.manifest.changes, ...added] });
    return added.map((change) => change.sequence);
  }

  /** Marks changes with a new state, and with the rules as the estate now holds them. */
  async settle(
    sequences: readonly number[],
    state: ChangeState,
    rules?: readonly Rule[],
  ): Promise<void> {
    const bySequence = new Map(sequences.map((sequence, index) => [sequence, rules?.[index]]));
    const changes = this.manifest.changes.map((change) =>
      bySequence.has(change.sequence)
        ? { ...change, state, rule: bySequence.get(change.sequence) ?? change.rule }
        : change,
    );
    await this.save({ ...this.manifest, changes });
  }

  /** Closes the run as complete, or as halted with the failure that stopped it. */
  async finish(at: number, failure?: { groupId: string; message: string }): Promise<void> {
    const status = failure === undefined ? "complete" : "halted";
    await this.save({ ...this.manifest, status, finishedAt: at, ...(failure ? { failure } : {}) });
  }

  private async save(manifest: Manifest): Promise<void> {
    await writeArtefact(this.path, manifestCodec.encode(manifest));
    this.manifest = manifest;
  }
}
