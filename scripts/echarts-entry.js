// The parts of ECharts this app uses, and nothing else: radar, bar and scatter series, titles,
// legends, grids, the radar coordinate and ARIA, drawn with the SVG renderer only (PNG exports
// are made from the SVG in the browser). Exposed under a name of our own, `__cmmECharts`,
// never as `window.echarts`: a host page's own ECharts (or an element with id="echarts") is
// left alone, and cannot stand in for ours. Rebuild with `node scripts/build-echarts.mjs`.
import * as echarts from 'echarts/core';
import { RadarChart, BarChart, ScatterChart } from 'echarts/charts';
import {
  TitleComponent, LegendComponent, GridComponent, RadarComponent, AriaComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  RadarChart, BarChart, ScatterChart,
  TitleComponent, LegendComponent, GridComponent, RadarComponent, AriaComponent,
  SVGRenderer,
]);

globalThis.__cmmECharts = echarts;
