import { init, use } from 'echarts/core'
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts'
import { GraphicComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

/** Only what the wall's charts use, so the bundle carries nothing else. */
use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  GraphicComponent,
  VisualMapContinuousComponent,
  CanvasRenderer
])

export { init }
export type { ECharts, EChartsCoreOption } from 'echarts/core'
