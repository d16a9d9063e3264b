import type { AccountEstateSeed } from "../organization-seed.js";
import { loadEstateDir } from "../load-estate-dir.js";
import type { SeededEstate } from "./estate-registry.js";

/** Reads the per-account estates, loading each `estateDir` that has no in-memory estate. */
export const seedEstates = async (seeds: readonly AccountEstateSeed[]): Promise<SeededEstate[]> =>
  Promise.all(
    seeds.map(async (seed) => ({
      accountId: seed.accountId,
      region: seed.region,
      estate: seed.estate ?? (seed.estateDir ? await loadEstateDir(seed.estateDir) : undefined),
    })),
  );
