/**
 * The model picker's labels as the reference tool writes them: the role's icon and short name, a
 * red mark on models this hardware cannot run, and the legend of the icons (data/explanations.json
 * modelRoles and incompatibleModel). The order (runnable first, then by role) is orderedModels'.
 */
import type { Catalog } from '../catalog/load';
import type { OrderedModel } from '../llm/models';

/** "🚀 PROD · Skippy 7B v4 (...)", with "🔴 " in front when the hardware cannot run the model. */
export function modelChoiceLabel(catalog: Catalog, choice: OrderedModel): string {
  const x = catalog.files['explanations.json'];
  const role = x.modelRoles[choice.model.role];
  const head = role === undefined ? '' : `${role.icon} ${role.short} · `;
  return `${choice.compatible ? '' : `${x.incompatibleModel.icon} `}${head}${choice.model.label}`;
}

/** "🚀 production · 🔬 fine-tune · 📚 stock base · ⚙️ perf reference · 🔴 won't run on this NPU tier", in role order. */
export function modelRoleLegend(catalog: Catalog): string {
  const x = catalog.files['explanations.json'];
  const roles = catalog.files['llm-models.json'].roleOrder.map((r) => x.modelRoles[r]).filter((r) => r !== undefined);
  return [...roles.map((r) => `${r.icon} ${r.legend}`), `${x.incompatibleModel.icon} ${x.incompatibleModel.legend}`].join(' · ');
}
