import { bilingual, DataError } from '../../core/data-error.ts';
import { INCIDENT_TYPE_COUNT } from '../../core/incidents/incident-types.ts';
import { sortByDay } from '../../core/incidents/incident-view.ts';
import { requireBoundaries, type RequestContext } from '../context.ts';
import { fetchBytes } from '../fetch-bytes.ts';
import { parseIncidentFile } from '../parse-file.ts';
import type { Requests } from '../protocol.ts';
import { joinChunked } from './join-points.ts';
import { auditPoints } from './point-audit.ts';

/** Fetch (or take) an incidents file, parse it and join it, so only the counts cross back. */
export async function loadAndJoin(payload: Requests['loadAndJoin']['req'], ctx: RequestContext): Promise<Requests['loadAndJoin']['res']> {
  const boundaries = requireBoundaries(ctx);
  const { index } = boundaries;
  const file = payload.file;
  if (typeof file !== 'string' || file === '') throw new Error('loadAndJoin: "file" (a name for messages) is required');
  let bytes: ArrayBuffer;
  if (payload.bytes !== undefined) bytes = payload.bytes;
  else if (typeof payload.url === 'string') bytes = await fetchBytes(payload.url, file, ctx);
  else throw new DataError(file, bilingual('cannot be loaded: the app gave neither its address nor its contents (an error in the app, not in the file — report it)', '无法载入：应用既未提供地址也未提供内容（这是应用程序的错误，并非文件问题，请报告此问题）'));
  const { columns, report } = await parseIncidentFile(bytes, file, payload, ctx);
  const join = await joinChunked(
    index,
    {
      coords: columns.coords,
      types: columns.types,
      typeCount: INCIDENT_TYPE_COUNT,
      ...(columns.days !== undefined ? { days: columns.days, dayCount: columns.dayCount } : {}),
      // The audit needs each point's township; it is sent back only when asked for.
      returnTownship: payload.returnTownship === true || payload.audit === true,
    },
    ctx,
  );
  const audit = payload.audit === true && join.township ? await auditPoints(columns, join.township, boundaries, ctx) : undefined;
  const { township, ...counts } = join;
  return {
    ...counts,
    ...(payload.returnTownship === true && township ? { township } : {}),
    ...(audit ? { audit } : {}),
    ...report,
    ...(columns.startDay !== undefined ? { startDay: columns.startDay } : {}),
    // Sorted here, once per file, so the main thread never spends a frame reordering a season of points.
    ...(payload.returnPoints === true ? { points: { ...columns, ...sortByDay({ coords: columns.coords, types: columns.types, days: columns.days ?? new Uint16Array(columns.count) }) } } : {}),
  };
}
