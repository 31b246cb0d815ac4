/** Public surface of the VLA projection. */
export { projectVla } from './project';
export { createVlaProjector, type VlaProjector } from './projector';
export { makeVlaModelResolver, vlaQueryOf, type VlaArgs } from './args';
export { checkVlaCatalog } from './check';
export type { VlaCameraMode, VlaMode, VlaProjection, VlaQuery, VlaRegime, VlaSource, DenoiseProjection } from './types';
