/** The district map's text (merged under `map` in ../index.ts). en-US.ts has exactly these keys. */
const mapZhCN = {
  title: '辖区网格分布',
  grid: '网格',
  code: '编码',
  community: '社区',
  street: '街道',
  streets: '{count} 个街道',
  grids: '{count} 个网格',
  metricSelector: '着色指标',
  metric: {
    eventsToday: '今日事件',
    openEvents: '在办事件',
    overdueEvents: '超期事件',
    warningBuildings: '警示楼栋'
  },
  legend: {
    unavailable: '指标数据暂不可用',
    loading: '指标加载中…',
    unit: '件 / 栋',
    buildingsFromZoom: '放大至街道级显示楼栋',
    noValues: '全部为 0'
  },
  layers: {
    title: '图层',
    regions: '区域着色',
    labels: '名称',
    buildings: '楼栋',
    cameras: '摄像头',
    staff: '网格员',
    alerts: '预警',
    heat: '热力'
  },
  heat: {
    title: '事件热力',
    less: '少',
    more: '多',
    summary: '共 {count} 件 · 每格约 {size} 米',
    loading: '热力加载中…',
    unavailable: '热力数据暂不可用',
    empty: '该时段无事件'
  },
  risk: {
    safe: '放心',
    normal: '一般',
    warning: '警示'
  },
  camera: {
    online: '在线',
    offline: '离线'
  },
  staffPosition: '网格员位置',
  alert: {
    high: '高危',
    normal: '一般',
    acknowledged: '已确认',
    cluster: '聚合',
    pulse: '闪烁：2 分钟内未确认的高危预警'
  },
  detail: {
    title: '网格详情',
    close: '关闭',
    loading: '加载中…',
    unavailable: '网格详情暂不可用',
    chief: '网格长',
    workers: '网格员',
    noStaff: '暂无人员',
    households: '户数',
    population: '人口',
    partyMembers: '党员',
    specialGroups: '特殊人群',
    specialBreakdown: '独居老人 {elderly} · 残疾 {disabled} · 关爱 {care}',
    openEvents: '在办事件',
    overdueEvents: '超期 {count}',
    cameras: '摄像头',
    camerasOnline: '{online}/{total} 在线'
  },
  role: {
    gridChief: '网格长',
    gridWorker: '专职网格员',
    partTimeWorker: '兼职网格员',
    deptStaff: '下沉力量',
    vanguardTeam: '党员先锋队'
  }
}

export default mapZhCN
export type MapMessages = typeof mapZhCN
