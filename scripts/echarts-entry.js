// The parts of ECharts this app uses, and nothing else; exposed as the global `echarts`
// that our wasm bindings call. Rebuild with `node scripts/build-echarts.mjs`.
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

window.echarts = echarts;
