// The drop page with scripts on: each file goes up as a resumable tus upload through the drop,
// with a progress bar, so a dropped connection retries and a file picked again after a reload
// resumes where it stopped instead of starting over. With scripts off the same form posts all
// files as one multipart request, which needs none of this.
'use strict';
(function () {
  const form = document.getElementById('drop-form');
  if (!form || !window.tus || !window.tus.isSupported) {
    return;
  }
  const input = document.getElementById('files');
  const button = document.getElementById('send');
  const area = document.getElementById('progress-area');
  const bar = document.getElementById('progress');
  const status = document.getElementById('progress-text');
  const error = document.getElementById('send-error');
  const sentArea = document.getElementById('sent-area');
  const sent = document.getElementById('sent');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const files = Array.from(input.files);
    if (files.length === 0) {
      return;
    }
    input.disabled = true;
    button.disabled = true;
    error.hidden = true;
    area.hidden = false;
    const total = files.reduce((sum, file) => sum + file.size, 0);
    let before = 0;
    try {
      for (const file of files) {
        await send(file, (bytes) => show(before + bytes, total, file.name));
        before += file.size;
        received(file);
      }
      show(total, total, null);
      form.reset();
    } catch (failure) {
      error.textContent = explain(failure);
      error.hidden = false;
    } finally {
      input.disabled = false;
      button.disabled = false;
    }
  });

  function send(file, progress) {
    return new Promise((resolve, reject) => {
      const metadata = { filename: file.name };
      if (file.type) {
        metadata.filetype = file.type;
      }
      const upload = new window.tus.Upload(file, {
        endpoint: form.dataset.tus,
        metadata: metadata,
        retryDelays: [0, 1000, 3000, 5000, 10000],
        removeFingerprintOnSuccess: true,
        onProgress: (bytes) => progress(bytes),
        onSuccess: () => resolve(),
        onError: reject,
      });
      upload.findPreviousUploads().then((previous) => {
        if (previous.length > 0) {
          upload.resumeFromPreviousUpload(previous[0]);
        }
        upload.start();
      }, reject);
    });
  }

  function show(bytes, total, name) {
    bar.value = total === 0 ? 100 : Math.floor((bytes * 100) / total);
    status.textContent =
      name === null
        ? 'Sent ' + size(total) + '.'
        : 'Sending ' + name + ': ' + size(bytes) + ' of ' + size(total);
  }

  function received(file) {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = file.name;
    item.append(name, ' (' + size(file.size) + ')');
    sent.append(item);
    sentArea.hidden = false;
  }

  // The server's problem document says which limit a refusal hit; show its words.
  function explain(failure) {
    const response = failure && failure.originalResponse;
    if (response) {
      try {
        const problem = JSON.parse(response.getBody());
        if (problem.detail) {
          return problem.detail;
        }
      } catch (ignored) {
        // not a problem document: fall through to the generic words
      }
      return 'The server refused the file (' + response.getStatus() + ').';
    }
    return 'The upload stopped: ' + (failure && failure.message ? failure.message : failure);
  }

  function size(bytes) {
    const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (unit === 0 ? value : value.toFixed(1)) + ' ' + units[unit];
  }
})();
