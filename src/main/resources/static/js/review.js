// The review screens: image viewer (zoom, rotate, full screen, next/previous, keyboard), lease renewal while the
// reviewer works, and the grid mode's keyboard. Loaded with defer; no inline script anywhere.
(function () {
  'use strict';

  function csrfHeaders() {
    var headers = {};
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  // ---- image viewer ---------------------------------------------------------------------------------------
  function setUpViewer() {
    var dialog = document.getElementById('image-viewer');
    var items = Array.prototype.slice.call(document.querySelectorAll('[data-viewer-item]'));
    if (!dialog || !items.length || typeof dialog.showModal !== 'function') {
      return; // without a dialog the links still open the full image
    }
    var image = dialog.querySelector('[data-viewer-image]');
    var caption = dialog.querySelector('[data-viewer-caption]');
    var stage = dialog.querySelector('[data-viewer-stage]');
    var index = 0;
    var scale = 1;
    var rotation = 0;

    function apply() {
      image.style.transform = 'scale(' + scale + ') rotate(' + rotation + 'deg)';
    }
    function reset() {
      scale = 1;
      rotation = 0;
      apply();
    }
    function show(i) {
      index = (i + items.length) % items.length;
      image.src = items[index].href;
      image.alt = items[index].getAttribute('data-caption') || '';
      caption.textContent = (index + 1) + ' / ' + items.length + ' · ' + (items[index].getAttribute('data-caption') || '');
      reset();
    }
    function zoom(factor) {
      scale = Math.min(8, Math.max(0.25, scale * factor));
      apply();
    }
    function rotate(degrees) {
      rotation = (rotation + degrees + 360) % 360;
      apply();
    }
    function fullscreen() {
      if (document.fullscreenElement) {
        document.exitFullscreen();
      } else if (stage.requestFullscreen) {
        stage.requestFullscreen();
      }
    }
    var actions = {
      prev: function () { show(index - 1); },
      next: function () { show(index + 1); },
      zoomIn: function () { zoom(1.25); },
      zoomOut: function () { zoom(0.8); },
      rotateLeft: function () { rotate(-90); },
      rotateRight: function () { rotate(90); },
      reset: reset,
      fullscreen: fullscreen,
      close: function () { dialog.close(); }
    };

    items.forEach(function (item, i) {
      item.addEventListener('click', function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey) {
          return; // let the browser open it in a new tab
        }
        event.preventDefault();
        show(i);
        dialog.showModal();
      });
    });
    dialog.addEventListener('click', function (event) {
      var action = event.target.getAttribute && event.target.getAttribute('data-viewer');
      if (action && actions[action]) {
        actions[action]();
      }
    });
    stage.addEventListener('wheel', function (event) {
      event.preventDefault();
      zoom(event.deltaY < 0 ? 1.1 : 0.9);
    }, { passive: false });
    dialog.addEventListener('keydown', function (event) {
      var keys = {
        ArrowLeft: 'prev', ArrowRight: 'next', '+': 'zoomIn', '=': 'zoomIn', '-': 'zoomOut',
        r: 'rotateRight', R: 'rotateLeft', '0': 'reset', f: 'fullscreen', F: 'fullscreen'
      };
      var action = keys[event.key];
      if (action) {
        event.preventDefault();
        actions[action]();
      }
    });
  }

  // ---- lease renewal --------------------------------------------------------------------------------------
  // The lease lasts 15 minutes; while the reviewer keeps working (any input in the last interval) it is renewed.
  function setUpLease() {
    var main = document.querySelector('[data-lease-renew-url]');
    if (!main) {
      return;
    }
    var url = main.getAttribute('data-lease-renew-url');
    var lost = document.querySelector('[data-lease-lost]');
    var active = false;
    ['keydown', 'click', 'scroll', 'mousemove', 'touchstart'].forEach(function (type) {
      document.addEventListener(type, function () { active = true; }, { passive: true });
    });
    var timer = window.setInterval(function () {
      if (!active) {
        return;
      }
      active = false;
      fetch(url, { method: 'POST', headers: csrfHeaders(), credentials: 'same-origin' })
        .then(function (response) {
          if (response.status === 409 && lost) {
            lost.hidden = false;
            window.clearInterval(timer);
          }
        })
        .catch(function () { /* offline for a moment: the next beat tries again */ });
    }, 4 * 60 * 1000);
  }

  // ---- grid mode ------------------------------------------------------------------------------------------
  // j/k or arrows move between candidates; a accepts the focused one; o opens the candidate.
  function setUpGrid() {
    var cells = Array.prototype.slice.call(document.querySelectorAll('[data-grid-cell]'));
    if (!cells.length) {
      return;
    }
    var focused = 0;
    function focus(i) {
      focused = Math.max(0, Math.min(cells.length - 1, i));
      cells.forEach(function (cell, n) { cell.classList.toggle('focused', n === focused); });
      cells[focused].focus();
      cells[focused].scrollIntoView({ block: 'nearest' });
    }
    cells.forEach(function (cell, i) {
      cell.addEventListener('focusin', function () {
        focused = i;
        cells.forEach(function (other, n) { other.classList.toggle('focused', n === focused); });
      });
    });
    document.addEventListener('keydown', function (event) {
      var tag = (event.target.tagName || '').toLowerCase();
      if (tag === 'input' || tag === 'textarea' || tag === 'select' || event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      var cell = cells[focused];
      if (event.key === 'j' || event.key === 'ArrowDown') {
        event.preventDefault();
        focus(focused + 1);
      } else if (event.key === 'k' || event.key === 'ArrowUp') {
        event.preventDefault();
        focus(focused - 1);
      } else if (event.key === 'a') {
        var accept = cell.querySelector('[data-grid-accept]');
        if (accept && !accept.disabled) {
          event.preventDefault();
          accept.click();
        }
      } else if (event.key === 'o') {
        var open = cell.querySelector('[data-grid-open]');
        if (open) {
          event.preventDefault();
          window.location.href = open.href;
        }
      }
    });
    focus(0);
  }

  function start() {
    setUpViewer();
    setUpLease();
    setUpGrid();
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
