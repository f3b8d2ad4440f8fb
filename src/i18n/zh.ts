/**
 * Chinese, the default language, and the source of the message keys: English must translate every
 * key (the type in messages.ts makes a missing one a compile error, test/i18n checks it at run time).
 * Functions take the values to insert; they never build markup.
 */
export const zh = {
  'app.title': '平安五色图',
  'app.subtitle': '平安指数',
  'freshness.ok': '数据正常',
  'freshness.age': (days: number) => (days === 0 ? '今日数据' : `数据已 ${days} 天未更新`),
  'freshness.offline': (minutes: number) => `${Math.round(minutes)} 分钟未能更新数据，显示最近一次的数据`,
  'freshness.noData': '暂无数据，正在重试',
  'freshness.asOf': (time: string) => `数据截至 ${time}`,
  'freshness.dataDate': (date: string) => `数据日期 ${date}`,
  'freshness.lastUpdate': (time: string) => `最近更新 ${time}`,
  'offline.notice': (date: string, asOf: string) => `离线 · 显示上次访问时保存的数据（数据日期 ${date}${asOf ? `，截至 ${asOf}` : ''}）`,
  'update.ready': '新版本已就绪',
  'update.reload': '重新载入',
  'freshness.loading': '正在加载数据…',
  'map.contextLost': '地图显示中断，正在恢复…',
  'map.contextRestored': '地图显示已恢复',
  'map.reloading': '地图未能恢复，正在重新加载页面…',
} as const;
