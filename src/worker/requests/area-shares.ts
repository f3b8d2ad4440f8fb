import { layerClasses, townshipAreaShares } from '../../core/area-shares/area-shares.ts';
import { prepareAreaLayer } from '../../core/area-shares/prepare-layer.ts';
import { bilingual, DataError } from '../../core/data-error.ts';
import type { RequestContext } from '../context.ts';
import type { Requests } from '../protocol.ts';

/** Each township's share of area in each class of each layer, a few townships per chunk. */
export async function areaShares(payload: Requests['areaShares']['req'], ctx: RequestContext): Promise<Requests['areaShares']['res']> {
  const townships = payload.townships ?? ctx.session.boundaries?.features ?? null;
  if (townships === null) throw new Error('areaShares: no township polygons (send "townships", or setBoundaries with features)');
  if (!Array.isArray(payload.layers)) throw new Error('areaShares: "layers" must be an array');
  const prepared = payload.layers.map((layer, i) => {
    const name = typeof layer?.name === 'string' && layer.name !== '' ? layer.name : `layer #${i}`;
    if (!Array.isArray(layer?.features)) throw new DataError(name, bilingual('has no list of features: the app sent the layer without them (an error in the app, not in the file — report it)', '没有要素列表：应用传入的图层缺少要素（这是应用程序的错误，并非文件问题，请报告此问题）'));
    const classes = layer.classes ?? layerClasses(layer.features, name);
    return prepareAreaLayer(layer.features, classes, name);
  });
  const total = townships.length * prepared.length;
  let done = 0;
  const out: Requests['areaShares']['res']['layers'] = [];
  for (const layer of prepared) {
    const shares = new Float64Array(townships.length * layer.classes.length);
    for (let t = 0; t < townships.length; t++) {
      townshipAreaShares(layer, townships[t]!, t, shares);
      done++;
      if (done % ctx.townshipsPerChunk === 0 || done === total) {
        ctx.progress('areaShares', done, total);
        if (done < total) await ctx.checkpoint();
      }
    }
    out.push({ name: layer.file, classes: layer.classes, shares });
  }
  return { townships: townships.length, layers: out };
}
