/**
 * Is this JSON a MapLibre style the map can start from? Only the shape MapLibre needs before it
 * draws anything: a failing basemap must be caught here, before the map is created with it,
 * because MapLibre given a style that cannot load never fires "load" and the townships never draw.
 */
import { bilingual, isRecord } from './data-error.ts';

export function basemapStyleProblem(json: unknown): string | null {
  if (!isRecord(json)) return bilingual('is not a MapLibre style (not a JSON object)', '不是 MapLibre 样式（不是 JSON 对象）');
  if (json.version !== 8) return bilingual(`is not a MapLibre style ("version" is ${JSON.stringify(json.version)}, expected 8)`, `不是 MapLibre 样式（"version" 为 ${JSON.stringify(json.version)}，应为 8）`);
  if (!isRecord(json.sources)) return bilingual('is not a MapLibre style (no "sources" object)', '不是 MapLibre 样式（缺少 "sources" 对象）');
  if (!Array.isArray(json.layers)) return bilingual('is not a MapLibre style (no "layers" list)', '不是 MapLibre 样式（缺少 "layers" 列表）');
  return null;
}
