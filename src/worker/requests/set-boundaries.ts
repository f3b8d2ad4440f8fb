import { bilingual, DataError } from '../../core/data-error.ts';
import { buildJoinIndex } from '../../core/pip/build-index.ts';
import { featureCode } from '../../core/pip/flatten-polygons.ts';
import type { JoinIndex } from '../../core/pip/join-index.ts';
import { deserializeJoinIndex, serializeJoinIndex } from '../../core/pip/serialize-index.ts';
import type { RequestContext } from '../context.ts';
import { errorMessage } from '../errors.ts';
import type { Requests, TownshipFeature } from '../protocol.ts';

/** Build (or load) the join index of the boundaries later requests use. */
export function setBoundaries(payload: Requests['setBoundaries']['req'], ctx: RequestContext): Requests['setBoundaries']['res'] {
  const t0 = performance.now();
  const file = payload.file ?? 'boundaries';
  let index: JoinIndex;
  let features: TownshipFeature[] | null = null;
  try {
    if ('imported' in payload) {
      const imported = ctx.session.imported;
      if (!imported || imported.file !== payload.imported) throw new Error(`no inspected import named ${JSON.stringify(payload.imported)}`);
      features = imported.boundaries.townships.features as TownshipFeature[];
      index = buildJoinIndex(features);
      ctx.session.imported = null;
    } else if ('index' in payload) {
      if (!(payload.index instanceof ArrayBuffer)) throw new Error('"index" must be an ArrayBuffer');
      index = deserializeJoinIndex(payload.index);
    } else {
      if (!Array.isArray(payload.features)) throw new Error('"features" must be an array of Polygon/MultiPolygon features');
      features = payload.features;
      index = buildJoinIndex(features);
    }
  } catch (err) {
    throw new DataError(
      file,
      bilingual(
        `the township boundaries cannot be used to place incidents (${errorMessage(err)}) — check the boundaries file, or export it again from the GIS tool`,
        '乡镇边界无法用于匹配事件所在乡镇，请检查边界文件，或从 GIS 工具重新导出',
      ),
    );
  }
  const codes = index.codes !== null ? [...index.codes] : (features ?? []).map((f, i) => featureCode(f, i));
  const bbox: [number, number, number, number] = [index.minX, index.minY, index.maxX, index.maxY];
  ctx.session.boundaries = { index, features, codes, bbox, file };
  const returnIndex = 'returnIndex' in payload && payload.returnIndex === true;
  return {
    townships: index.featureCount,
    codes,
    bbox,
    buildMs: performance.now() - t0,
    ...(returnIndex ? { index: serializeJoinIndex(index) } : {}),
  };
}
