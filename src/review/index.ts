export {
  reviewAccess,
  findingsOf,
  recordFindings,
  accountFindings,
  sortFindings,
  allEntities,
} from './review.js';
export { ReviewWorld } from './world.js';
export { buildMatrix, principalsOf, rowsOfPrincipal, nearMissRows, sortRows, matrixRow } from './matrix.js';
export { pathOf } from './paths.js';
export {
  planChanges,
  suggestedDecision,
  type Decision,
  type PlannedChange,
  type ChangePlan,
  type DecisionProblem,
} from './decisions.js';
export { reviewToCsv, reviewToJson, neutralizeCell, csvField, type ReviewExportMeta } from './export.js';
export { DEFAULT_CLOSED_DAYS } from './rules/closed-record-party.js';
export {
  SEVERITIES,
  FINDING_KINDS,
  compareSeverity,
  parseSeverity,
  type Severity,
  type FindingKind,
  type Finding,
  type FindingDetail,
  type FindingText,
  type DescribeFinding,
  type PartyMention,
  type SuggestedFix,
  type DecisionAction,
  type AccessPath,
  type MatrixRow,
  type ReviewOptions,
  type ReviewResult,
} from './types.js';
