/** Point-in-polygon spatial join: public API (see data/JOIN.md). */
export { buildJoinIndex, type BuildJoinIndexOptions } from './build-index';
export { bucketDays, dayKeyOf, formatDayNumber, type DayBuckets } from './bucket-days';
export { flattenPolygons, featureCode, type FlatPolygons, type PolygonFeature } from './flatten-polygons';
export { INCIDENT_TYPES, INCIDENT_TYPE_COUNT, INCIDENT_TYPE_LABELS_ZH, incidentTypeIndex, isIncidentType, type IncidentType } from './incident-types';
export { describeJoinIndex, type JoinIndex, type JoinIndexStats } from './join-index';
export { joinPoints, locatePoints, type JoinResult } from './join-points';
export { locatePoint } from './locate-point';
export { parseBoundaries, boundariesFromJson, type BoundaryFeature, type BoundaryProperties } from './parse-boundaries';
export { parseIncidents, parseIncidentsCsv, parseIncidentsGeoJson, type ParsedIncidents, type ParseIncidentsOptions, type SkippedRow } from './parse-incidents';
export { DEFAULT_UTC_OFFSET_MINUTES, parseTime, isDayKey } from './parse-time';
export { readCounts } from './read-counts';
export { deserializeJoinIndex, serializeJoinIndex } from './serialize-index';
export { createCsvIncidentParser, createGeoJsonSeqIncidentParser, NotLineDelimitedError, type IncidentStreamParser } from './stream-incidents';
export { COUNTS_HEADER, compareRows, countsToRows, writeCounts, type CountsRow } from './write-counts';
