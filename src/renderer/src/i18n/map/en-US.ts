import type { MapMessages } from './zh-CN'

/** English text of the district map; typed by the Chinese file so keys never drift. */
const mapEnUS: MapMessages = {
  title: 'District grids',
  grid: 'Grid',
  code: 'Code',
  community: 'Community',
  street: 'Street',
  streets: '{count} streets',
  grids: '{count} grids',
  metricSelector: 'Colour by',
  metric: {
    eventsToday: 'Events today',
    openEvents: 'Open events',
    overdueEvents: 'Overdue events',
    warningBuildings: 'Warning buildings'
  },
  legend: {
    unavailable: 'Metric not available yet',
    loading: 'Loading metric…',
    unit: 'events / buildings',
    buildingsFromZoom: 'Zoom to a street to see buildings',
    noValues: 'All zero'
  },
  layers: {
    title: 'Layers',
    regions: 'Areas',
    labels: 'Names',
    buildings: 'Buildings',
    cameras: 'Cameras',
    staff: 'Workers',
    alerts: 'Alerts',
    heat: 'Heat map'
  },
  heat: {
    title: 'Event heat',
    less: 'fewer',
    more: 'more',
    summary: '{count} events · cells of about {size} m',
    loading: 'Loading the heat map…',
    unavailable: 'Heat map unavailable',
    empty: 'No events in this period'
  },
  risk: {
    safe: 'Safe',
    normal: 'Normal',
    warning: 'Warning'
  },
  camera: {
    online: 'Online',
    offline: 'Offline'
  },
  staffPosition: 'Grid worker',
  alert: {
    high: 'High',
    normal: 'Other',
    acknowledged: 'Seen',
    cluster: 'Grouped',
    pulse: 'Pulsing: unacknowledged high-severity, last 2 min'
  },
  detail: {
    title: 'Grid detail',
    close: 'Close',
    loading: 'Loading…',
    unavailable: 'Grid detail not available yet',
    chief: 'Grid chief',
    workers: 'Workers',
    noStaff: 'No staff',
    households: 'Households',
    population: 'Population',
    partyMembers: 'Party members',
    specialGroups: 'Special groups',
    specialBreakdown: 'Alone {elderly} · Disabled {disabled} · Care {care}',
    openEvents: 'Open events',
    overdueEvents: '{count} overdue',
    cameras: 'Cameras',
    camerasOnline: '{online}/{total} online'
  },
  role: {
    gridChief: 'Grid chief',
    gridWorker: 'Grid worker',
    partTimeWorker: 'Part-time worker',
    deptStaff: 'Department staff',
    vanguardTeam: 'Vanguard team'
  }
}

export default mapEnUS
