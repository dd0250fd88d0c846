// The review dashboard: reads the figures from the JSON endpoint named in data-dashboard-source and draws them with
// ECharts (served from its webjar). Labels come from the page's data-label-* attributes and the figures themselves;
// the tables under each chart hold the same figures for everyone without JavaScript.
(function () {
  'use strict';

  function init() {
    var root = document.querySelector('[data-dashboard-source]');
    if (!root || typeof window.echarts === 'undefined' || typeof window.fetch !== 'function') {
      return;
    }
    fetch(root.getAttribute('data-dashboard-source'), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (figures) {
        draw(root, figures);
      })
      .catch(function () {
        // the tables stay; nothing to draw
      });
  }

  function label(root, name) {
    return root.getAttribute('data-label-' + name) || '';
  }

  function chart(root, name) {
    var element = root.querySelector('[data-chart="' + name + '"]');
    if (!element) {
      return null;
    }
    element.classList.add('chart-drawn');
    var instance = window.echarts.init(element);
    window.addEventListener('resize', function () {
      instance.resize();
    });
    return instance;
  }

  function bars(categories, values, horizontal) {
    var category = { type: 'category', data: categories, axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 } };
    var value = { type: 'value', minInterval: 1 };
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [{ type: 'bar', data: values, label: { show: true, position: horizontal ? 'right' : 'top' } }]
    };
  }

  function draw(root, figures) {
    var states = chart(root, 'states');
    if (states) {
      states.setOption(bars(
        figures.states.map(function (s) { return s.name; }),
        figures.states.map(function (s) { return s.count; }),
        false));
    }

    var points = figures.examPoints.length ? chart(root, 'points') : null;
    if (points) {
      var shown = figures.states.filter(function (s) { return s.count > 0; });
      points.setOption({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
        xAxis: {
          type: 'category',
          data: figures.examPoints.map(function (p) { return p.code + ' ' + p.name; }),
          axisLabel: { interval: 0, rotate: 30 }
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: shown.map(function (s) {
          return {
            name: s.name,
            type: 'bar',
            stack: 'states',
            data: figures.examPoints.map(function (p) { return p.byState[s.state] || 0; })
          };
        })
      });
    }

    var days = chart(root, 'days');
    if (days) {
      days.setOption({
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
        xAxis: { type: 'category', data: figures.perDay.map(function (d) { return d.day.substring(5); }) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: label(root, 'exam-point'), type: 'bar', stack: 'level',
            data: figures.perDay.map(function (d) { return d.examPoint; }) },
          { name: label(root, 'district'), type: 'bar', stack: 'level',
            data: figures.perDay.map(function (d) { return d.district; }) }
        ]
      });
    }

    var decided = figures.toExamPointDecision.applications + figures.toFinalDecision.applications;
    var medians = decided ? chart(root, 'medians') : null;
    if (medians) {
      var option = bars(
        [label(root, 'to-point'), label(root, 'to-final')],
        [figures.toExamPointDecision.hours || 0, figures.toFinalDecision.hours || 0],
        true);
      option.xAxis.name = label(root, 'hours');
      option.xAxis.minInterval = 0;
      medians.setOption(option);
    }

    var reasons = figures.reasons.length ? chart(root, 'reasons') : null;
    if (reasons) {
      var top = figures.reasons.slice(0, 10).reverse();
      reasons.setOption(bars(
        top.map(function (r) { return r.name; }),
        top.map(function (r) { return r.count; }),
        true));
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
