/**
 * VLA projection bound to one catalog, for the engine facade and hosts: resolves names once per
 * catalog (the model resolver) and projects user-facing arguments.
 */
import type { Catalog } from '../catalog/load';
import type { VlaModelRecord } from '../catalog/schemas-vla';
import type { Hardware } from '../hardware/types';
import type { NameResolver } from '../util/names';
import { makeVlaModelResolver, type VlaArgs, vlaQueryOf } from './args';
import { projectVla } from './project';
import type { VlaProjection } from './types';

export interface VlaProjector {
  readonly models: NameResolver<VlaModelRecord>;
  project(hw: Hardware, args: VlaArgs): VlaProjection;
}

export function createVlaProjector(catalog: Catalog): VlaProjector {
  const models = makeVlaModelResolver(catalog);
  return Object.freeze({
    models,
    project: (hw: Hardware, args: VlaArgs): VlaProjection => projectVla(catalog, hw, vlaQueryOf(catalog, models, args)),
  });
}
