import type zhCN from './zh-CN'

/** English UI text; typed by the Chinese file so a missing or extra key fails to compile. */
const enUS: typeof zhCN = {
  app: {
    productName: 'Grid Command Center',
    languageName: 'English'
  },
  incident: {
    types: {
      fire: 'Fire',
      waterlogging: 'Flooding and waterlogging',
      typhoon: 'Typhoon',
      landslide: 'Landslide',
      hazardousChemicals: 'Hazardous chemicals',
      gasLeak: 'Gas leak',
      publicHealth: 'Public health',
      massIncident: 'Mass incident',
      other: 'Other emergency'
    },
    levels: { I: 'Level I (extremely serious)', II: 'Level II (serious)', III: 'Level III (major)', IV: 'Level IV (general)' },
    drill: 'Drill'
  },
  emergency: {
    staffRoles: { gridChief: 'grid chief', gridWorker: 'grid worker', partTimeWorker: 'part-time worker', deptStaff: 'department staff', vanguardTeam: 'vanguard' },
    control: {
      enter: 'Emergency',
      leave: 'End emergency',
      shortcutHint: 'Ctrl+Shift+E: enter or leave emergency mode (dispatcher or higher)',
      signInHint: 'Switching to emergency command needs a dispatcher or higher: sign in first',
      signedInAs: 'Operator: {name}',
      error: 'Not switched'
    },
    form: {
      byPlace: 'Grid, building or address',
      searchPlace: 'Search a grid (name or code) or a building’s address (e.g. 圳美新村24巷6号)',
      kinds: { grid: 'Grid', building: 'Building' },
      placeHint: 'Type, then choose from the list; a full grid code works as it is',
      gridHint: 'Or click a grid on the map first, then press Ctrl+Shift+E: the grid is filled in; or pick a point on the map',
      locationInvalid: 'Choose a grid or building from the search, or give a longitude and latitude',
      pick: 'Pick on map',
      pickedIn: 'Picked on the map · in grid {grid}',
      pickedOutside: 'Picked on the map · outside the district’s grids'
    },
    pick: { banner: 'Click the map to place the incident · Esc to cancel', cancel: 'Cancel' },
    map: { incident: 'Incident', shelters: 'Shelters', supplyPoints: 'Supply points', vanguard: 'Vanguard', workers: 'Workers on duty' },
    title: { command: 'Emergency command' },
    header: {
      label: 'Running incident',
      drill: '演练 DRILL',
      levels: { I: 'Extremely severe', II: 'Severe', III: 'Major', IV: 'General' },
      rings: 'Rings {rings}',
      started: 'started {time}',
      elapsed: 'Elapsed',
      noise: 'Carousels stopped · routine alerts quiet · alerts in the rings first'
    },
    panels: {
      rings: 'Rings',
      affected: 'Affected grids and buildings',
      resources: 'Resources',
      cameras: 'Cameras in the rings',
      log: 'Incident log'
    },
    rings: {
      cumulative: 'inner rings included',
      grids: 'Grids',
      buildings: 'Buildings',
      residents: 'Residents',
      elderlyAlone: 'Elderly alone',
      disabled: 'Disabled',
      underCare: 'Under care'
    },
    affected: {
      counts: '{grids} grids · {buildings} buildings',
      grids: 'Grids, nearest first',
      buildings: 'Buildings, nearest first',
      inside: 'incident grid',
      people: '{count} people',
      elderly: '{count} alone',
      noBuildings: 'No building in the rings'
    },
    resources: {
      nearestFirst: 'nearest first',
      vanguard: 'Vanguard teams',
      workers: 'Grid workers on duty',
      shelters: 'Shelters (capacity)',
      supplyPoints: 'Supply points',
      capacity: '{count}',
      none: 'None'
    },
    cameras: {
      online: '{online} / {total} online',
      noAlert: 'no alert',
      offline: 'offline',
      none: 'No camera in the rings'
    },
    log: {
      count: '{count} entries',
      empty: 'Nothing logged yet',
      kinds: { started: 'Start', ended: 'End', task: 'Task', taskStatus: 'Reply', action: 'Action', alert: 'Alert' },
      alert: '{type} · {camera} · inside {ring} · {distance}'
    }
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
    modeMayBeStale: 'Mode may be out of date (broker not connected)',
    connectionLabel: 'Server',
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
  chart: {
    eventsByArea: 'Events by street, last {days} days',
    reported: 'Reported',
    resolved: 'Resolved',
    closed: 'Closed',
    resolutionRate: 'Resolution rate',
    today: 'Today',
    average28: '28-day mean',
    hotspotEvents: '{count} events',
    hotspotPopulation: '{count} residents',
    weekdayShort: {
      mon: 'Mon',
      tue: 'Tue',
      wed: 'Wed',
      thu: 'Thu',
      fri: 'Fri',
      sat: 'Sat',
      sun: 'Sun'
    },
    hourCell: '{weekday} {from}:00–{to}:00',
    peak: 'Peak: {weekday} {from}:00–{to}:00, {count} events',
    events: '{count} events',
    empty: 'No data'
  },
  panels: {
    trend: 'Events, last {days} days',
    hourly: 'Events by hour (today / mean)',
    categories: 'Categories, last {days} days',
    sources: 'Sources, last {days} days',
    buildingRisk: 'Building risk levels',
    ranking: 'Grid worker ranking',
    hotspots: 'Hot-spot grids, top 10',
    supervision: 'Supervision: overdue / due soon',
    hotspotsBasis: 'per 1,000 residents, {days} days',
    hourWeekday: 'Hot hours · {category}',
    hotDemands: 'Hot resident demands, week on week',
    hotDemandsBasis: 'Residents and 12345, last 7 days',
    byArea: {
      district: 'Events by street, last {days} days',
      street: 'Events by community, last {days} days',
      community: 'Events by grid, last {days} days',
      grid: 'Events in this grid, last {days} days',
      subgrid: 'Events in this grid, last {days} days'
    }
  },
  sources: {
    patrol: 'Patrol',
    resident: 'Resident',
    hotline: '12345 hotline',
    camera: 'Camera',
    sensor: 'Sensor'
  },
  ranking: {
    period: 'Ranking period',
    week: 'Week',
    month: 'Month',
    rank: 'No.',
    name: 'Name',
    grid: 'Grid',
    score: 'Score'
  },
  carousel: {
    pause: 'Pause',
    resume: 'Resume',
    previous: 'Previous',
    next: 'Next',
    position: '{index}/{count}',
    spaceHint: 'Space pauses or resumes the rotation',
    names: {
      trend: 'Trend',
      hourly: 'By hour',
      categories: 'Categories',
      byArea: 'By area',
      sources: 'Sources',
      buildingRisk: 'Building risk',
      ranking: 'Ranking',
      hotspots: 'Hot spots',
      hourWeekday: 'Hot hours',
      hotDemands: 'Hot demands',
      supervision: 'Supervision',
      disputes: 'Disputes',
      alerts: 'Camera alerts'
    }
  },
  analysis: {
    period: 'Period',
    days: '{days} d',
    category: 'Category',
    allCategories: 'All categories',
    new: 'new',
    flat: 'flat',
    demandDetail: '{count} in the last 7 days, {previous} in the 7 before',
    noDemands: 'No resident demands in two weeks',
    lastWeek: 'The 7 days before'
  },
  wall: {
    breadcrumb: 'Area',
    up: 'Up',
    levels: {
      district: 'District',
      street: 'Street',
      community: 'Community',
      grid: 'Grid',
      subgrid: 'Sub-grid'
    }
  },
  supervision: {
    title: 'Supervision',
    overdue: 'Overdue',
    dueSoon: 'Due soon',
    overdueCount: 'Overdue {count}',
    dueSoonCount: 'Due soon {count}',
    dueSoonWithin: 'Due soon (within {span})',
    overdueBy: '{span} late',
    remaining: '{span} left',
    more: '{count} more',
    none: 'No overdue or due-soon events',
    level: {
      1: 'L1',
      2: 'L2',
      3: 'L3'
    }
  },
  disputes: {
    title: 'Dispute early warning',
    total: '{count} open',
    ungraded: 'Ungraded',
    people: '{count} people',
    ago: '{span} ago',
    more: '{count} more',
    none: 'No open disputes'
  },
  eventDetail: {
    dispute: { level: 'Dispute warning', people: 'People involved', urgency: 'Urgency', amount: 'Money at stake' },
    title: 'Event',
    close: 'Close',
    loading: 'Loading…',
    failed: 'Failed to load',
    category: 'Category',
    level: 'Level',
    levelValue: 'Level {level}',
    source: 'Source',
    status: 'Status',
    reportedAt: 'Reported',
    deadlineAt: 'Deadline',
    overdueBy: 'Overdue by',
    remaining: 'Time left',
    supervision: 'Supervision',
    grid: 'Grid',
    community: 'Community',
    street: 'Street',
    team: 'Grid team',
    noTeam: 'Nobody assigned',
    timeline: 'Timeline',
    alert: 'Linked camera alert',
    score: 'score {score}',
    act: {
      title: 'Dispatch',
      hint: {
        accept: 'Accept, then dispatch or escalate',
        dispatch: 'Send to the grid or a department',
        escalate: 'Beyond this level: escalate',
        returnToHandling: 'Verification failed: back to handling',
        close: 'Verified: close the case'
      },
      confirm: 'Confirm: {action}',
      note: 'Note (optional, sent with the order)',
      cancel: 'Cancel',
      signInHint: 'Acting on events needs a dispatcher (or higher) to sign in',
      signedInAs: 'Operator: {name}',
      done: '{action}: done, the order is queued for the field',
      error: 'Not done',
      noneAllowed: 'No dispatcher action in this status'
    },
    statuses: {
      reported: 'Reported',
      accepted: 'Accepted',
      dispatched: 'Dispatched',
      handling: 'Handling',
      handled: 'Handled',
      verified: 'Verified',
      closed: 'Closed',
      rated: 'Rated',
      escalated: 'Escalated',
      returned: 'Returned'
    },
    actions: {
      report: 'Report',
      accept: 'Accept',
      dispatch: 'Dispatch',
      startHandling: 'Start handling',
      reportHandled: 'Report handled',
      verify: 'Verify',
      returnToHandling: 'Return',
      resume: 'Resume',
      escalate: 'Escalate',
      close: 'Close',
      rate: 'Rate'
    }
  },
  eventList: {
    title: 'Events',
    open: 'Event list',
    total: '{count} events',
    shown: '{shown} of {total} shown',
    loadMore: 'Load more',
    empty: 'No event matches',
    failed: 'Could not load',
    levelShort: 'L{level}',
    overdueBy: '{span} overdue',
    remaining: '{span} left',
    filters: { status: 'Status', level: 'Level', category: 'Category', source: 'Source' },
    overdue: { all: 'All', yes: 'Overdue', no: 'Not overdue' },
    columns: { title: 'Event', category: 'Category', level: 'Level', status: 'Status', grid: 'Grid', reportedAt: 'Reported', deadline: 'Deadline' }
  },
  kpi: {
    title: 'Key figures',
    reportedToday: 'Reported today',
    closedToday: 'Closed today',
    resolutionRate: 'Resolution rate',
    onTimeRate: 'On-time rate',
    satisfaction: 'Satisfaction',
    overdue: 'Overdue',
    camerasOnline: 'Cameras online',
    staffOnDuty: 'Staff on duty',
    basis: {
      yesterday: 'vs yesterday',
      lastWeek: 'vs last week',
      none: 'n/a'
    },
    pp: ' pt',
    onlineShare: 'online / total',
    noComparison: 'no comparison',
    buildingsTotal: '{count} buildings',
    risk: {
      safe: 'Safe',
      normal: 'Normal',
      warning: 'Warning'
    }
  },
  alerts: {
    title: 'Camera AI alerts',
    open: 'Open {count}',
    empty: 'No alerts',
    todayByType: 'Today',
    score: 'Score',
    mute: 'Alert chime: on (click to mute)',
    unmute: 'Alert chime: muted (click to turn on)',
    types: {
      intrusion: 'Intrusion',
      crowdGathering: 'Crowd',
      fireSmoke: 'Fire/smoke',
      illegalParking: 'Parking',
      streetVending: 'Vending',
      garbageOverflow: 'Garbage',
      fallDetection: 'Person fallen',
      eBikeInElevator: 'E-bike in lift',
      fight: 'Fight'
    },
    statuses: {
      new: 'New',
      acknowledged: 'Acknowledged',
      dispatched: 'Dispatched',
      dismissed: 'Dismissed'
    },
    dismissReasons: {
      falsePositive: 'False positive',
      duplicate: 'Duplicate',
      alreadyHandled: 'Already handled',
      outOfJurisdiction: 'Out of jurisdiction',
      other: 'Other'
    },
    broker: {
      label: 'Alert feed',
      states: {
        connected: 'connected',
        connecting: 'connecting',
        offline: 'offline',
        disabled: 'disabled'
      },
      lastMessage: 'Last alert {time}',
      noMessage: 'No alert messages yet',
      down: 'Alert link down',
      downFor: 'Alert link down {minutes} min',
      outage: 'Alert link down · no new alerts since {time} · list from cache'
    },
    detail: {
      title: 'Alert details',
      close: 'Close',
      snapshot: 'Snapshot',
      camera: 'Camera',
      location: 'Location',
      seenAt: 'Seen',
      lastSeenAt: 'Last seen',
      score: 'Score',
      messages: 'Messages',
      zone: 'Zone',
      track: 'Track',
      event: 'Event',
      handledBy: 'Handled by',
      handledAt: 'Handled at',
      dismissReason: 'Dismiss reason',
      dismissNote: 'Dismiss note',
      acknowledge: 'Acknowledge',
      dispatch: 'Dispatch',
      dismiss: 'Dismiss',
      dispatchNote: 'Dispatch note (optional)',
      dispatchConfirm: 'Dispatch now',
      dismissReasonLabel: 'Reason',
      dismissNoteLabel: 'Note (optional)',
      dismissConfirm: 'Dismiss now',
      cancel: 'Cancel',
      signInHint: 'Handling alerts needs a duty officer (or higher) to sign in',
      signedInAs: 'Operator: {name}',
      done: {
        acknowledge: 'Acknowledged',
        dispatch: 'Dispatched',
        dismiss: 'Dismissed'
      },
      error: 'Not done'
    }
  },
  briefing: {
    band: {
      title: 'Situation briefing',
      wall: 'Whole wall',
      range: 'Figures for {date} 00:00–{until}',
      madeBy: 'Made {at} · {operator}',
      madeBySchedule: 'Made {at} · scheduled'
    },
    panels: { kpis: 'Key figures', map: 'Grid map' },
    open: 'Briefing',
    dialog: {
      title: 'Export a situation briefing',
      signInHint: 'Exporting a briefing needs a duty officer or above to sign in',
      what: 'Content',
      onePanel: 'One panel',
      size: 'Size',
      wallSize: 'This screen {size}',
      area: 'Area',
      classification: 'Classification mark',
      blur: 'Blur snapshots (faces, plates)',
      export: 'Export PNG',
      done: 'Exported {file}: open',
      history: 'Briefings',
      scheduled: 'Scheduled',
      open: 'Open',
      noHistory: 'No briefings yet'
    },
    phases: { queued: 'Queued…', rendering: 'Rendering (waiting for the map and charts)…', writing: 'Writing…', done: 'Done', failed: 'Failed' }
  },
  tasks: {
    title: 'Tasks',
    overdue: 'No reply: {count}',
    limit: 'limit {minutes} min',
    none: 'No tasks dispatched',
    status: { sent: 'Sent', received: 'Received', onScene: 'On scene', done: 'Done' },
    dispatchHint: 'Click a person or grid to dispatch',
    dispatch: {
      title: 'Dispatch a task',
      to: { staff: 'To', team: 'To the grid team' },
      signInHint: 'Dispatching a task needs a dispatcher to sign in',
      placeholder: 'Instruction, e.g. go to the north gate of the plant and evacuate people',
      tooShort: 'Write an instruction (at least 2 characters)',
      send: 'Dispatch',
      error: 'The task was not dispatched',
      presets: { check: 'Go and check on site', evacuate: 'Evacuate people nearby', vulnerable: 'Move elderly and disabled people', cordon: 'Set up a cordon', supplies: 'Bring emergency supplies' }
    }
  },
  console: {
    import: {
      title: 'Import district data',
      hint: 'Grid boundaries (GeoJSON, DataV form too) and buildings, cameras, staff and grid base data (CSV / XLSX, UTF-8 or GBK). Check first: nothing with an error is written; an import replaces the district as a whole and keeps the old data if it fails.',
      files: { grids: 'Grid boundaries', buildings: 'Buildings', cameras: 'Cameras', staff: 'Staff', profiles: 'Grid base data' },
      crs: 'Coordinate system',
      mappingFile: 'Mapping file (optional)',
      crsNames: { WGS84: 'WGS-84 (GPS)', CGCS2000: 'CGCS2000', GCJ02: 'GCJ-02 (AMap, Tencent)', BD09: 'BD-09 (Baidu)' },
      check: 'Check',
      apply: 'Import (replaces the district)',
      valid: 'Valid: ready to import',
      invalid: '{errors} errors: cannot import',
      warnings: '{count} warnings',
      counts: { streets: 'Streets', communities: 'Communities', grids: 'Grids', subgrids: 'Sub-grids', buildings: 'Buildings', cameras: 'Cameras', staff: 'Staff', profiles: 'Base data' },
      issue: { kind: 'Problem', where: 'File · where', message: 'Detail', area: 'Area', location: 'Location' },
      kinds: { fileError: 'File error', malformedCode: 'Malformed code', duplicateCode: 'Duplicate code', levelMismatch: 'Wrong level', parentMismatch: 'Wrong parent', missingParent: 'Missing parent', districtCount: 'District count', invalidGeometry: 'Invalid geometry', outsideParent: 'Outside its parent', overlap: 'Overlap', gap: 'Gap', missingField: 'Missing field', badValue: 'Bad value', duplicateId: 'Duplicate id', pointInNoGrid: 'Point in no grid', unknownGrid: 'Unknown grid', gridMismatch: 'Grid does not match' },
      more: '{count} more not listed',
      records: '{count} records',
      unmapped: 'not mapped',
      unchanged: 'Same data as already imported: nothing to do',
      applied: 'Imported ({ms} ms); every wall has reloaded',
      refused: 'Not imported: the data has errors',
      replaces: 'Replaces the district {district} and removes its {events} events and {alerts} alerts',
      confirm: 'The import replaces the district {district}: its {events} events and {alerts} alerts are removed (operators, the audit log and settings stay). Import?'
    },
    supervision: {
      title: 'Supervision',
      hint: 'Open events due within this time are warned on every wall’s supervision panel before they are overdue (due soon).',
      dueSoon: 'Due-soon window',
      minutes: 'minutes',
      save: 'Save',
      saved: 'Saved: due soon within {span}'
    },
    briefings: {
      title: 'Scheduled briefings',
      hint: 'At these times (Shanghai time, e.g. shift changes at 08:00 and 20:00) a briefing of the whole wall is exported to the briefings folder of the data directory and listed in every wall’s history. Briefings older than the days kept (manual ones too) are removed.',
      enabled: 'On',
      times: 'Times',
      keepDays: 'Keep days (0: all)',
      saved: 'Briefing schedule saved',
      next: 'Next: {at}',
      lastOk: 'last {at} done',
      lastFailed: 'last {at} failed'
    },
    tasks: {
      title: 'Task no-reply times',
      hint: 'A dispatched task with no reply after this long is highlighted in red on every wall’s Tasks panel; graver incidents get shorter times.',
      saved: 'Task no-reply times saved'
    },
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
      type: 'Incident type',
      level: 'Level',
      location: 'Location',
      byPoint: 'Coordinates (WGS-84)',
      gridCode: 'Grid code',
      lon: 'Longitude',
      lat: 'Latitude',
      drill: 'Drill (labelled as an exercise, not a real incident)',
      summary: 'Summary',
      summaryPlaceholder: 'e.g. fire out, no casualties, recovery under way',
      summaryTooShort: 'Give a summary (at least 2 characters)',
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
        mode: { enter: 'Enter emergency mode', leave: 'Return to normal mode' },
        tasks: { dispatch: 'Dispatch a task', configure: 'Task no-reply times' },
        briefings: { export: 'Export a briefing', configure: 'Briefing schedule', scheduled: 'Scheduled briefing' },
        import: { preview: 'Check import files', apply: 'Import district data' },
        alerts: { acknowledge: 'Acknowledge alert', dispatch: 'Dispatch alert', dismiss: 'Dismiss alert', configureBroker: 'Alert ingest settings' },
        events: { act: 'Act on an event (accept, dispatch, escalate, return, close)', configureSupervision: 'Due-soon window' }
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
    broker: {
      title: 'Alert ingest settings',
      edit: 'Edit settings',
      source: 'Configuration',
      sources: { default: 'Default (no file)', file: 'File', invalid: 'Invalid file' },
      path: 'File path',
      link: 'Link',
      address: 'Broker',
      embedded: 'embedded',
      external: 'external',
      lastError: 'Error',
      saved: 'Saved; alert ingest restarted with the new settings',
      refused: 'Not saved',
      form: {
        broker: 'MQTT broker',
        modes: { embedded: 'Embedded (127.0.0.1)', external: 'External (Mosquitto, EMQX…)' },
        port: 'Embedded broker port (0: any free port)',
        url: 'Broker URL',
        protocol: 'Protocol',
        username: 'Username',
        password: 'Password',
        passwordKept: 'Set; leave empty to keep it',
        passwordNone: 'Not set',
        clearPassword: 'Remove the stored password',
        clientId: 'Client ID',
        clientIdDefault: 'Empty: derived from the data directory',
        keepalive: 'Keepalive (s)',
        tls: 'Use TLS certificate files',
        ca: 'CA certificate',
        cert: 'Client certificate',
        key: 'Client private key',
        verify: 'Verify the server certificate',
        tlsHint: 'Paths are relative to the data directory (or absolute); an mqtts:// URL without files uses the system CAs.',
        topics: 'Topics and batching',
        nativeTopic: 'Native alert topic',
        batchMs: 'Batch interval (ms)',
        batchSize: 'Batch size (messages)',
        frigateEnabled: 'Read Frigate events',
        frigatePrefix: 'Topic prefix',
        snapshot: 'Snapshot URL template',
        cameras: 'Cameras (Frigate camera name → our camera id)',
        frigateCamera: 'Frigate camera name',
        ourCamera: 'Our camera id',
        addCamera: 'Add camera',
        removeCamera: 'Remove',
        cameraProblem: 'A Frigate camera name is empty or given twice: {name}',
        rulesNote: 'The detection rules (label, zones → alert type) are kept as they are in the file and cannot be edited here; edit mqtt.json.',
        simulator: 'Camera simulator',
        simulatorNote: 'The simulator publishes to the embedded broker only; it does not run with an external broker.',
        simulatorEnabled: 'Run the simulator',
        rate: 'Alerts per second',
        burstEvery: 'Burst every (s, 0: none)',
        burstSize: 'Alerts per burst',
        repeatShare: 'Share of repeats',
        save: 'Save and reconnect',
        cancel: 'Cancel'
      }
    },
    error: 'Error'
  }
}

export default enUS
