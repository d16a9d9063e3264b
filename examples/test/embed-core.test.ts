import { describe, expect, it } from "vitest";
import { proposedCidrs } from "../embed-core.js";

describe("the embedding example", () => {
  it("should propose the /29 the six reporting hosts fill", () => {
    expect(proposedCidrs()).toEqual(["10.4.8.0/29"]);
  });
});
