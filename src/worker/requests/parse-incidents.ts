import type { RequestContext } from '../context.ts';
import { parseIncidentFile } from '../parse-file.ts';
import type { Requests } from '../protocol.ts';

/** Parse an incidents file (CSV, GeoJSON or incidents.bin) into columns. */
export async function parseIncidents(payload: Requests['parseIncidents']['req'], ctx: RequestContext): Promise<Requests['parseIncidents']['res']> {
  const { columns, report } = await parseIncidentFile(payload.bytes, payload.file, payload, ctx);
  return { ...columns, ...report };
}
