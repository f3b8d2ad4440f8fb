/** The daily safety index: config, engine and explanations (see compute-index.ts). */
export { parseIndexConfig, validateIndexConfig, type Curve, type DomainConfig, type IndexConfig, type OverrideRule, type TermConfig, type WindowKind } from './config.ts';
export {
  computeIndex,
  FLAG_COVERAGE_DEFAULT,
  FLAG_EXPOSURE_DEFAULT,
  FLAG_NO_INDEX,
  FLAG_NO_POPULATION,
  termRawValue,
  type IndexInputs,
  type IndexResult,
} from './compute-index.ts';
export { evaluateCurve } from './curve.ts';
export { addDays, daysBetween } from './dates.ts';
export { DOMAIN_COUNT, DOMAIN_LABELS, DOMAINS, RULE_INPUTS, TERM_COUNT, TERMS, termsOf, type DomainId, type TermSpec } from './domains.ts';
export { domainChanges, townshipDay, type DayChange, type DomainBreakdown, type DomainChange, type TermBreakdown, type TownshipDay } from './explain.ts';
export { assembleIndexInputs, type AssembleOptions, type JoinedCounts } from './inputs.ts';
export { compareWithLevels, type LevelsDisagreement } from './compare-levels.ts';
export { toLevelsFile } from './to-levels-file.ts';
