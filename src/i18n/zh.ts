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
  'wall.open': '大屏模式',
  'wall.townships': (n: number) => `${n} 个乡镇（街道）`,
  'wall.levels': '各等级乡镇数',
  'wall.sinceYesterday': '较昨日',
  'wall.cityIndex': '全市平安指数',
  'wall.incidentsToday': '当日警情',
  'wall.incidentsAverage': (average: string) => `近 7 日日均 ${average}`,
  'wall.hazardWarnings': '地灾预警乡镇',
  'wall.gapCount': '高风险低覆盖',
  'wall.pending': '计算中',
  'wall.ranking': '风险排名',
  'wall.trend': '近 30 天全市指数',
  'wall.changes': '等级变化',
  'wall.changes.none': '与前一日相比无等级变化',
  'wall.changes.first': '无前一日数据可比',
  'wall.gaps': '高风险·低覆盖',
  'wall.gaps.none': '当日无',
  'wall.gaps.coverage': (percent: number) => `覆盖 ${percent}%`,
  'wall.worse': '转差',
  'wall.better': '好转',
} as const;
