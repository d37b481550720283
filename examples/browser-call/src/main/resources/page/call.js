// The page's own signalling: it talks only to the application (never to Janus), which answers
// through its Camel routes. Modes: ?mode=echo (default), ?mode=publish&room=N,
// ?mode=subscribe&room=N&feed=ID.
'use strict';

const params = new URLSearchParams(location.search);
const mode = params.get('mode') || 'echo';
const room = params.get('room') || '4242';
const feed = params.get('feed');

let pc = null;
let localStream = null;
let live = null;
let infoTimer = null;
let trickles = Promise.resolve(); // candidates go out in order, "completed" last
let pending = []; // candidates found before the call may take them
let ready = false;

// Read by the browser test.
window.call = { id: null, state: null, handleInfo: null, error: null };

const $ = (id) => document.getElementById(id);

async function request(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${url}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

function trickle(candidate) {
  if (!ready) {
    pending.push(candidate);
    return;
  }
  trickles = trickles
    .then(() => request('POST', `/calls/${window.call.id}/candidates`, candidate))
    .catch(fail);
}

function candidatesMayGo() {
  ready = true;
  const queued = pending;
  pending = [];
  queued.forEach(trickle);
}

function newPeerConnection() {
  pc = new RTCPeerConnection({ iceServers: [] }); // host candidates only: no STUN, no TURN
  pc.onicecandidate = (e) => trickle(e.candidate
    ? { candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid, sdpMLineIndex: e.candidate.sdpMLineIndex }
    : { completed: true });
  const remote = new MediaStream();
  $('remote').srcObject = remote;
  pc.ontrack = (e) => remote.addTrack(e.track);
}

async function start() {
  $('start').disabled = true;
  try {
    newPeerConnection();
    let reply;
    if (mode === 'subscribe') {
      reply = await request('POST', `/rooms/${room}/subscribers`, { feed: Number(feed) });
      window.call.id = reply.id;
      await pc.setRemoteDescription(reply.jsep);
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      await request('POST', `/calls/${reply.id}/answer`, { jsep: { type: answer.type, sdp: answer.sdp } });
    } else {
      localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
      $('local').srcObject = localStream;
      localStream.getTracks().forEach((t) => pc.addTrack(t, localStream));
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      const url = mode === 'publish' ? `/rooms/${room}/publishers` : '/calls';
      reply = await request('POST', url, { jsep: { type: offer.type, sdp: offer.sdp }, display: 'browser' });
      window.call.id = reply.id;
      await pc.setRemoteDescription(reply.jsep);
      if (reply.feed !== undefined) {
        const link = `?mode=subscribe&room=${room}&feed=${reply.feed}`;
        $('subscribe-link').innerHTML = `publishing as feed ${reply.feed}: <a href="${link}" target="_blank">open a subscriber</a>`;
      }
    }
    $('call-id').textContent = reply.id;
    candidatesMayGo();
    watch(reply.id);
    $('hangup').disabled = false;
  } catch (e) {
    fail(e);
    if (window.call.id) {
      hangup(); // the application made a call for this page: end it
    } else {
      stop();
    }
  }
}

function watch(id) {
  // When this page goes away its stream closes, and the application ends the call.
  live = new EventSource(`/calls/${id}/events`);
  live.onmessage = (e) => show(JSON.parse(e.data));
  live.onerror = () => {
    if (live && live.readyState === EventSource.CLOSED) {
      fail('the live state stream closed');
      stop();
    }
  };
  infoTimer = setInterval(async () => {
    try {
      window.call.handleInfo = await request('GET', `/calls/${id}/handle-info`);
      const info = window.call.handleInfo;
      $('handle-info').textContent = `received ${info.bytesReceived} bytes (${info.packetsReceived} packets),`
        + ` sent ${info.bytesSent} bytes (${info.packetsSent} packets)`;
    } catch (e) {
      if (!String(e).includes(' 404 ')) { // 404: the call ended between two reads
        fail(e);
      }
    }
  }, 2000);
}

const kbit = (bits) => `${Math.round(bits / 1000)} kbit/s`;

function show(state) {
  window.call.state = state;
  $('events').textContent = state.events.join(', ') || '-';
  $('receiving').textContent = Object.entries(state.receiving).map(([m, r]) => `${m}: ${r}`).join(', ') || '-';
  $('pair').textContent = state.selectedPair || '-';
  $('slowlink').textContent = state.slowlink || '-';
  $('stats').textContent = Object.entries(state.stats)
    .map(([m, s]) => `${m}: ${kbit(s.bitrateIn)} in (${s.packetsReceived} packets, ${s.packetsLost} lost),`
      + ` ${kbit(s.bitrateOut)} out (${s.packetsSent} packets), rtt ${s.rtt} ms`)
    .join('; ') || '-';
  if (state.ended) {
    stop();
  }
}

async function hangup() {
  $('hangup').disabled = true;
  if (pc) {
    pc.onicecandidate = null; // candidates found from now on are for a call that is ending
  }
  try {
    await trickles;
    await request('DELETE', `/calls/${window.call.id}`);
  } catch (e) {
    fail(e);
  }
  stop();
}

function stop() {
  if (live) { live.close(); live = null; }
  if (pc) { pc.onicecandidate = null; }
  if (infoTimer) { clearInterval(infoTimer); infoTimer = null; }
  if (pc) { pc.close(); pc = null; }
  if (localStream) { localStream.getTracks().forEach((t) => t.stop()); localStream = null; }
  $('hangup').disabled = true;
}

function fail(e) {
  window.call.error = String(e);
  $('error').textContent = String(e);
}

$('mode-line').textContent = mode === 'echo'
  ? 'EchoTest: Janus sends your camera and microphone back.'
  : mode === 'publish' ? `VideoRoom ${room}: publishing your camera.` : `VideoRoom ${room}: watching feed ${feed}.`;
$('remote-caption').textContent = mode === 'echo' ? 'echoed by Janus' : mode === 'publish' ? 'remote (none: publishing)' : `feed ${feed}`;
$('start').onclick = start;
$('hangup').onclick = hangup;
