import { err, ok, type Result } from "@sg/core";
import type { EmulatorOptions, RegionSeed } from "../emulator-options.js";
import type { EstateFiles } from "../estate-files.js";
import { apiError, type ApiError } from "./api-error.js";
import type { Caller } from "./caller.js";
import type { Ec2Context } from "./ec2/ec2-context.js";
import { seedStore } from "./seed-store.js";
import type { Store } from "./store.js";

/** One account × Region estate, ready to serve. */
export interface SeededEstate {
  readonly accountId: string;
  readonly region: string;
  readonly estate: EstateFiles | undefined;
}

const keyOf = (accountId: string, region: string): string => `${accountId}/${region}`;

/**
 * Every EC2 estate the emulator serves, one per account and Region. The top-level estate
 * is the default account's in the default Region; when no per-account estates were given
 * it answers the default account in every Region, so single-estate tests keep working
 * whatever Region their client names. Any other account or Region starts empty.
 */
export class EstateRegistry {
  private readonly stores = new Map<string, Store>();

  constructor(
    private readonly options: EmulatorOptions,
    private readonly defaultStore: Store,
    seeded: readonly SeededEstate[],
    private readonly ec2: Omit<Ec2Context, "store">,
  ) {
    const { accountId, region } = defaultStore.settings;
    this.stores.set(keyOf(accountId, region), defaultStore);
    for (const seed of seeded) {
      const key = keyOf(seed.accountId, seed.region);
      if (this.stores.has(key)) throw new Error(`cannot seed ${key}: it has two estates`);
      this.stores.set(key, this.newStore(seed.accountId, seed.region, seed.estate));
    }
  }

  /** The estate of one account in one Region, created empty on first use. */
  storeFor(accountId: string, region: string): Store {
    const { settings } = this.defaultStore;
    if (this.options.estates === undefined && accountId === settings.accountId) {
      return this.defaultStore;
    }

    const key = keyOf(accountId, region);
    const found = this.stores.get(key) ?? this.newStore(accountId, region, undefined);
    this.stores.set(key, found);
    return found;
  }

  /**
   * What an EC2 call of `caller` runs against: its account's estate in its Region. A
   * Region the account has not opted into refuses every call with `AuthFailure` (401), as
   * credentials are not valid in a disabled Region.
   */
  ec2ContextFor(caller: Caller): Result<Ec2Context, ApiError> {
    const region: RegionSeed | undefined = this.ec2.regions.find(
      (known) => known.RegionName === caller.region,
    );
    if (region?.OptInStatus === "not-opted-in") {
      return err(
        apiError(
          "AuthFailure",
          "AWS was not able to validate the provided access credentials",
          401,
        ),
      );
    }
    return ok({ ...this.ec2, store: this.storeFor(caller.accountId, caller.region) });
  }

  private newStore(accountId: string, region: string, estate: EstateFiles | undefined): Store {
    return seedStore({ ...this.options, accountId, region, logGroups: {} }, estate);
  }
}
