// Bar chart of events pushed per run as inline SVG: one stacked bar per finished run, oldest on the left.
import { formatCount, formatDateTime, formatShortDate, formatTime } from './format.js';

const svgNamespace = 'http://www.w3.org/2000/svg';
const width = 640;
const height = 220;
const margin = { top: 12, right: 8, bottom: 32, left: 52 };

/** The maximum number of runs in the chart; the table below it lists more. */
export const maxChartRuns = 30;

/**
 * Draws the chart into a container, replacing its content.
 * @param {HTMLElement} container
 * @param {Array<object>} runs Runs of the API, newest first.
 */
export function renderRunsChart(container, runs) {
  const finished = runs.filter((run) => run.endedAt).slice(0, maxChartRuns).reverse();
  container.replaceChildren();
  if (finished.length === 0) {
    return;
  }

  const svg = element('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': 'runs-chart-title runs-chart-description',
  });
  const title = element('title', { id: 'runs-chart-title' });
  title.textContent = 'Events pushed per run';
  const description = element('desc', { id: 'runs-chart-description' });
  description.textContent = describe(finished);
  svg.append(title, description);

  const maxValue = niceMaximum(Math.max(...finished.map((run) => run.eventsSent)));
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const y = (value) => margin.top + plotHeight - (value / maxValue) * plotHeight;

  const gridValues = Number.isInteger(maxValue / 2) ? [0, maxValue / 2, maxValue] : [0, maxValue];
  for (const value of gridValues) {
    svg.append(element('line', {
      class: 'grid-line', x1: margin.left, x2: width - margin.right, y1: y(value), y2: y(value),
    }));
    const label = element('text', {
      class: 'axis-label', x: margin.left - 6, y: y(value) + 4, 'text-anchor': 'end',
    });
    label.textContent = formatCount(value);
    svg.append(label);
  }

  const slot = plotWidth / finished.length;
  const barWidth = Math.max(2, Math.min(40, slot * 0.7));
  // Runs of one day are labelled with their time, runs of several days with their date.
  const oneDay = formatShortDate(finished[0].startedAt) === formatShortDate(finished.at(-1).startedAt);
  const labelOf = (run) => (oneDay ? formatTime(run.startedAt) : formatShortDate(run.startedAt));
  const labelEvery = Math.ceil(finished.length / 8);
  finished.forEach((run, index) => {
    const x = margin.left + slot * index + (slot - barWidth) / 2;
    svg.append(drawBar(run, x, barWidth, y));
    if (index % labelEvery === 0) {
      const label = element('text', {
        class: 'axis-label', x: x + barWidth / 2, y: height - margin.bottom + 18, 'text-anchor': 'middle',
      });
      label.textContent = labelOf(run);
      svg.append(label);
    }
  });

  container.append(svg);
}

function drawBar(run, x, barWidth, y) {
  const group = element('g', {});
  const tooltip = element('title', {});
  tooltip.textContent = `${formatDateTime(run.startedAt)}: ${formatCount(run.eventsSent)} sent, `
    + `${formatCount(run.eventsImported)} imported, ${formatCount(run.eventsRejected)} rejected`;
  group.append(tooltip);

  const other = Math.max(0, run.eventsSent - run.eventsImported - run.eventsRejected);
  let bottom = 0;
  for (const [value, className] of [
    [run.eventsImported, 'bar-imported'],
    [run.eventsRejected, 'bar-rejected'],
    [other, 'bar-other'],
  ]) {
    if (value > 0) {
      const top = bottom + value;
      group.append(element('rect', {
        class: className, x, width: barWidth, y: y(top), height: Math.max(1, y(bottom) - y(top)),
      }));
      bottom = top;
    }
  }

  return group;
}

/** Describes the chart's data in one sentence for screen readers. */
function describe(runs) {
  const sent = runs.reduce((sum, run) => sum + run.eventsSent, 0);
  const imported = runs.reduce((sum, run) => sum + run.eventsImported, 0);
  const rejected = runs.reduce((sum, run) => sum + run.eventsRejected, 0);
  const largest = runs.reduce((best, run) => (run.eventsSent > best.eventsSent ? run : best), runs[0]);
  const noun = runs.length === 1 ? 'run' : 'runs';
  return `The last ${runs.length} finished ${noun} pushed ${formatCount(sent)} events: `
    + `${formatCount(imported)} imported and ${formatCount(rejected)} rejected. The largest run, on `
    + `${formatDateTime(largest.startedAt)}, pushed ${formatCount(largest.eventsSent)}.`;
}

/** Rounds a maximum up to 1, 2 or 5 times a power of ten, so that the axis labels read well. */
function niceMaximum(value) {
  if (value <= 0) {
    return 1;
  }

  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((candidate) => candidate * power >= value);
  return step * power;
}

function element(name, attributes) {
  const node = document.createElementNS(svgNamespace, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, String(value));
  }

  return node;
}
