import type { Messages } from './types.ts';

export const en: Messages = {
  'app.title': 'Five-Color Safety Map',
  'app.subtitle': 'Safety index',
  'freshness.ok': 'Data up to date',
  'freshness.age': (days) => (days === 0 ? "Today's data" : `Data ${days} ${days === 1 ? 'day' : 'days'} old`),
  'freshness.offline': (minutes) => `No update for ${Math.round(minutes)} min; showing the last data received`,
  'freshness.noData': 'No data yet; retrying',
  'freshness.asOf': (time) => `Data as of ${time}`,
  'freshness.dataDate': (date) => `Data date ${date}`,
  'freshness.lastUpdate': (time) => `Last update ${time}`,
  'offline.notice': (date, asOf) => `Offline · showing the data saved on your last visit (data date ${date}${asOf ? `, as of ${asOf}` : ''})`,
  'update.ready': 'A new version is ready',
  'update.reload': 'Reload',
  'freshness.loading': 'Loading data…',
  'map.contextLost': 'Map display interrupted; restoring…',
  'map.contextRestored': 'Map display restored',
  'map.reloading': 'The map could not be restored; reloading the page…',
};
