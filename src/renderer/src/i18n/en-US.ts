import type zhCN from './zh-CN'

/** English UI text; typed by the Chinese file so a missing or extra key fails to compile. */
const enUS: typeof zhCN = {
  app: {
    productName: 'Grid Command Center',
    languageName: 'English'
  },
  clock: {
    weekdays: {
      mon: 'Monday',
      tue: 'Tuesday',
      wed: 'Wednesday',
      thu: 'Thursday',
      fri: 'Friday',
      sat: 'Saturday',
      sun: 'Sunday'
    }
  },
  titleBar: {
    mode: {
      normal: 'Normal',
      emergency: 'Emergency'
    },
    modeLabel: 'Mode',
    modeUnknown: 'Mode unknown',
    connection: {
      connecting: 'Connecting…',
      connected: 'Connected',
      reconnecting: 'Reconnecting…'
    },
    dataAsOf: 'Data as of {time}',
    dataStale: 'No new data for {minutes} min',
    noEvents: 'No data yet',
    console: 'Console',
    languageHint: 'Alt+L switches language'
  },
  panel: {
    loading: 'Loading…',
    loadFailed: 'Failed to load data',
    refreshFailed: 'Refresh failed, showing the last data',
    noDistrict: 'No district has been loaded yet',
    errorCode: 'Error code {code}',
    retry: 'Retry'
  },
  map: {
    title: 'Grids of the district',
    grid: 'Grid',
    code: 'Code',
    community: 'Community',
    street: 'Street',
    streets: '{count} streets',
    grids: '{count} grids'
  },
  chart: {
    eventsByArea: 'Events by street, last {days} days',
    reported: 'Reported',
    resolved: 'Resolved',
    resolutionRate: 'Resolution rate',
    empty: 'No data'
  },
  kpi: {
    title: 'District overview',
    grids: 'Grids',
    buildings: 'Buildings by risk',
    risk: {
      safe: 'Safe',
      normal: 'Normal',
      warning: 'Warning'
    },
    cameras: 'Cameras online',
    staffOnDuty: 'Staff on duty',
    eventsToday: 'Events today',
    unit: {
      grids: 'grids',
      buildings: 'bldgs',
      cameras: 'feeds',
      people: 'people',
      events: 'events'
    }
  },
  console: {
    title: 'Operator console',
    backToWall: 'Back to the wall',
    language: 'Language',
    signIn: {
      title: 'Operator sign-in',
      username: 'Username',
      password: 'Password',
      submit: 'Sign in',
      required: 'Enter your username and password'
    },
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    roles: {
      viewer: 'Viewer',
      dutyOfficer: 'Duty officer',
      dispatcher: 'Dispatcher',
      admin: 'Administrator'
    },
    mode: {
      title: 'Normal / emergency mode',
      current: 'Current mode',
      hint: 'Switching needs the dispatcher role or higher and is recorded with its reason',
      toEmergency: 'Switch to emergency mode',
      toNormal: 'Return to normal mode',
      reason: 'Reason',
      reasonPlaceholder: 'e.g. typhoon orange warning, emergency response started',
      reasonTooShort: 'Give a reason (at least 2 characters)',
      incident: 'Related incident (optional)',
      confirm: 'Switch',
      cancel: 'Cancel',
      done: 'Switched to {mode} mode'
    },
    audit: {
      title: 'Latest audit entries',
      at: 'Time',
      operator: 'Operator',
      action: 'Action',
      target: 'Target',
      outcome: 'Outcome',
      detail: 'Detail',
      outcomes: {
        ok: 'OK',
        refused: 'Refused',
        failed: 'Failed'
      },
      actions: {
        auth: { signIn: 'Sign in', signOut: 'Sign out' },
        operators: { create: 'Create operator' },
        mode: { set: 'Mode switch' }
      },
      refresh: 'Refresh',
      empty: 'No entries'
    },
    operators: {
      title: 'New operator',
      username: 'Username',
      displayName: 'Display name',
      role: 'Role',
      password: 'Initial password (10+ characters)',
      submit: 'Create',
      created: 'Created operator {name}'
    },
    error: 'Error'
  }
}

export default enUS
