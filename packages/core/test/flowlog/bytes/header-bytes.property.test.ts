import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { FLOW_LOG_FIELDS, isHeaderBytes, isHeaderLine } from "@sg/core";
import { generatedLine } from "../arbitraries.js";
import { decode, embedded } from "./support.js";

const spelling = fc.constantFrom(
  (name: string) => name,
  (name: string) => name.replaceAll("-", "_"),
  (name: string) => `\${${name}}`,
);

const separator = fc.constantFrom(" ", "  ", "\t", "\u00a0", "\u3000", "\v");

/** Header lines in every spelling, with stray tokens and Unicode spaces mixed in. */
const headerLike = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.tuple(fc.constantFrom(...FLOW_LOG_FIELDS), spelling).map(([name, spell]) => spell(name)),
        fc.constantFrom("next-hop", "Version", "${}", "$", "${x", "2", "-", "é", "\ufeffversion"),
      ),
      { minLength: 1, maxLength: 8 },
    ),
    separator,
    fc.constantFrom("", " ", "\r", "\ufeff", "\u00a0"),
  )
  .map(([tokens, gap, edge]) => edge + tokens.join(gap) + edge);

const anyLine = fc.oneof(
  headerLike,
  generatedLine.map(({ tokens }) => tokens.join(" ")),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);

describe("isHeaderBytes", () => {
  test.prop([anyLine])("should agree with isHeaderLine on every line", (line) => {
    const { bytes, start, stop } = embedded(line, "version x\n", "\nsrcaddr");

    const header = isHeaderBytes(bytes, start, stop, decode);

    expect(header).toBe(isHeaderLine(line));
  });

  test.prop([fc.shuffledSubarray([...FLOW_LOG_FIELDS], { minLength: 1 }), spelling])(
    "should take a line of known field names for a header",
    (fields, spell) => {
      const { bytes, start, stop } = embedded(fields.map(spell).join(" "));

      const header = isHeaderBytes(bytes, start, stop, decode);

      expect(header).toBe(true);
    },
  );
});
