// The parts of ECharts this app uses, and nothing else. Exposed under a name of our own,
// `__cmmECharts`, never as `window.echarts`: a host page's own ECharts (or an element with
// id="echarts") is left alone, and cannot stand in for ours. Rebuild with
// `node scripts/build-echarts.mjs`.
import * as echarts from 'echarts/core';
import { RadarChart, BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  TitleComponent, TooltipComponent, LegendComponent, GridComponent, RadarComponent,
  AriaComponent, MarkLineComponent, MarkAreaComponent, GraphicComponent,
} from 'echarts/components';
import { SVGRenderer, CanvasRenderer } from 'echarts/renderers';

echarts.use([
  RadarChart, BarChart, LineChart, ScatterChart,
  TitleComponent, TooltipComponent, LegendComponent, GridComponent, RadarComponent,
  AriaComponent, MarkLineComponent, MarkAreaComponent, GraphicComponent,
  SVGRenderer, CanvasRenderer,
]);

globalThis.__cmmECharts = echarts;
