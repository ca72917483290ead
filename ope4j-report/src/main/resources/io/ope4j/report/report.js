// Draws every chart of the page from the JSON element #ope4j-charts with ECharts (SVG renderer).
// After drawing, each container gets data-rendered="N" (N shapes drawn); a failure is recorded
// in the page's data-problems attribute, which the browser test reads.
(function () {
  'use strict';
  var MISS = '#d62728';
  var HIT = '#1f5fa8';
  var TRUTH = '#2ca02c';
  var specs = JSON.parse(document.getElementById('ope4j-charts').textContent);

  function fmt(v) {
    if (v === null || v === undefined) { return '—'; }
    var a = Math.abs(v);
    return (a !== 0 && (a < 1e-3 || a >= 1e6)) ? v.toExponential(3) : String(+v.toPrecision(5));
  }

  function base(d) {
    return {
      animation: false,
      textStyle: { fontFamily: 'system-ui, sans-serif' },
      grid: { left: 36, right: 32, top: 40, bottom: 40, containLabel: true },
      tooltip: { confine: true, valueFormatter: fmt },
      xAxis: { name: d.xName || '', nameLocation: 'middle', nameGap: 28 },
      yAxis: { name: d.yName || '', nameTextStyle: { align: 'left' } }
    };
  }

  function legend(option) {
    option.legend = { top: 4, type: 'scroll' };
    option.grid.top = 64;
    return option;
  }

  function missed(d, i) {
    var t = d.truth ? d.truth[i] : null;
    return t !== null && t !== undefined && (t < d.lower[i] || t > d.upper[i]);
  }

  function intervals(d) {
    var o = base(d);
    o.grid.top = 16;
    o.xAxis = { type: 'value', scale: true, boundaryGap: ['6%', '6%'], name: d.xName || 'estimated value',
      nameLocation: 'middle', nameGap: 28 };
    o.yAxis = { type: 'category', data: d.categories, inverse: true, axisTick: { show: false } };
    o.tooltip.trigger = 'item';
    o.tooltip.formatter = function (p) {
      var i = p.dataIndex;
      var lines = ['<b>' + d.categories[i] + '</b>', 'estimate ' + fmt(d.value[i]),
        'interval [' + fmt(d.lower[i]) + ', ' + fmt(d.upper[i]) + ']'];
      if (d.truth && d.truth[i] !== null) {
        lines.push('truth ' + fmt(d.truth[i]) + (missed(d, i) ? ' — <b style="color:' + MISS + '">missed</b>' : ' — covered'));
      }
      return lines.join('<br>');
    };
    var rows = d.categories.map(function (c, i) { return [i, d.lower[i], d.upper[i], missed(d, i) ? 1 : 0]; });
    o.series = [{
      type: 'custom', name: 'interval', data: rows, encode: { x: [1, 2], y: 0 },
      renderItem: function (params, api) {
        var lo = api.coord([api.value(1), api.value(0)]);
        var hi = api.coord([api.value(2), api.value(0)]);
        var h = api.size([0, 1])[1] * 0.25;
        var style = { stroke: api.value(3) ? MISS : HIT, lineWidth: 2 };
        return { type: 'group', children: [
          { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
          { type: 'line', shape: { x1: lo[0], y1: lo[1] - h, x2: lo[0], y2: lo[1] + h }, style: style },
          { type: 'line', shape: { x1: hi[0], y1: hi[1] - h, x2: hi[0], y2: hi[1] + h }, style: style }] };
      }
    }, {
      type: 'scatter', name: 'estimate', symbolSize: 9, z: 3,
      data: d.value.map(function (v, i) {
        return { value: [v, i], itemStyle: { color: missed(d, i) ? MISS : HIT } };
      })
    }];
    if (d.truth) {
      o.series.push({
        type: 'scatter', name: 'truth', symbol: 'diamond', symbolSize: 12, z: 4,
        itemStyle: { color: TRUTH, borderColor: '#fff', borderWidth: 1 },
        data: d.truth.map(function (t, i) { return t === null ? null : [t, i]; }).filter(function (p) { return p; })
      });
    }
    return o;
  }

  function histogram(d) {
    var o = base(d);
    o.xAxis.type = 'category';
    o.xAxis.data = d.labels;
    o.xAxis.axisLabel = { rotate: d.labels.length > 16 ? 40 : 0 };
    o.xAxis.nameGap = d.labels.length > 16 ? 44 : 28;
    o.grid.bottom = d.labels.length > 16 ? 56 : 40;
    o.yAxis.type = 'value';
    o.tooltip.trigger = 'axis';
    o.series = [{
      type: 'bar', name: d.yName || 'rows', barCategoryGap: '8%',
      data: d.counts.map(function (c, i) {
        return i === d.highlight ? { value: c, itemStyle: { color: '#999' } } : c;
      })
    }];
    return o;
  }

  // A chart over named categories with a legend of series; trigger: what the tooltip follows.
  function categories(d, names, trigger) {
    var o = legend(base(d));
    o.xAxis.type = 'category';
    o.xAxis.data = names;
    o.yAxis.type = 'value';
    o.yAxis.scale = true;
    o.tooltip.trigger = trigger;
    return o;
  }

  function lines(d) {
    var o = categories(d, d.x, 'axis');
    o.xAxis.boundaryGap = false;
    if (d.yLog) {
      o.yAxis.type = 'log';
      o.yAxis.axisLabel = { formatter: fmt };
    }
    o.series = d.series.map(function (s) {
      return { type: 'line', name: s.name, data: s.values, symbolSize: 6, connectNulls: false,
        lineStyle: s.dashed ? { type: 'dashed' } : undefined };
    });
    if (d.marks && d.marks.length && o.series.length) {
      // Vertical marks at x positions (e.g. CVaR), labelled with their values.
      o.series[0].markLine = { symbol: 'none', silent: true, lineStyle: { type: 'dotted', color: '#555' },
        label: { formatter: '{b}', position: 'insideEndTop', fontSize: 10 },
        data: d.marks.map(function (m) { return { xAxis: m.x, name: m.name }; }) };
    }
    return o;
  }

  function boxplot(d) {
    var o = categories(d, d.categories, 'item');
    o.tooltip.formatter = function (p) {
      var v = p.value.slice(-5);
      var labels = d.boxLabels || ['low', 'q1', 'median', 'q3', 'high'];
      return '<b>' + p.name + '</b> · ' + p.seriesName + '<br>' + labels
        .map(function (label, i) { return i > 0 && label === labels[i - 1] ? null : label + ' ' + fmt(v[i]); })
        .filter(function (line) { return line; }).join('<br>');
    };
    o.series = d.series.map(function (s) { return { type: 'boxplot', name: s.name, data: s.boxes }; });
    return o;
  }

  function stacked(d) {
    var o = categories(d, d.categories, 'axis');
    o.yAxis.scale = false;
    o.series = d.series.map(function (s) { return { type: 'bar', stack: 'total', name: s.name, data: s.values }; });
    return o;
  }

  var builders = { intervals: intervals, histogram: histogram, lines: lines, boxplot: boxplot, stacked: stacked };
  var drawn = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var id = el.getAttribute('data-chart');
    try {
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(builders[specs[id].kind](specs[id].data));
      var shapes = el.querySelectorAll('svg path, svg rect, svg line, svg circle').length;
      if (shapes === 0) {
        window.ope4jProblem('chart ' + id + ' drew nothing');
      }
      el.setAttribute('data-rendered', String(shapes));
      drawn.push(chart);
    } catch (e) {
      window.ope4jProblem('chart ' + id + ': ' + e.message);
    }
  });
  window.addEventListener('resize', function () { drawn.forEach(function (c) { c.resize(); }); });
  document.documentElement.setAttribute('data-charts-drawn', String(drawn.length));
})();
