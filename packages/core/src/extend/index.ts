/**
 * Extend: break-glass, strictly additive rules for what flow logs show REJECTed, within
 * each group's free rules and a ceiling on the groups one run may change.
 */
export {
  DEFAULT_EXTEND_TOLERANCE,
  DEFAULT_MAX_GROUPS,
  type ExtendOptions,
  type ExtendedSource,
  type Extension,
  type ExtensionStats,
  type GroupExtension,
  type PublicSourcePolicy,
  type UnadmittedReason,
  type UnadmittedSource,
} from "./extension.js";
export { planExtension } from "./plan-extension.js";
