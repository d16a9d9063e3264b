import type { Inventory, Rule } from "@sg/core";
import { join } from "node:path";
import type { InventoryReader } from "../ports/inventory-reader.js";
import type { RuleWriter } from "../ports/rule-writer.js";
import { RuleWriteError } from "../ports/rule-write-error.js";
import { ESTATE_FILES } from "./estate-files.js";
import { authoriseInDocuments } from "./internal/authorise-in-documents.js";
import { loadEstateDocuments, type EstateDocuments } from "./internal/estate-documents.js";
import { estateModel, type EstateModel } from "./internal/estate-model.js";
import { networkAclsOf } from "./internal/network-acl-of.js";
import { withGroupReread, type GroupChange } from "./internal/reread-group.js";
import { revokeInDocuments } from "./internal/revoke-in-documents.js";
import { ruleMatchKey } from "../internal/rule-match-key.js";
import { writeFilesTogether } from "./internal/write-files-together.js";
import type { NetworkAcl } from "./network-acl.js";

/** EC2's default inbound rule quota per security group (aws-facts §1). */
export const DEFAULT_RULE_QUOTA = 60;

/** How a {@link LocalEstate} counts quotas, and its test support. */
export interface LocalEstateOptions {
  /** The inbound rule quota of every group; {@link DEFAULT_RULE_QUOTA} unless given. */
  readonly quota?: number;
  /** Quotas raised (or lowered) for single groups, by group id. */
  readonly quotaByGroup?: Readonly<Record<string, number>>;
  /**
   * Test support only: the Nth authorise or revoke call, counting from 1, fails with code
   * `InjectedFailure` before anything is written, so CLI tests can break an apply midway.
   */
  readonly failMutationNumberForTests?: number;
}

/**
 * An estate exported with the AWS CLI into one folder (see {@link ESTATE_FILES}), read as
 * the live estate would be and changed the way EC2 would change it. Authorise and revoke
 * edit the rules in memory and rewrite every file that records them, together and
 * atomically, keeping every field the tool does not model; a failing call writes nothing.
 * Calls are applied one at a time in the order they were made.
 */
export class LocalEstate implements InventoryReader, RuleWriter {
  private mutations = 0;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    /** The folder the estate was read from and is written back to. */
    readonly directory: string,
    private readonly options: LocalEstateOptions,
    private documents: EstateDocuments,
    private model: EstateModel,
    private readonly networkAcls: readonly NetworkAcl[] | undefined,
  ) {}

  /** Reads and checks every estate file in `directory`, failing on the first bad one. */
  static async open(directory: string, options: LocalEstateOptions = {}): Promise<LocalEstate> {
    const documents = await loadEstateDocuments(directory);
    const model = estateModel(directory, documents, quotaOf(options));
    const networkAcls = networkAclsOf(directory, documents.networkAcls);
    return new LocalEstate(directory, options, documents, model, networkAcls);
  }

  /** The estate as it stands after every call so far. */
  read(): Promise<Inventory> {
    return Promise.resolve(this.model.inventory);
  }

  /** The network ACLs, or `undefined` when the folder has no `network-acls.json`. */
  readNetworkAcls(): Promise<readonly NetworkAcl[] | undefined> {
    return Promise.resolve(this.networkAcls);
  }

  /** The folder and the files read from it, for reports. */
  describe(): string {
    const present = Object.entries(ESTATE_FILES)
      .filter(([key]) => this.documents[key as keyof EstateDocuments] !== undefined)
      .map(([, file]) => file.name);
    return `estate exported to ${this.directory} (${present.join(", ")})`;
  }

  /** Adds the rules as EC2 would; see {@link RuleWriter.authorise}. */
  async authorise(groupId: string, rules: readonly Rule[]): Promise<Rule[]> {
    let keys: string[] = [];
    const next = await this.mutate(groupId, rules, () => {
      const { documents, added } = authoriseInDocuments(this.model, this.documents, groupId, rules);
      keys = added.map(ruleMatchKey);
      return { documents, change: { groupId, added, removed: [] } };
    });

    const held = next.groups.get(groupId)?.rules ?? [];
    return keys.flatMap((key) => held.filter((rule) => ruleMatchKey(rule) === key));
  }

  /** Removes the rules as EC2 would; see {@link RuleWriter.revoke}. */
  async revoke(groupId: string, rules: readonly Rule[]): Promise<void> {
    await this.mutate(groupId, rules, () => {
      const { documents, revoked } = revokeInDocuments(this.model, this.documents, groupId, rules);
      return { documents, change: { groupId, added: [], removed: revoked } };
    });
  }

  /**
   * Runs one call after the previous one settles: computes the new documents (or throws
   * without side effects), writes the files that record rules, and only then makes the new
   * documents and model current. Resolves to the model after the call.
   */
  private mutate(
    groupId: string,
    rules: readonly Rule[],
    edit: () => { documents: EstateDocuments; change: GroupChange },
  ): Promise<EstateModel> {
    const run = async (): Promise<EstateModel> => {
      this.mutations += 1;
      this.failIfInjected(groupId, rules);

      const { documents, change } = edit();
      const model = withGroupReread(this.model, this.directory, documents, change);
      await writeFilesTogether(this.changedFiles(documents));

      this.documents = documents;
      this.model = model;
      return model;
    };

    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private failIfInjected(groupId: string, rules: readonly Rule[]): void {
    if (this.mutations !== this.options.failMutationNumberForTests) return;

    const text = `call ${this.mutations} failed on purpose (failMutationNumberForTests)`;
    throw new RuleWriteError("InjectedFailure", groupId, rules, text);
  }

  private changedFiles(documents: EstateDocuments): { path: string; text: string }[] {
    const files = [
      { name: ESTATE_FILES.securityGroups.name, document: documents.securityGroups },
      { name: ESTATE_FILES.securityGroupRules.name, document: documents.securityGroupRules },
    ];
    return files
      .filter((file) => file.document !== undefined)
      .map((file) => ({
        path: join(this.directory, file.name),
        text: asAwsCliJson(file.document),
      }));
  }
}

const quotaOf = (options: LocalEstateOptions) => ({
  defaultQuota: options.quota ?? DEFAULT_RULE_QUOTA,
  ...(options.quotaByGroup === undefined ? {} : { quotaByGroup: options.quotaByGroup }),
});

/** JSON laid out as the AWS CLI prints it: four-space indents and a final newline. */
const asAwsCliJson = (document: unknown): string => `${JSON.stringify(document, null, 4)}\n`;
