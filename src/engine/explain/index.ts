/**
 * The explain module: how each projected number was derived, in words, built from the projection,
 * its hardware and the catalog's templates (data/explanations.json). Hosts reach it through the
 * Engine (explainVision, explainLlm, explainModel, vlaDetail) and the records' `explanation` field.
 * See docs/decisions/0022-explanations.md.
 */
export type { Explanation, ExplanationPart, ExplanationTopic } from './types';
export { hardwareNotesMemo } from './hardware';
export { explainVision } from './vision';
export { explainLlm, explainModel } from './llm';
export { explainVla, vlaModelCaption } from './vla';
export { explainDuty } from './duty';
export { modelChoiceLabel, modelRoleLegend } from './roles';
