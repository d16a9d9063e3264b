import * as t from "io-ts";
import { list, record } from "./shapes.js";

const prefixList = record(
  "ManagedPrefixList",
  { PrefixListId: t.string },
  { MaxEntries: t.number, PrefixListName: t.string, AddressFamily: t.string, State: t.string },
);

/** `managed-prefix-lists.json`: the output of `aws ec2 describe-managed-prefix-lists`. */
export const managedPrefixListsFile = record(
  "DescribeManagedPrefixLists output",
  { PrefixLists: list(prefixList) },
  {},
);
