import * as vscode from 'vscode';
import { LINK_CHART_VIEW_TYPE, type ChartFormat } from '../core';
import type { OnDemandCode } from './loadOnDemand';
import type { LinkChartContext, LinkChartPanel } from './onDemand/linkChartPanel';

const EXPORTS: Record<string, ChartFormat> = { 'briefing.linkChart.exportSvg': 'svg', 'briefing.linkChart.exportPng': 'png', 'briefing.linkChart.exportJson': 'json' };

/**
 * "Briefing: Show Link Chart", its exports, and the chart's restore after a reload. The panel itself is
 * on-demand code (onDemand/linkChartPanel.ts), made the first time the chart opens.
 */
export class LinkChart implements vscode.Disposable {
  #chart: LinkChartPanel | undefined;
  readonly #disposables: vscode.Disposable[];

  constructor(
    private readonly context: LinkChartContext,
    private readonly onDemand: OnDemandCode,
  ) {
    this.#disposables = [
      vscode.commands.registerCommand('briefing.linkChart.show', async () => (await this.#made())?.show()),
      ...Object.entries(EXPORTS).map(([command, format]) =>
        vscode.commands.registerCommand(command, async () => {
          const chart = await this.#made();
          return chart && (await this.onDemand.load())?.exportPicture(chart, 'Link Chart', 'linkchart', format);
        }),
      ),
      vscode.window.registerWebviewPanelSerializer(LINK_CHART_VIEW_TYPE, {
        // The page restores its own choices from its state.
        deserializeWebviewPanel: async (panel) => {
          const chart = await this.#made();
          if (chart) chart.adopt(panel);
          else panel.dispose();
        },
      }),
    ];
  }

  /** The chart, once it has opened (for tests). */
  get current(): LinkChartPanel | undefined {
    return this.#chart;
  }

  async #made(): Promise<LinkChartPanel | undefined> {
    if (this.#chart) return this.#chart;
    const code = await this.onDemand.load();
    this.#chart ??= code && new code.LinkChartPanel(this.context);
    return this.#chart;
  }

  dispose(): void {
    this.#chart?.dispose();
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
