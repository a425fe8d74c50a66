import { eventActionNames, eventStatusNames } from '@shared/domain/event'

/** Chinese UI text (default). en-US.ts must have exactly the same keys. */
const zhCN = {
  app: {
    productName: '网格化治理指挥中心',
    languageName: '中文'
  },
  incident: {
    types: {
      fire: '火灾',
      waterlogging: '防汛内涝',
      typhoon: '台风',
      landslide: '地质灾害（滑坡）',
      hazardousChemicals: '危化品事故',
      gasLeak: '燃气泄漏',
      publicHealth: '公共卫生事件',
      massIncident: '群体性事件',
      other: '其他突发事件'
    },
    levels: { I: 'I 级（特别重大）', II: 'II 级（重大）', III: 'III 级（较大）', IV: 'IV 级（一般）' },
    drill: '演练'
  },
  emergency: {
    staffRoles: { gridChief: '网格长', gridWorker: '专职网格员', partTimeWorker: '兼职网格员', deptStaff: '部门人员', vanguardTeam: '先锋队员' },
    control: {
      enter: '应急响应',
      leave: '解除应急',
      shortcutHint: 'Ctrl+Shift+E：进入或解除应急模式（需调度员及以上权限）',
      signInHint: '平急转换需调度员及以上权限，请先登录',
      signedInAs: '操作员：{name}',
      error: '未能切换'
    },
    form: {
      byPlace: '网格 / 楼栋 / 地址',
      searchPlace: '搜索网格名称、编码或楼栋地址（如 圳美新村24巷6号）',
      kinds: { grid: '网格', building: '楼栋' },
      placeHint: '输入后从列表中选择；也可直接填写网格编码',
      gridHint: '可先在地图上点选网格，再按 Ctrl+Shift+E，即预填该网格；或“在地图上选点”',
      locationInvalid: '请从搜索结果中选择网格或楼栋，或填写经纬度',
      pick: '在地图上选点',
      pickedIn: '地图选点 · 所在网格：{grid}',
      pickedOutside: '地图选点 · 不在本辖区网格内'
    },
    pick: { banner: '点击地图选择事发地点 · Esc 取消', cancel: '取消选点' },
    map: { incident: '事发点', shelters: '避难场所', supplyPoints: '物资储备点', vanguard: '党员先锋队', workers: '在岗网格员' },
    title: { command: '应急指挥' },
    header: {
      label: '当前突发事件',
      drill: '演练 DRILL',
      levels: { I: '特别重大', II: '重大', III: '较大', IV: '一般' },
      rings: '范围 {rings}',
      started: '{time} 启动',
      elapsed: '已持续',
      noise: '轮播已停 · 常规预警降噪 · 圈内预警优先'
    },
    panels: {
      rings: '分圈影响',
      affected: '受影响网格与楼栋',
      resources: '应急资源',
      cameras: '圈内视频监控',
      log: '事件日志'
    },
    rings: {
      cumulative: '含内圈',
      grids: '网格',
      buildings: '楼栋',
      residents: '居民',
      elderlyAlone: '独居老人',
      disabled: '残疾人',
      underCare: '重点关爱'
    },
    affected: {
      counts: '{grids} 个网格 · {buildings} 栋',
      grids: '网格（由近及远）',
      buildings: '楼栋（由近及远）',
      inside: '事发网格',
      people: '{count} 人',
      elderly: '独居 {count}',
      noBuildings: '圈内无楼栋'
    },
    resources: {
      nearestFirst: '由近及远',
      vanguard: '党员先锋队',
      workers: '在岗网格员',
      shelters: '避难场所（容纳）',
      supplyPoints: '物资储备点',
      capacity: '{count}人',
      none: '暂无'
    },
    cameras: {
      online: '在线 {online} / {total}',
      noAlert: '暂无预警',
      offline: '离线',
      none: '圈内无摄像头'
    },
    log: {
      count: '{count} 条',
      empty: '暂无记录',
      kinds: { started: '启动', ended: '结束', task: '派遣', taskStatus: '回复', action: '处置', alert: '预警' },
      alert: '{type} · {camera} · {ring}圈内 {distance}'
    }
  },
  clock: {
    weekdays: {
      mon: '星期一',
      tue: '星期二',
      wed: '星期三',
      thu: '星期四',
      fri: '星期五',
      sat: '星期六',
      sun: '星期日'
    }
  },
  titleBar: {
    mode: {
      normal: '常态',
      emergency: '应急'
    },
    modeLabel: '运行模式',
    modeUnknown: '模式未知',
    modeMayBeStale: '模式可能不是最新（未连接消息服务器）',
    connectionLabel: '服务',
    connection: {
      connecting: '连接中…',
      connected: '已连接',
      reconnecting: '重连中…'
    },
    dataAsOf: '数据更新于 {time}',
    dataStale: '数据已 {minutes} 分钟未更新',
    noEvents: '暂无业务数据',
    console: '控制台',
    languageHint: 'Alt+L 切换语言'
  },
  panel: {
    loading: '加载中…',
    loadFailed: '数据加载失败',
    refreshFailed: '刷新失败，显示的是上次数据',
    noDistrict: '尚未载入辖区数据',
    errorCode: '错误代码 {code}',
    retry: '重试'
  },
  chart: {
    eventsByArea: '近{days}日各街道事件',
    reported: '上报',
    resolved: '办结',
    closed: '办结',
    resolutionRate: '办结率',
    today: '今日',
    average28: '近28日均值',
    hotspotEvents: '事件 {count} 件',
    hotspotPopulation: '常住人口 {count} 人',
    weekdayShort: {
      mon: '周一',
      tue: '周二',
      wed: '周三',
      thu: '周四',
      fri: '周五',
      sat: '周六',
      sun: '周日'
    },
    hourCell: '{weekday} {from}–{to}时',
    peak: '高峰：{weekday} {from}–{to}时，{count} 件',
    events: '{count} 件',
    empty: '暂无数据'
  },
  panels: {
    trend: '近{days}日事件趋势',
    hourly: '分时事件（今日 / 均值）',
    categories: '近{days}日事件类别',
    sources: '近{days}日事件来源',
    buildingRisk: '楼栋分类分级',
    ranking: '网格员排行',
    hotspots: '热点网格 TOP10',
    supervision: '督办 · 超期 / 临期',
    hotspotsBasis: '近{days}日 每千人事件',
    hourWeekday: '热点时段 · {category}',
    hotDemands: '热点诉求 · 周环比',
    hotDemandsBasis: '居民上报及12345 · 近7天',
    byArea: {
      district: '近{days}日各街道事件',
      street: '近{days}日各社区事件',
      community: '近{days}日各网格事件',
      grid: '近{days}日本网格事件',
      subgrid: '近{days}日本网格事件'
    }
  },
  sources: {
    patrol: '巡查',
    resident: '居民',
    hotline: '12345 热线',
    camera: '视频',
    sensor: '感知'
  },
  ranking: {
    period: '排行周期',
    week: '周排名',
    month: '月排行',
    rank: '名次',
    name: '姓名',
    grid: '网格',
    score: '得分'
  },
  carousel: {
    pause: '暂停',
    resume: '继续',
    previous: '上一个',
    next: '下一个',
    position: '{index}/{count}',
    spaceHint: '空格键暂停或继续轮播',
    names: {
      trend: '事件趋势',
      hourly: '分时事件',
      categories: '事件类别',
      byArea: '区域事件',
      sources: '事件来源',
      buildingRisk: '楼栋分级',
      ranking: '网格员排行',
      hotspots: '热点网格',
      hourWeekday: '热点时段',
      hotDemands: '热点诉求',
      supervision: '督办',
      disputes: '矛盾纠纷',
      alerts: '视频AI预警'
    }
  },
  analysis: {
    period: '分析周期',
    days: '{days}天',
    category: '事件类别',
    allCategories: '全部类别',
    new: '新增',
    flat: '持平',
    demandDetail: '近7天 {count} 件，前7天 {previous} 件',
    noDemands: '近两周无居民诉求',
    lastWeek: '前7天'
  },
  wall: {
    breadcrumb: '当前区域',
    up: '返回上级',
    levels: {
      district: '区',
      street: '街道',
      community: '社区',
      grid: '网格',
      subgrid: '小分格'
    }
  },
  supervision: {
    title: '督办',
    overdue: '超期',
    dueSoon: '临期',
    overdueCount: '超期 {count}',
    dueSoonCount: '临期 {count}',
    dueSoonWithin: '临期（{span}内到期）',
    overdueBy: '超期 {span}',
    remaining: '剩余 {span}',
    more: '另有 {count} 件',
    none: '暂无超期或临期事件',
    level: {
      1: '一级',
      2: '二级',
      3: '三级'
    }
  },
  disputes: {
    title: '矛盾纠纷预警',
    total: '在办 {count} 件',
    ungraded: '待研判',
    people: '{count}人',
    ago: '{span}前',
    more: '另有 {count} 件',
    none: '暂无在办矛盾纠纷'
  },
  eventDetail: {
    dispute: { level: '纠纷预警', people: '涉及人数', urgency: '紧急程度', amount: '涉案金额' },
    title: '事件详情',
    close: '关闭',
    loading: '正在加载…',
    failed: '加载失败',
    category: '类别',
    level: '等级',
    levelValue: '{level}级事件',
    source: '来源',
    status: '状态',
    reportedAt: '上报时间',
    deadlineAt: '办理时限',
    overdueBy: '已超期',
    remaining: '剩余时间',
    supervision: '督办等级',
    grid: '网格',
    community: '社区',
    street: '街道',
    team: '网格力量',
    noTeam: '暂无人员',
    timeline: '办理经过',
    alert: '关联视频预警',
    score: '置信度 {score}',
    act: {
      title: '调度处置',
      hint: {
        accept: '受理后派遣或上报上级',
        dispatch: '派往网格或职能部门处置',
        escalate: '超出本级处置能力，上报上级',
        returnToHandling: '核查未通过，退回重新处置',
        close: '核查通过，结案'
      },
      confirm: '确认{action}',
      note: '备注（可选，随指令下发）',
      cancel: '取消',
      signInHint: '调度处置事件需以调度员及以上账号登录',
      signedInAs: '操作员：{name}',
      done: '已{action}，指令已进入下发队列',
      error: '操作未执行',
      noneAllowed: '当前状态无可执行的调度操作'
    },
    // One source for the Chinese names: the domain's, also used in main's refusal messages.
    statuses: { ...eventStatusNames },
    actions: { report: '上报', ...eventActionNames },
  },
  eventList: {
    title: '事件清单',
    open: '事件清单',
    total: '共 {count} 件',
    shown: '已显示 {shown} / {total} 件',
    loadMore: '加载更多',
    empty: '没有符合条件的事件',
    failed: '加载失败',
    levelShort: '{level}级',
    overdueBy: '超期 {span}',
    remaining: '剩 {span}',
    filters: { status: '状态', level: '等级', category: '类别', source: '来源' },
    overdue: { all: '全部', yes: '超期', no: '未超期' },
    columns: { title: '事件', category: '类别', level: '等级', status: '状态', grid: '网格', reportedAt: '上报时间', deadline: '时限' }
  },
  kpi: {
    title: '关键指标',
    reportedToday: '今日上报',
    closedToday: '今日办结',
    resolutionRate: '办结率',
    onTimeRate: '按期办结率',
    satisfaction: '满意率',
    overdue: '超期事件',
    camerasOnline: '摄像头在线',
    staffOnDuty: '在岗人员',
    basis: {
      yesterday: '较昨日',
      lastWeek: '较上周',
      none: '无对比'
    },
    pp: '个百分点',
    onlineShare: '在线 / 总数',
    noComparison: '暂无对比',
    buildingsTotal: '共 {count} 栋',
    risk: {
      safe: '放心',
      normal: '一般',
      warning: '警示'
    }
  },
  alerts: {
    title: '视频AI预警',
    open: '待处置 {count}',
    empty: '暂无预警',
    todayByType: '今日预警',
    score: '置信度',
    mute: '预警提示音：开（点击静音）',
    unmute: '预警提示音：已静音（点击开启）',
    types: {
      intrusion: '区域入侵',
      crowdGathering: '人员聚集',
      fireSmoke: '烟火',
      illegalParking: '违停',
      streetVending: '占道经营',
      garbageOverflow: '垃圾满溢',
      fallDetection: '人员倒地',
      eBikeInElevator: '电动车入梯',
      fight: '打架斗殴'
    },
    statuses: {
      new: '新预警',
      acknowledged: '已确认',
      dispatched: '已派发',
      dismissed: '已忽略'
    },
    dismissReasons: {
      falsePositive: '误报',
      duplicate: '重复预警',
      alreadyHandled: '已现场处置',
      outOfJurisdiction: '非本辖区',
      other: '其他'
    },
    broker: {
      label: '预警接入',
      states: {
        connected: '已连接',
        connecting: '连接中',
        offline: '离线',
        disabled: '未启用'
      },
      lastMessage: '最新预警 {time}',
      noMessage: '暂无预警消息',
      down: '预警接入中断',
      downFor: '预警接入中断 {minutes} 分钟',
      outage: '预警接入中断 · 自 {time} 起未收到新预警 · 列表为缓存'
    },
    detail: {
      title: '预警详情',
      close: '关闭',
      snapshot: '抓拍图',
      camera: '摄像头',
      location: '位置',
      seenAt: '发现时间',
      lastSeenAt: '最后出现',
      score: '置信度',
      messages: '消息数',
      zone: '区域',
      track: '跟踪编号',
      event: '关联事件',
      handledBy: '处置人',
      handledAt: '处置时间',
      dismissReason: '忽略原因',
      dismissNote: '忽略说明',
      acknowledge: '确认',
      dispatch: '派发',
      dismiss: '误报忽略',
      dispatchNote: '派发说明（可选）',
      dispatchConfirm: '确认派发',
      dismissReasonLabel: '忽略原因',
      dismissNoteLabel: '说明（可选）',
      dismissConfirm: '确认忽略',
      cancel: '取消',
      signInHint: '处置预警需以值班员及以上账号登录',
      signedInAs: '操作员：{name}',
      done: {
        acknowledge: '已确认',
        dispatch: '已派发',
        dismiss: '已忽略'
      },
      error: '操作未成功'
    }
  },
  briefing: {
    band: {
      title: '态势简报',
      wall: '全屏',
      range: '统计时段 {date} 00:00–{until}',
      madeBy: '生成于 {at} · {operator}',
      madeBySchedule: '生成于 {at} · 定时简报'
    },
    panels: { kpis: '关键指标', map: '网格地图' },
    open: '简报',
    dialog: {
      title: '态势简报导出',
      signInHint: '导出简报需值班员及以上登录',
      what: '内容',
      onePanel: '单个面板',
      size: '尺寸',
      wallSize: '本屏 {size}',
      area: '区域',
      classification: '密级标注',
      blur: '模糊抓拍图（人脸、车牌）',
      export: '导出 PNG',
      done: '已导出 {file}，点击打开',
      history: '简报记录',
      scheduled: '定时',
      open: '打开',
      noHistory: '暂无简报'
    },
    phases: { queued: '排队中…', rendering: '正在渲染（等待地图与图表绘制完成）…', writing: '正在写入…', done: '完成', failed: '失败' }
  },
  tasks: {
    title: '任务调度',
    overdue: '超时未回复 {count}',
    limit: '时限 {minutes} 分钟',
    none: '尚未派发任务',
    status: { sent: '已派发', received: '已接收', onScene: '已到场', done: '已完成' },
    dispatchHint: '点击人员或网格派遣',
    dispatch: {
      title: '派遣任务',
      to: { staff: '派遣人员', team: '派遣网格队伍' },
      signInHint: '派遣任务需调度员登录',
      placeholder: '任务指令，例如：前往厂房北门疏散群众',
      tooShort: '请填写任务指令（至少 2 个字）',
      send: '派遣',
      error: '派遣未成功',
      presets: { check: '前往现场核查情况', evacuate: '疏散周边群众', vulnerable: '转移独居老人和残疾人', cordon: '设置警戒区域', supplies: '运送应急物资' }
    }
  },
  console: {
    title: '操作员控制台',
    import: {
      title: '导入辖区数据',
      hint: '网格边界（GeoJSON，含 DataV 格式）与楼栋、摄像机、人员、网格基础数据（CSV / XLSX，UTF-8 或 GBK）。先预检：任何错误都不会写入；导入为整体替换，失败时保留原数据。',
      files: { grids: '网格边界', buildings: '楼栋', cameras: '摄像机', staff: '人员', profiles: '网格基础数据' },
      crs: '坐标系',
      mappingFile: '映射文件（可选）',
      crsNames: { WGS84: 'WGS-84（GPS）', CGCS2000: 'CGCS2000（国家2000）', GCJ02: 'GCJ-02（高德/腾讯）', BD09: 'BD-09（百度）' },
      check: '预检',
      apply: '导入（替换现有辖区）',
      valid: '校验通过，可以导入',
      invalid: '发现 {errors} 个错误，不能导入',
      warnings: '{count} 个提示',
      counts: { streets: '街道', communities: '社区', grids: '网格', subgrids: '小分格', buildings: '楼栋', cameras: '摄像机', staff: '人员', profiles: '基础数据' },
      issue: { kind: '问题', where: '文件 · 位置', message: '说明', area: '面积', location: '坐标' },
      kinds: { fileError: '文件错误', malformedCode: '编码格式错误', duplicateCode: '编码重复', levelMismatch: '层级不符', parentMismatch: '上级不符', missingParent: '缺少上级', districtCount: '区级要素数量', invalidGeometry: '几何无效', outsideParent: '超出上级范围', overlap: '网格重叠', gap: '网格缝隙', missingField: '缺少字段', badValue: '取值错误', duplicateId: '编号重复', pointInNoGrid: '点位不在任何网格', unknownGrid: '网格不存在', gridMismatch: '网格与位置不符' },
      more: '另有 {count} 条未列出',
      records: '{count} 条',
      unmapped: '未对应',
      unchanged: '与已导入的数据相同，无需导入',
      applied: '导入完成（{ms} ms），各大屏已刷新',
      refused: '未导入：数据有错误',
      replaces: '将替换现有辖区 {district}，并移除其事件 {events} 条、预警 {alerts} 条',
      confirm: '导入将替换辖区 {district}：其事件 {events} 条、预警 {alerts} 条将被移除（操作员、审计日志和设置保留）。确定导入？'
    },
    supervision: {
      title: '督办设置',
      hint: '距办理时限不足该时长的在办事件在各大屏“督办”面板提前预警（临期）。',
      dueSoon: '临期预警时长',
      minutes: '分钟',
      save: '保存',
      saved: '已保存：临期预警 {span}'
    },
    briefings: {
      title: '定时简报',
      hint: '在设定时刻（上海时间，如交接班 08:00、20:00）自动导出整屏简报到数据目录的 briefings 文件夹，并列入各大屏的简报记录。超过保留天数的简报（含手动导出的）会自动删除。',
      enabled: '启用',
      times: '时刻',
      keepDays: '保留天数（0 为永久）',
      saved: '已保存定时简报设置',
      next: '下次：{at}',
      lastOk: '上次 {at} 成功',
      lastFailed: '上次 {at} 失败'
    },
    tasks: {
      title: '任务超时设置',
      hint: '应急派发的任务超过该时长仍无回复，各大屏“任务调度”面板标红提示；事件等级越高，时限越短。',
      saved: '已保存任务超时时长'
    },
    backToWall: '返回大屏',
    language: '语言',
    signIn: {
      title: '操作员登录',
      username: '用户名',
      password: '密码',
      submit: '登录',
      required: '请填写用户名和密码'
    },
    signedInAs: '当前操作员',
    signOut: '退出登录',
    roles: {
      viewer: '只读观察员',
      dutyOfficer: '值班员',
      dispatcher: '调度员',
      admin: '管理员'
    },
    mode: {
      title: '平急转换',
      current: '当前模式',
      hint: '切换需调度员及以上权限，并记录原因',
      toEmergency: '切换到应急模式',
      toNormal: '恢复常态模式',
      reason: '切换原因',
      reasonPlaceholder: '例如：台风橙色预警，启动应急响应',
      reasonTooShort: '请填写原因（至少 2 个字）',
      type: '事件类型',
      level: '事件级别',
      location: '事发位置',
      byPoint: '坐标（WGS-84）',
      gridCode: '网格编码',
      lon: '经度',
      lat: '纬度',
      drill: '演练（标注为演练，不是真实事件）',
      summary: '处置小结',
      summaryPlaceholder: '例如：明火已扑灭，无人员伤亡，转入善后',
      summaryTooShort: '请填写小结（至少 2 个字）',
      confirm: '确认切换',
      cancel: '取消',
      done: '已切换为{mode}模式'
    },
    audit: {
      title: '最近审计记录',
      at: '时间',
      operator: '操作员',
      action: '操作',
      target: '对象',
      outcome: '结果',
      detail: '详情',
      outcomes: {
        ok: '成功',
        refused: '拒绝',
        failed: '失败'
      },
      // Audited API methods by name (auth.signIn → actions.auth.signIn).
      actions: {
        auth: { signIn: '登录', signOut: '退出登录' },
        operators: { create: '新建操作员' },
        mode: { enter: '进入应急状态', leave: '恢复常态' },
        tasks: { dispatch: '派发任务', configure: '修改任务超时时长' },
        briefings: { export: '导出简报', configure: '修改定时简报', scheduled: '定时简报' },
        import: { preview: '预检导入文件', apply: '导入辖区数据' },
        alerts: { acknowledge: '确认预警', dispatch: '派发预警', dismiss: '忽略预警', configureBroker: '修改预警接入设置' },
        events: { act: '事件处置（受理、派遣、上报、退回、结案）', configureSupervision: '修改临期预警时长' }
      },
      refresh: '刷新',
      empty: '暂无记录'
    },
    operators: {
      title: '新建操作员',
      username: '用户名',
      displayName: '姓名',
      role: '角色',
      password: '初始密码（至少 10 位）',
      submit: '创建',
      created: '已创建操作员 {name}'
    },
    broker: {
      title: '预警接入设置',
      edit: '修改设置',
      source: '配置',
      sources: { default: '默认（无配置文件）', file: '配置文件', invalid: '配置文件无效' },
      path: '配置文件路径',
      link: '连接状态',
      address: '消息服务器',
      embedded: '内置',
      external: '外部',
      lastError: '错误',
      saved: '已保存，预警接入已按新设置重新启动',
      refused: '未保存',
      form: {
        broker: '消息服务器',
        modes: { embedded: '内置（本机 127.0.0.1）', external: '外部（Mosquitto、EMQX 等）' },
        port: '内置服务器端口（0 为任意空闲端口）',
        url: '服务器地址',
        protocol: '协议版本',
        username: '用户名',
        password: '密码',
        passwordKept: '已设置，留空不变',
        passwordNone: '未设置',
        clearPassword: '清除已保存的密码',
        clientId: '客户端 ID',
        clientIdDefault: '留空：按数据目录生成',
        keepalive: '心跳间隔（秒）',
        tls: '使用 TLS 证书文件',
        ca: 'CA 证书',
        cert: '客户端证书',
        key: '客户端私钥',
        verify: '校验服务器证书',
        tlsHint: '文件路径相对于数据目录（也可填绝对路径）；mqtts:// 地址不填证书时使用系统根证书。',
        topics: '主题与批处理',
        nativeTopic: '原生预警主题',
        batchMs: '批次间隔（毫秒）',
        batchSize: '批次大小（条）',
        frigateEnabled: '接收 Frigate 事件',
        frigatePrefix: '主题前缀',
        snapshot: '抓拍图地址模板',
        cameras: '摄像机对应（Frigate 摄像机名 → 本系统摄像机编号）',
        frigateCamera: 'Frigate 摄像机名',
        ourCamera: '本系统摄像机编号',
        addCamera: '添加对应',
        removeCamera: '删除',
        cameraProblem: 'Frigate 摄像机名为空或重复：{name}',
        rulesNote: '识别规则（标签、区域 → 预警类型）保持配置文件中的设置，此处不可修改；请直接编辑 mqtt.json。',
        simulator: '摄像机模拟器',
        simulatorNote: '模拟器只向内置消息服务器发布，使用外部服务器时不运行。',
        simulatorEnabled: '启用模拟器',
        rate: '每秒预警数',
        burstEvery: '突发间隔（秒，0 为无）',
        burstSize: '每次突发条数',
        repeatShare: '重复预警比例',
        save: '保存并重新连接',
        cancel: '取消'
      }
    },
    error: '错误'
  }
}

export default zhCN
