// Prepares a phone photo in the browser before it is sent: applies the EXIF orientation, lets the candidate
// rotate it, scales it down and re-encodes it as JPEG under the exam year's size limit while keeping text legible,
// then uploads it with a progress bar. Without JavaScript the same form posts the file as it is.
(function () {
  'use strict';

  var PREFERRED_LONG_SIDE = 2400;
  var MIN_LONG_SIDE = 1000;
  var BEST_QUALITY = 0.88;
  var LOWEST_QUALITY = 0.5;

  function loadBitmap(file) {
    if (window.createImageBitmap) {
      return createImageBitmap(file, { imageOrientation: 'from-image' }).catch(function () {
        return loadImage(file);
      });
    }
    return loadImage(file);
  }

  function loadImage(file) {
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(file);
      var image = new Image();
      image.onload = function () { URL.revokeObjectURL(url); resolve(image); };
      image.onerror = function () { URL.revokeObjectURL(url); reject(new Error('decode')); };
      image.src = url;
    });
  }

  function draw(source, rotation, longSide, canvas) {
    var width = source.width;
    var height = source.height;
    var scale = Math.min(1, longSide / Math.max(width, height));
    var w = Math.round(width * scale);
    var h = Math.round(height * scale);
    var quarter = rotation % 180 !== 0;
    canvas.width = quarter ? h : w;
    canvas.height = quarter ? w : h;
    var context = canvas.getContext('2d');
    // Averaging downscale: the default (bilinear from the full-size picture) keeps the sensor noise of a 12 MP
    // photo, which then costs most of the JPEG budget and blurs nothing but the text.
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.translate(canvas.width / 2, canvas.height / 2);
    context.rotate(rotation * Math.PI / 180);
    context.drawImage(source, -w / 2, -h / 2, w, h);
    context.setTransform(1, 0, 0, 1, 0, 0);
    return canvas;
  }

  function toBlob(canvas, quality) {
    return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', quality); });
  }

  // Largest picture first: at each size, the highest quality that fits (found by halving the interval between
  // the lowest and the best quality); only when even the lowest quality does not fit, a smaller picture. So text
  // stays as legible as the budget allows.
  function compress(source, rotation, maxBytes) {
    var canvas = document.createElement('canvas');
    function fits(blob) { return blob && blob.size <= maxBytes; }
    function bestAt(side) {
      draw(source, rotation, side, canvas);
      return toBlob(canvas, BEST_QUALITY).then(function (best) {
        if (fits(best)) { return best; }
        return toBlob(canvas, LOWEST_QUALITY).then(function (lowest) {
          if (!fits(lowest)) { return null; }
          var low = LOWEST_QUALITY;
          var high = BEST_QUALITY;
          var found = lowest;
          function bisect(steps) {
            if (steps === 0) { return found; }
            var quality = (low + high) / 2;
            return toBlob(canvas, quality).then(function (blob) {
              if (fits(blob)) { low = quality; found = blob; } else { high = quality; }
              return bisect(steps - 1);
            });
          }
          return bisect(4);
        });
      });
    }
    function attempt(side) {
      return bestAt(side).then(function (blob) {
        if (blob) { return blob; }
        var smaller = Math.round(side * 0.85);
        return smaller >= MIN_LONG_SIDE ? attempt(smaller) : null;
      });
    }
    return attempt(Math.min(PREFERRED_LONG_SIDE, Math.max(source.width, source.height)));
  }

  function csrfHeaders(xhr) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { xhr.setRequestHeader(header.content, token.content); }
  }

  function refreshCard(form) {
    var card = form.closest('.material');
    if (window.htmx && card) {
      htmx.ajax('GET', form.dataset.cardUrl, { target: card, swap: 'outerHTML' });
    } else {
      window.location.reload();
    }
  }

  // The page carries the status messages once, in the user's language; the built-in text is a last resort.
  function message(name) {
    var holder = document.getElementById('upload-messages');
    return (holder && holder.dataset[name]) || 'Upload failed';
  }

  function enhance(form) {
    if (form.dataset.enhanced) { return; }
    form.dataset.enhanced = 'true';
    var input = form.querySelector('input[type=file]');
    var preview = form.querySelector('.upload-preview');
    var canvas = preview.querySelector('canvas');
    var progress = form.querySelector('progress');
    var status = form.querySelector('.upload-status');
    var source = null;
    var rotation = 0;

    function showPreview() {
      if (!source) { return; }
      draw(source, rotation, 480, canvas);
      preview.hidden = false;
    }

    input.addEventListener('change', function () {
      source = null;
      rotation = 0;
      status.textContent = '';
      if (!input.files.length) { preview.hidden = true; return; }
      loadBitmap(input.files[0]).then(function (bitmap) { source = bitmap; showPreview(); })
        .catch(function () { source = null; preview.hidden = true; });
    });
    preview.querySelector('.rotate-left').addEventListener('click', function () {
      rotation = (rotation + 270) % 360; showPreview();
    });
    preview.querySelector('.rotate-right').addEventListener('click', function () {
      rotation = (rotation + 90) % 360; showPreview();
    });

    form.addEventListener('submit', function (event) {
      if (!input.files.length) { return; }
      if (!source) { return; } // The browser could not decode it: let the server judge and explain.
      event.preventDefault();
      form.dataset.busy = 'true';
      var maxBytes = parseInt(form.dataset.maxBytes, 10);
      status.textContent = message('msgCompressing');
      compress(source, rotation, maxBytes).then(function (blob) {
        if (!blob) {
          // Trying again would give the same result: say what to do instead.
          delete form.dataset.busy;
          status.textContent = message('msgCannotCompress');
          return;
        }
        var data = new FormData();
        data.append('file', blob, 'photo.jpg');
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.dataset.apiUrl);
        xhr.setRequestHeader('Accept', 'application/json');
        csrfHeaders(xhr);
        progress.hidden = false;
        progress.value = 0;
        status.textContent = message('msgUploading');
        xhr.upload.addEventListener('progress', function (e) {
          if (e.lengthComputable) { progress.value = Math.round(e.loaded * 100 / e.total); }
        });
        xhr.addEventListener('load', function () {
          progress.hidden = true;
          delete form.dataset.busy;
          if (xhr.status >= 200 && xhr.status < 300) {
            input.value = '';
            refreshCard(form);
            return;
          }
          var failure = message('msgFailed');
          try { failure = JSON.parse(xhr.responseText).detail || failure; } catch (ignored) { /* not JSON */ }
          status.textContent = failure;
        });
        xhr.addEventListener('error', function () {
          progress.hidden = true;
          delete form.dataset.busy;
          status.textContent = message('msgFailed');
        });
        xhr.send(data);
      });
    });
  }

  function enhanceAll(root) {
    (root || document).querySelectorAll('form.upload').forEach(enhance);
  }

  // A card polls while its images are checked and is then replaced as a whole: not while the candidate has chosen
  // (and perhaps turned) a photo in it or it is being sent, or the choice would silently vanish.
  document.addEventListener('htmx:beforeRequest', function (event) {
    var card = event.detail.elt;
    var form = card && card.querySelector ? card.querySelector('form.upload') : null;
    if (!form || !card.classList.contains('material')) { return; }
    var input = form.querySelector('input[type=file]');
    if (form.dataset.busy || (input && input.files.length)) { event.preventDefault(); }
  });

  document.addEventListener('DOMContentLoaded', function () { enhanceAll(document); });
  document.addEventListener('htmx:afterSettle', function (event) { enhanceAll(event.target.parentNode || document); });
})();
