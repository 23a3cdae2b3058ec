/*
 * The Recordings page's one player: only one call plays at a time. It draws the call's waveform from the peaks the
 * server measured at conversion (remote party above, local below), skips 5 or 15 seconds, changes speed, answers
 * keys, plays a call's parts (hold, transfer and consultation make a capture each) one after the other, and gives a
 * link that opens the call at the moment playing (?play=ID&t=SECONDS).
 */
(function () {
  'use strict';
  var bar = document.getElementById('player');
  if (!bar) {
    return;
  }
  var api = bar.dataset.api;
  var pageUrl = bar.dataset.page;
  var zone = bar.dataset.zone;
  var audio = document.getElementById('player-audio');
  var canvas = document.getElementById('player-wave');
  var title = document.getElementById('player-title');
  var part = document.getElementById('player-part');
  var previous = document.getElementById('player-previous');
  var next = document.getElementById('player-next');
  var toggle = document.getElementById('player-toggle');
  var time = document.getElementById('player-time');
  var speed = document.getElementById('player-speed');
  var link = document.getElementById('player-link');
  var status = document.getElementById('player-status');
  var SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];

  var current = null;   // the recording loaded: {id, title, call}
  var parts = [];       // the ids of the call's captures, in the order they were recorded
  var waveform = null;  // {stretchMillis, remote: [...], local: [...]}
  var startAt = 0;      // where to start once the audio's length is known
  var drawing = false;

  function clock(seconds) {
    if (!isFinite(seconds) || seconds < 0) {
      seconds = 0;
    }
    var s = Math.floor(seconds);
    var h = Math.floor(s / 3600);
    var m = Math.floor(s / 60) % 60;
    var rest = String(s % 60).padStart(2, '0');
    return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + rest : m + ':' + rest;
  }

  /** As the table writes times: yyyy-MM-dd HH:mm:ss and the zone, in the viewer's zone. */
  function dateTime(iso) {
    try {
      var parts = {};
      new Intl.DateTimeFormat('en-GB', {timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
        minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short'})
          .formatToParts(new Date(iso)).forEach(function (p) { parts[p.type] = p.value; });
      return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute + ':' + parts.second
          + ' ' + parts.timeZoneName;
    } catch (e) {
      return iso;
    }
  }

  function duration() {
    if (isFinite(audio.duration) && audio.duration > 0) {
      return audio.duration;
    }
    return waveform ? waveform.remote.length * waveform.stretchMillis / 1000 : 0;
  }

  function getJson(url) {
    return fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}}).then(function (r) {
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          throw new Error(body.message || ('HTTP ' + r.status));
        });
      }
      return r.json();
    });
  }

  /** Loads a recording into the player; plays it at once when asked (a click), else waits at {@code at}. */
  function load(recording, at, play) {
    current = recording;
    waveform = null;
    bar.classList.remove('vb-player-unavailable');
    startAt = at || 0;
    bar.hidden = false;
    document.body.classList.add('vb-player-open');
    title.textContent = recording.title;
    status.textContent = '';
    audio.src = api + '/' + recording.id + '/audio';
    audio.playbackRate = Number(speed.value);
    bar.dataset.recording = recording.id;
    showParts();
    draw();
    if (play) {
      audio.play().catch(function (e) { status.textContent = 'Cannot play: ' + e.message; });
    }
    getJson(api + '/' + recording.id + '/waveform').then(function (w) {
      if (current === recording) {
        waveform = w;
        canvas.dataset.stretches = String(w.remote.length);
        draw();
      }
    }).catch(function (e) {
      if (current === recording) {
        status.textContent = 'No waveform: ' + e.message;
      }
    });
    if (recording.call && parts.indexOf(recording.id) < 0) {
      parts = [];
      getJson(api + '?callId=' + encodeURIComponent(recording.call) + '&state=READY&sort=start&limit=50').then(function (list) {
        if (current === recording) {
          parts = list.items.map(function (r) { return r.id; });
          showParts();
        }
      }).catch(function () { parts = []; });
    } else if (!recording.call) {
      parts = [];
    }
  }

  function showParts() {
    var index = current ? parts.indexOf(current.id) : -1;
    var several = parts.length > 1 && index >= 0;
    part.textContent = several ? 'Part ' + (index + 1) + ' of ' + parts.length : '';
    previous.hidden = !several || index === 0;
    next.hidden = !several || index === parts.length - 1;
  }

  function playPart(step) {
    var index = parts.indexOf(current.id) + step;
    if (index >= 0 && index < parts.length) {
      load({id: parts[index], title: current.title, call: current.call}, 0, true);
    }
  }

  function seek(seconds) {
    var length = duration();
    audio.currentTime = Math.max(0, length ? Math.min(seconds, length) : seconds);
    update();
  }

  function skip(seconds) {
    seek(audio.currentTime + seconds);
  }

  function changeSpeed(step) {
    var index = SPEEDS.indexOf(Number(speed.value)) + step;
    if (index >= 0 && index < SPEEDS.length) {
      speed.value = String(SPEEDS[index]);
      audio.playbackRate = SPEEDS[index];
    }
  }

  function togglePlay() {
    if (audio.paused) {
      audio.play().catch(function (e) { status.textContent = 'Cannot play: ' + e.message; });
    } else {
      audio.pause();
    }
  }

  function update() {
    var length = duration();
    var at = audio.currentTime || 0;
    time.textContent = clock(at) + ' / ' + clock(length);
    canvas.setAttribute('aria-valuemax', String(Math.round(length)));
    canvas.setAttribute('aria-valuenow', String(Math.round(at)));
    canvas.setAttribute('aria-valuetext', clock(at) + ' of ' + clock(length));
    var playing = !audio.paused;
    toggle.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    toggle.firstElementChild.className = 'pi ' + (playing ? 'pi-pause' : 'pi-play');
    if (current) {
      var whole = Math.floor(at);
      link.href = pageUrl + '?play=' + current.id + '&t=' + whole;
      link.textContent = 'Link to ' + clock(whole);
    }
    draw();
  }

  /** Each party in its lane, mirrored around the lane's middle; what has been played darker. */
  function draw() {
    var ratio = window.devicePixelRatio || 1;
    var width = canvas.clientWidth;
    var height = canvas.clientHeight;
    if (!width || !height) {
      return;
    }
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    var g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    var lane = height / 2;
    g.fillStyle = '#e5e7eb';
    g.fillRect(0, lane - 0.5, width, 1);
    var length = duration();
    var played = length ? (audio.currentTime || 0) / length * width : 0;
    if (waveform && waveform.remote.length) {
      var n = waveform.remote.length;
      var covered = n * waveform.stretchMillis / 1000; // the last stretch may end after the audio
      var scale = length ? Math.min(1, covered / length) : 1;
      [[waveform.remote, 0, '#1d4ed8', '#93c5fd'], [waveform.local, lane, '#0f766e', '#99d5cf']].forEach(function (l) {
        var peaks = l[0];
        for (var x = 0; x < width; x++) {
          var from = Math.floor(x / width / scale * n);
          var to = Math.max(from + 1, Math.floor((x + 1) / width / scale * n));
          var peak = 0;
          for (var i = from; i < to && i < n; i++) {
            peak = Math.max(peak, peaks[i]);
          }
          // square root: quiet speech stays visible beside loud
          var h = Math.max(peak ? 1 : 0, Math.sqrt(peak / 255) * (lane / 2 - 2));
          g.fillStyle = x < played ? l[2] : l[3];
          g.fillRect(x, l[1] + lane / 2 - h, 1, 2 * h);
        }
      });
    }
    if (length) {
      g.fillStyle = '#111827';
      g.fillRect(Math.min(played, width - 1), 0, 1.5, height);
    }
  }

  function animate() {
    if (drawing) {
      return;
    }
    drawing = true;
    (function frame() {
      update();
      if (!audio.paused) {
        requestAnimationFrame(frame);
      } else {
        drawing = false;
      }
    })();
  }

  // a row's Play (rows are redrawn by searches: one listener for them all)
  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('.vb-play') : null;
    if (button) {
      var id = Number(button.dataset.recording);
      if (current && current.id === id && !bar.hidden) {
        togglePlay();
      } else {
        load({id: id, title: button.dataset.title, call: button.dataset.call || null}, 0, true);
      }
    }
  });

  audio.addEventListener('loadedmetadata', function () {
    if (startAt) {
      seek(startAt);
      startAt = 0;
    }
    update();
  });
  audio.addEventListener('play', animate);
  audio.addEventListener('pause', update);
  audio.addEventListener('seeked', update);
  audio.addEventListener('timeupdate', function () {
    if (audio.paused) {
      update();
    }
  });
  audio.addEventListener('ended', function () {
    update();
    if (parts.indexOf(current.id) < parts.length - 1) {
      playPart(1);
    }
  });
  audio.addEventListener('error', function () {
    if (current) {
      status.textContent = 'The audio could not be loaded (' + (audio.error ? audio.error.message || audio.error.code : 'error') + ')';
    }
  });
  audio.addEventListener('ratechange', function () {
    speed.value = String(audio.playbackRate);
  });

  toggle.addEventListener('click', togglePlay);
  document.getElementById('player-back15').addEventListener('click', function () { skip(-15); });
  document.getElementById('player-back5').addEventListener('click', function () { skip(-5); });
  document.getElementById('player-forward5').addEventListener('click', function () { skip(5); });
  document.getElementById('player-forward15').addEventListener('click', function () { skip(15); });
  previous.addEventListener('click', function () { playPart(-1); });
  next.addEventListener('click', function () { playPart(1); });
  speed.addEventListener('change', function () { audio.playbackRate = Number(speed.value); });
  document.getElementById('player-close').addEventListener('click', function () {
    audio.pause();
    audio.removeAttribute('src');
    audio.load();
    current = null;
    bar.hidden = true;
    document.body.classList.remove('vb-player-open');
  });
  canvas.addEventListener('click', function (e) {
    var box = canvas.getBoundingClientRect();
    seek((e.clientX - box.left) / box.width * duration());
  });
  link.addEventListener('click', function (e) {
    if (navigator.clipboard && window.isSecureContext) {
      e.preventDefault();
      navigator.clipboard.writeText(link.href).then(function () { status.textContent = 'Link copied'; },
          function () { status.textContent = 'Copy the link: ' + link.href; });
    }
  });
  window.addEventListener('resize', draw);

  // keys, unless someone is typing or a control handles them itself
  document.addEventListener('keydown', function (e) {
    if (bar.hidden || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) {
      return;
    }
    var t = e.target;
    if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || (t.closest && t.closest('.ui-dialog'))) {
      return;
    }
    if (/^(BUTTON|A)$/.test(t.tagName) && (e.key === ' ' || e.key === 'Enter')) {
      return; // the focused button's own click
    }
    var handled = true;
    switch (e.key) {
      case ' ':
      case 'k':
        togglePlay();
        break;
      case 'ArrowLeft':
      case 'j':
        skip(e.shiftKey ? -15 : -5);
        break;
      case 'ArrowRight':
      case 'l':
        skip(e.shiftKey ? 15 : 5);
        break;
      case '<':
      case ',':
        changeSpeed(-1);
        break;
      case '>':
      case '.':
        changeSpeed(1);
        break;
      case 'Home':
        seek(0);
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
    }
  });

  // a link to a moment: ?play=ID&t=SECONDS opens that call there, ready to play
  var asked = new URLSearchParams(location.search);
  var id = Number(asked.get('play'));
  if (id > 0) {
    var at = Math.max(0, Number(asked.get('t')) || 0);
    getJson(api + '/' + id).then(function (r) {
      var c = r.callInformation;
      load({id: id, title: (c ? c.from + ' → ' + c.to : (r.callId || r.fileName)) + ' · ' + dateTime(r.start || r.receivedAt),
        call: r.callId}, at, false);
    }).catch(function (e) {
      bar.hidden = false;
      bar.classList.add('vb-player-unavailable');
      title.textContent = 'Recording ' + id;
      status.textContent = 'Cannot be played: ' + e.message;
    });
  }
})();
