import { expect } from 'chai';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toneFixture, type ToneFixture } from '../test/audio-fixtures.js';
import { MediaFailure, PeaksController, type PeaksEvents } from './peaks-controller.js';

class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {}
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

function mount(): { zoomview: HTMLElement; overview: HTMLElement; audio: HTMLAudioElement; root: HTMLElement } {
  const root = document.createElement('div');
  const zoomview = document.createElement('div');
  const overview = document.createElement('div');
  for (const el of [zoomview, overview]) {
    el.style.width = '600px';
    el.style.height = '80px';
  }
  const audio = document.createElement('audio');
  root.append(zoomview, overview, audio);
  document.body.append(root);
  return { zoomview, overview, audio, root };
}

async function failure(promise: Promise<unknown>): Promise<MediaFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(MediaFailure);
    return error as MediaFailure;
  }
  throw new Error('expected the load to fail');
}

describe('PeaksController', () => {
  let fixture: ToneFixture;
  let targets: ReturnType<typeof mount>;
  let controller: PeaksController;
  let host: FakeHost;
  let events: Required<PeaksEvents> & { log: unknown[][] };

  beforeEach(() => {
    fixture = toneFixture();
    targets = mount();
    host = new FakeHost();
    const log: unknown[][] = [];
    events = {
      log,
      onSegmentChange: (...args) => log.push(['change', ...args]),
      onTimeUpdate: (t) => log.push(['time', t]),
      onSeek: (t) => log.push(['seek', t]),
      onSegmentInsert: (...args) => log.push(['insert', ...args]),
      onZoom: (...args) => log.push(['zoom', ...args]),
    };
    controller = new PeaksController(host, events);
    controller.attach(targets);
  });

  afterEach(async () => {
    await resetMouse();
    controller.dispose();
    targets.root.remove();
    fixture.revoke();
  });

  it('registers with its host and disposes peaks on hostDisconnected', async () => {
    expect(host.controllers).to.deep.equal([controller]);
    await controller.load({ url: fixture.wavUrl, waveformUrl: fixture.waveformUrl, maxDecodeSeconds: 60 });
    expect(controller.instance).not.to.equal(null);
    controller.hostDisconnected();
    await Promise.resolve(); // after the task: a host moved in the page keeps its waveform
    expect(controller.instance).to.equal(null);
  });

  it('loads with a precomputed waveform: ready, duration right, the waveform is the given one', async () => {
    await controller.load({ url: fixture.wavUrl, waveformUrl: fixture.waveformUrl, maxDecodeSeconds: 60 });
    const peaks = controller.instance!;
    expect(peaks.player.getDuration()).to.be.closeTo(fixture.duration, 0.05);
    expect(controller.duration).to.be.closeTo(fixture.duration, 0.05);
    const data = peaks.getWaveformData();
    expect(data.scale).to.equal(64);
    expect(data.length).to.equal(fixture.waveform.length);
    expect(data.duration).to.be.closeTo(fixture.duration, 0.05);
    expect(targets.zoomview.querySelector('canvas')).not.to.equal(null);
    expect(targets.overview.querySelector('canvas')).not.to.equal(null);
  });

  it('loads without a waveform by decoding at 16 kHz', async () => {
    await controller.load({ url: fixture.wavUrl, maxDecodeSeconds: 60 });
    const data = controller.instance!.getWaveformData();
    expect(data.sample_rate).to.equal(16000);
    expect(data.duration).to.be.closeTo(fixture.duration, 0.05);
    // The middle third is silence, the outer thirds a loud tone.
    const channel = data.channel(0);
    expect(channel.max_sample(Math.floor(data.length / 2))).to.be.lessThan(3);
    expect(channel.max_sample(Math.floor(data.length / 6))).to.be.greaterThan(60);
  });

  it('refuses to decode audio longer than maxDecodeSeconds (media-decode-failed)', async () => {
    const error = await failure(controller.load({ url: fixture.wavUrl, maxDecodeSeconds: 2 }));
    expect(error.code, error.message).to.equal('media-decode-failed');
    expect(error.message).to.contain('at most 2 s');
    expect(controller.instance).to.equal(null);
  });

  it('a 404 audio URL rejects with media-load-failed', async () => {
    const error = await failure(
      controller.load({ url: '/packages/audio-transcriber/test/missing.wav', maxDecodeSeconds: 60 }),
    );
    expect(error.code).to.equal('media-load-failed');
  });

  it('a 404 waveform URL rejects with media-load-failed', async () => {
    const error = await failure(
      controller.load({
        url: fixture.wavUrl,
        waveformUrl: '/packages/audio-transcriber/test/missing.json',
        maxDecodeSeconds: 60,
      }),
    );
    expect(error.code).to.equal('media-load-failed');
    expect(error.message).to.contain('404');
    expect(error.reason, 'the waveform, not the audio').to.deep.equal({ kind: 'waveform-unavailable', status: 404 });
  });

  it('a Blob of garbage rejects with media-decode-failed (reachable but not audio)', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
    try {
      const error = await failure(controller.load({ url, maxDecodeSeconds: 60 }));
      expect(error.code, error.message).to.equal('media-decode-failed');
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('a zero-length file rejects with media-decode-failed', async () => {
    const url = URL.createObjectURL(new Blob([], { type: 'audio/wav' }));
    try {
      const error = await failure(controller.load({ url, maxDecodeSeconds: 60 }));
      expect(error.code, error.message).to.equal('media-decode-failed');
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('a waveform of another length rejects with media-load-failed (mismatch)', async () => {
    const long = toneFixture(6);
    try {
      const error = await failure(
        controller.load({ url: fixture.wavUrl, waveformUrl: long.waveformUrl, maxDecodeSeconds: 60 }),
      );
      expect(error.code).to.equal('media-load-failed');
      expect(error.message).to.contain('does not match');
    } finally {
      long.revoke();
    }
  });

  it('a corrupt waveform file rejects with media-decode-failed', async () => {
    const url = URL.createObjectURL(new Blob(['{"version":2,"bits":8,"data":[1,2,'], { type: 'application/json' }));
    try {
      const error = await failure(controller.load({ url: fixture.wavUrl, waveformUrl: url, maxDecodeSeconds: 60 }));
      expect(error.code, error.message).to.equal('media-decode-failed');
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('setSegments mirrors segments into peaks with our ids, editable, styled by speaker', async () => {
    await controller.load({ url: fixture.wavUrl, waveformUrl: fixture.waveformUrl, maxDecodeSeconds: 60 });
    const styles = { A: { color: '#ff0000' }, '': { color: '#00ff00' } };
    controller.setSegments(
      [
        { id: 's1', start: 0.25, end: 1, speaker: 'A' },
        { id: 's2', start: 1.5, end: 2.5, editable: false },
      ],
      styles,
    );
    const read = (): Array<[string | undefined, number, number, boolean | undefined, unknown]> =>
      controller
        .instance!.segments.getSegments()
        .map(
          (s) =>
            [s.id, s.startTime, s.endTime, s.editable, s.color] as [
              string | undefined,
              number,
              number,
              boolean | undefined,
              unknown,
            ],
        )
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(read()).to.deep.equal([
      ['s1', 0.25, 1, true, '#ff0000'],
      ['s2', 1.5, 2.5, false, '#00ff00'],
    ]);
    // Update one, drop one, add one: peaks follows.
    controller.setSegments(
      [
        { id: 's1', start: 0.3, end: 1.2, speaker: 'A' },
        { id: 's3', start: 2.6, end: 2.9 },
      ],
      styles,
    );
    expect(read()).to.deep.equal([
      ['s1', 0.3, 1.2, true, '#ff0000'],
      ['s3', 2.6, 2.9, true, '#00ff00'],
    ]);
  });

  it('segments set before load appear once loaded', async () => {
    controller.setSegments([{ id: 'early', start: 0.5, end: 0.9 }]);
    await controller.load({ url: fixture.wavUrl, waveformUrl: fixture.waveformUrl, maxDecodeSeconds: 60 });
    expect(controller.instance!.segments.getSegment('early')?.endTime).to.equal(0.9);
  });

  it('reports a segment edge drag once, at its end, rounded to ms', async () => {
    // 3 kHz audio, 64 samples per waveform pixel: a pixel is 21.33… ms, so dragged times need rounding.
    const odd = toneFixture(3, 3000);
    try {
      await controller.load({ url: odd.wavUrl, waveformUrl: odd.waveformUrl, maxDecodeSeconds: 60 });
      controller.setSegments([{ id: 's1', start: 0.5, end: 1 }]);
      // Page x of a time in the zoomview, from the view's visible range (peaks' public view API).
      const view = controller.instance!.views.getView('zoomview')!;
      const rect = targets.zoomview.getBoundingClientRect();
      const secondsPerPixel = (view.getEndTime() - view.getStartTime()) / rect.width;
      const xOf = (t: number) => Math.round(rect.left + (t - view.getStartTime()) / secondsPerPixel);
      const y = Math.round(rect.top + rect.height / 2);
      // The real pointer drags the end handle (drawn at the edge's whole pixel) in eight moves.
      const from = xOf(1);
      const to = from + 25; // 25 px on: a pixel whose time needs rounding
      await sendMouse({ type: 'move', position: [from, y] });
      await sendMouse({ type: 'down' });
      for (let i = 1; i <= 8; i++)
        await sendMouse({ type: 'move', position: [Math.round(from + ((to - from) * i) / 8), y] });
      expect(
        events.log.filter(([type]) => type === 'change'),
        'nothing until the drag ends',
      ).to.deep.equal([]);
      await sendMouse({ type: 'up' });
      const changes = events.log.filter(([type]) => type === 'change') as Array<[string, string, number, number]>;
      expect(changes).to.have.length(1);
      const [, id, start, end] = changes[0]!;
      expect([id, start]).to.deep.equal(['s1', 0.5]);
      expect(end).to.be.closeTo(1 + 25 * secondsPerPixel, 1.5 * secondsPerPixel);
      const drawn = controller.instance!.segments.getSegment('s1')!.endTime; // where peaks put the edge
      expect(drawn, 'a time between milliseconds').to.not.equal(Math.round(drawn * 1000) / 1000);
      expect(end, 'rounded to ms').to.equal(Math.round(drawn * 1000) / 1000);
    } finally {
      odd.revoke();
    }
  });

  it('seek sets currentTime (clamped), setRate keeps pitch, zoom steps', async () => {
    await controller.load({ url: fixture.wavUrl, waveformUrl: fixture.waveformUrl, maxDecodeSeconds: 60 });
    controller.seek(1.5);
    expect(targets.audio.currentTime).to.be.closeTo(1.5, 0.01);
    controller.seek(99);
    expect(targets.audio.currentTime).to.be.closeTo(fixture.duration, 0.01);
    controller.seek(-1);
    expect(targets.audio.currentTime).to.equal(0);
    controller.setRate(1.5);
    expect(targets.audio.playbackRate).to.equal(1.5);
    expect(targets.audio.preservesPitch).to.equal(true);
    controller.setRate(9);
    expect(targets.audio.playbackRate).to.equal(2);
    const zoom = controller.instance!.zoom;
    expect(zoom.getZoom()).to.equal(0);
    controller.zoomOut();
    expect(zoom.getZoom()).to.equal(1);
    controller.zoomIn();
    expect(zoom.getZoom()).to.equal(0);
  });

  it('plays and reports time updates', async () => {
    await controller.load({ url: fixture.wavUrl, waveformUrl: fixture.waveformUrl, maxDecodeSeconds: 60 });
    const update = new Promise<void>((resolve) => {
      events.onTimeUpdate = (t) => {
        if (t > 0) resolve();
      };
    });
    await controller.play();
    await update;
    controller.pause();
    expect(targets.audio.paused).to.equal(true);
  });

  describe('strict CSP with Trusted Types', () => {
    interface Report {
      result: string;
      violations: string[];
      errors: string[];
    }
    const run = (query: string): Promise<Report> =>
      new Promise((resolve, reject) => {
        const frame = document.createElement('iframe');
        const timer = setTimeout(() => reject(new Error('the CSP page never reported')), 20000);
        window.addEventListener('message', function onMessage(event: MessageEvent) {
          if ((event.data as { type?: string })?.type !== 'tagwerk-peaks-csp-report') return;
          window.removeEventListener('message', onMessage);
          clearTimeout(timer);
          frame.remove();
          resolve(event.data as Report);
        });
        frame.src = `/packages/audio-transcriber/test/csp-peaks.html?strict-csp${query}`;
        document.body.append(frame);
      });

    it("a bare konva Stage violates it (konva clears its container with innerHTML = '')", async () => {
      const report = await run('&raw');
      expect(report.violations.length).to.be.greaterThan(0);
      expect(report.violations[0]).to.contain('require-trusted-types-for');
    });

    it('the controller loads peaks with no violation and no error', async () => {
      const report = await run('');
      expect(report).to.deep.equal({ type: 'tagwerk-peaks-csp-report', result: 'ok', violations: [], errors: [] });
    });
  });
});
