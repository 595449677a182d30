// Draws the console's charts with uPlot from JSON data blocks (no inline script: the page's content security
// policy admits this file only). Each <div data-chart="id" data-series="..."> names its data block and series.
(function () {
  'use strict';
  var palette = { value: '#0b5394', band: '#6b7785' };
  function draw(container) {
    var data = JSON.parse(document.getElementById(container.getAttribute('data-chart')).textContent);
    var name = container.getAttribute('data-series');
    var unit = container.getAttribute('data-unit');
    if (!data.t.length) {
      return;
    }
    var options = {
      width: Math.max(320, container.clientWidth),
      height: 260,
      scales: {
        x: {
          time: true,
          // one session alone: a week either side, not a range of years
          range: function (u, min, max) {
            return min === max ? [min - 7 * 86400, max + 7 * 86400] : [min, max];
          }
        }
      },
      axes: [{}, { label: unit }],
      series: [
        {},
        { label: unit, stroke: palette.value, width: 2, spanGaps: true, points: { show: true, size: 6 } }
      ]
    };
    var columns = [data.t, data[name]];
    // a series with a band (the plan's) draws it; intervals and waste shares have none
    if (data[name + 'Min']) {
      options.series.push({ label: 'plan minimum', stroke: palette.band, dash: [6, 4] });
      options.series.push({ label: 'plan maximum', stroke: palette.band, dash: [6, 4] });
      columns.push(data[name + 'Min'], data[name + 'Max']);
    }
    new uPlot(options, columns, container);
  }
  document.querySelectorAll('[data-chart]').forEach(draw);
})();
