import { expect } from 'chai';
import {
  TAGWERK_EVENTS,
  TagwerkChangeEvent,
  TagwerkErrorEvent,
  TagwerkInvalidEvent,
  TagwerkReadyEvent,
  TagwerkSubmitEvent,
  type TagwerkErrorCode,
} from './events.js';
import type { Annotation, ValidationError } from './model/types.js';

const annotation: Annotation = {
  schemaVersion: 1,
  kind: 'text',
  taskId: 't-1',
  result: { answers: { helpfulness: 4 } },
  meta: {
    startedAt: '2026-11-26T10:00:00.000Z',
    submittedAt: null,
    activeMs: 1000,
    idleMs: 0,
    edits: 1,
    undos: 0,
    locale: 'en',
    widget: '@tagwerk/text-rater@0.1.0',
  },
};
const errors: ValidationError[] = [{ path: '/result/answers/why', code: 'required', message: 'Required' }];

const cases = [
  { Class: TagwerkReadyEvent, type: 'tagwerk-ready', make: () => new TagwerkReadyEvent({ taskId: 't-1' }) },
  {
    Class: TagwerkChangeEvent,
    type: 'tagwerk-change',
    make: () => new TagwerkChangeEvent({ annotation, valid: false, errors }),
  },
  { Class: TagwerkSubmitEvent, type: 'tagwerk-submit', make: () => new TagwerkSubmitEvent({ annotation }) },
  { Class: TagwerkInvalidEvent, type: 'tagwerk-invalid', make: () => new TagwerkInvalidEvent({ errors }) },
  {
    Class: TagwerkErrorEvent,
    type: 'tagwerk-error',
    make: () => new TagwerkErrorEvent({ code: 'media-load-failed', message: 'The image could not be loaded.' }),
  },
] as const;

describe('events', () => {
  for (const { Class, type, make } of cases) {
    describe(Class.name, () => {
      it(`has the fixed type '${type}' as its static eventName`, () => {
        expect(Class.eventName).to.equal(type);
        expect(make().type).to.equal(type);
      });

      it('is a bubbling, composed, non-cancelable CustomEvent', () => {
        const event = make();
        expect(event).to.be.instanceOf(CustomEvent);
        expect(event).to.be.instanceOf(Event);
        expect(event.bubbles).to.equal(true);
        expect(event.composed).to.equal(true);
        expect(event.cancelable).to.equal(false);
      });

      it('is delivered with its detail through an EventTarget', () => {
        const target = new EventTarget();
        const received: Event[] = [];
        target.addEventListener(type, (e) => received.push(e));
        const event = make();
        target.dispatchEvent(event);
        expect(received).to.deep.equal([event]);
        expect((received[0] as CustomEvent).detail).to.equal(event.detail);
      });
    });
  }

  it('carries the fixed detail fields', () => {
    expect(new TagwerkReadyEvent({ taskId: 'x' }).detail).to.deep.equal({ taskId: 'x' });
    expect(new TagwerkChangeEvent({ annotation, valid: false, errors }).detail).to.deep.equal({
      annotation,
      valid: false,
      errors,
    });
    expect(new TagwerkSubmitEvent({ annotation }).detail).to.deep.equal({ annotation });
    expect(new TagwerkInvalidEvent({ errors }).detail).to.deep.equal({ errors });
    expect(new TagwerkErrorEvent({ code: 'internal', message: 'm' }).detail).to.deep.equal({
      code: 'internal',
      message: 'm',
    });
  });

  it('accepts error codes beyond the known ones', () => {
    const code: TagwerkErrorCode = 'some-future-code';
    expect(new TagwerkErrorEvent({ code, message: '' }).detail.code).to.equal('some-future-code');
  });

  it('lists every event name once', () => {
    expect([...TAGWERK_EVENTS]).to.deep.equal(cases.map((c) => c.type));
  });

  // Compile-time check (tsc over the tests): the global HTMLElementEventMap knows our events.
  function typedListeners(el: HTMLElement, seen: unknown[]): void {
    el.addEventListener('tagwerk-ready', (e) => seen.push(e.detail.taskId satisfies string));
    el.addEventListener('tagwerk-change', (e) => {
      const a: Annotation = e.detail.annotation;
      const valid: boolean = e.detail.valid;
      const errs: ValidationError[] = e.detail.errors;
      seen.push(a, valid, errs);
      // @ts-expect-error: not a field of the change detail
      seen.push(e.detail.code);
    });
    el.addEventListener('tagwerk-submit', (e) => seen.push(e.detail.annotation satisfies Annotation));
    el.addEventListener('tagwerk-invalid', (e) => seen.push(e.detail.errors satisfies ValidationError[]));
    el.addEventListener('tagwerk-error', (e) => seen.push(e.detail.code satisfies TagwerkErrorCode, e.detail.message));
  }

  describe('in a document', function () {
    before(function () {
      if (typeof document === 'undefined') this.skip();
    });

    it('crosses shadow roots and reaches typed listeners on ancestors', () => {
      const outer = document.createElement('div');
      const host = document.createElement('div');
      outer.append(host);
      const inner = document.createElement('span');
      host.attachShadow({ mode: 'open' }).append(inner);
      document.body.append(outer);
      try {
        const seen: unknown[] = [];
        typedListeners(outer, seen);
        inner.dispatchEvent(new TagwerkChangeEvent({ annotation, valid: false, errors }));
        inner.dispatchEvent(new TagwerkReadyEvent({ taskId: 't-9' }));
        expect(seen).to.deep.equal([annotation, false, errors, undefined, 't-9']);
      } finally {
        outer.remove();
      }
    });
  });
});
