// The 明查暗访 inspection form: six scored categories and their maximum points, adding up to 100.
export const INSPECTION_CATEGORIES = [
  ['serviceNorms', '服务规范', 30],
  ['grooming', '仪容仪表', 15],
  ['proactiveService', '主动服务', 20],
  ['informationDisplay', '信息展示', 10],
  ['waitingTime', '等候时间', 15],
  ['environment', '环境设施', 10],
] as const

export type InspectionCategory = (typeof INSPECTION_CATEGORIES)[number][0]
