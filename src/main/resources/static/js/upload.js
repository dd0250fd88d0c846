// Prepares a phone photo in the browser before it is sent: applies the EXIF orientation, lets the candidate
// rotate it, scales it down and re-encodes it as JPEG under the exam year's size limit while keeping text legible,
// then uploads it with a progress bar. Without JavaScript the same form posts the file as it is.
(function () {
  'use strict';

  var PREFERRED_LONG_SIDE = 2400;
  var MIN_LONG_SIDE = 1000;
  var QUALITIES = [0.88, 0.8, 0.72, 0.64, 0.56];

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

  // Largest picture first: lower the quality before the size, so that text stays legible.
  function compress(source, rotation, maxBytes) {
    var canvas = document.createElement('canvas');
    var longSide = Math.min(PREFERRED_LONG_SIDE, Math.max(source.width, source.height));
    function attempt(side, qualityIndex) {
      draw(source, rotation, side, canvas);
      return toBlob(canvas, QUALITIES[qualityIndex]).then(function (blob) {
        if (blob && blob.size <= maxBytes) { return blob; }
        if (qualityIndex + 1 < QUALITIES.length) { return attempt(side, qualityIndex + 1); }
        if (side * 0.85 >= MIN_LONG_SIDE) { return attempt(Math.round(side * 0.85), 1); }
        return blob && blob.size <= maxBytes ? blob : null;
      });
    }
    return attempt(longSide, 0);
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
      var maxBytes = parseInt(form.dataset.maxBytes, 10);
      status.textContent = form.dataset.msgCompressing;
      compress(source, rotation, maxBytes).then(function (blob) {
        if (!blob) { status.textContent = form.dataset.msgFailed; return; }
        var data = new FormData();
        data.append('file', blob, 'photo.jpg');
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.dataset.apiUrl);
        xhr.setRequestHeader('Accept', 'application/json');
        csrfHeaders(xhr);
        progress.hidden = false;
        progress.value = 0;
        status.textContent = form.dataset.msgUploading;
        xhr.upload.addEventListener('progress', function (e) {
          if (e.lengthComputable) { progress.value = Math.round(e.loaded * 100 / e.total); }
        });
        xhr.addEventListener('load', function () {
          progress.hidden = true;
          if (xhr.status >= 200 && xhr.status < 300) { refreshCard(form); return; }
          var message = form.dataset.msgFailed;
          try { message = JSON.parse(xhr.responseText).detail || message; } catch (ignored) { /* not JSON */ }
          status.textContent = message;
        });
        xhr.addEventListener('error', function () {
          progress.hidden = true;
          status.textContent = form.dataset.msgFailed;
        });
        xhr.send(data);
      });
    });
  }

  function enhanceAll(root) {
    (root || document).querySelectorAll('form.upload').forEach(enhance);
  }

  document.addEventListener('DOMContentLoaded', function () { enhanceAll(document); });
  document.addEventListener('htmx:afterSettle', function (event) { enhanceAll(event.target.parentNode || document); });
})();
