import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
// The directive, not <lit-virtualizer>: that element's unguarded define() would throw with two
// copies of the library on one page (the contract says defining twice never throws).
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import {
  answerIdOfPath,
  assignColors,
  type AttributeDef,
  hotkeyBinding,
  type ImageResult,
  type Keypoint,
  type Label,
  matchRegions,
  type Region,
  type TaskOf,
  type ValidationError,
} from '@tagwerk/core';
import {
  LabelColorsController,
  MediaError,
  TagwerkWidget,
  focusQuestion,
  questionStyles,
  renderQuestion,
  type FeedbackItem,
  type WidgetAction,
} from '@tagwerk/ui';
import { imageLabelerMessages, type ImageLabelerMessageKey } from './i18n/messages.js';
import { FabricCanvasController } from './fabric-canvas-controller.js';
import { styles } from './image-labeler.styles.js';
import { hasZeroArea, newEdgeIntersects } from './stage/geometry.js';
import { countByLabel, duplicate, nextRegionId, nudge, regionBounds, resizeBy, tidy, touched } from './regions.js';
import type { DrawnShape, LabelStyle, Point, Refusal, Tool, Viewport } from './stage-types.js';
import { WIDGET_ID } from './version.js';

/** Longest side of the bitmap the canvas draws; coordinates stay in full-resolution pixels. */
const MAX_RENDER_SIDE = 4096;

const REFUSALS = {
  'too-small': 'imageLabeler.tooSmall',
  'self-intersection': 'imageLabeler.refuse.crossing',
  'too-few-points': 'imageLabeler.refuse.fewPoints',
  'zero-area': 'imageLabeler.refuse.zeroArea',
} as const satisfies Record<Refusal, ImageLabelerMessageKey>;

const TOOL_KEYS: Record<Tool, string> = { select: 'KeyV', bbox: 'KeyB', polygon: 'KeyP', keypoints: 'KeyK' };

type KeyboardDraft =
  | { type: 'bbox'; corner: Point }
  | { type: 'polygon'; points: Array<[number, number]> }
  | { type: 'keypoints'; keypoints: Keypoint[]; next: number };

/**
 * Boxes, polygons and keypoints on an image, plus image-level questions.
 *
 * @summary The image microtask widget: draw, select, move, resize and label regions with the
 * pointer or the keyboard alone; coordinates are natural-image pixels at any zoom.
 *
 * @event tagwerk-ready - Task parsed and image loaded; `detail: { taskId }`.
 * @event tagwerk-change - After each user edit; `detail: { annotation, valid, errors }`.
 * @event tagwerk-submit - `submit()` succeeded; `detail: { annotation }`.
 * @event tagwerk-invalid - `submit()` refused; `detail: { errors }`.
 * @event tagwerk-error - Bad task, image failed to load or decode, storage failure; `detail: { code, message }`.
 *
 * @csspart base - The widget's frame.
 * @csspart header - Title row.
 * @csspart title - The task title.
 * @csspart instructions - The collapsible instructions.
 * @csspart surface - Toolbar, stage and side panel.
 * @csspart toolbar - Tools, labels and zoom.
 * @csspart stage - The image and its regions.
 * @csspart regions - The region list.
 * @csspart footer - Status, undo/redo and submit.
 * @csspart submit-button - The submit button.
 * @csspart error - The error state shown instead of the surface.
 */
export class TagwerkImageLabeler extends TagwerkWidget<'image', ImageLabelerMessageKey> {
  static override messages = imageLabelerMessages;
  static override styles = [...TagwerkWidget.styles, questionStyles, styles];

  static override properties = {
    ...TagwerkWidget.properties,
    tool: { state: true },
    activeLabel: { state: true },
    selected: { state: true },
    viewport: { state: true },
  };

  protected readonly kind = 'image' as const;
  protected readonly widgetId = WIDGET_ID;

  private readonly stage = new FabricCanvasController(this, {
    onDraw: (shape) => this.handleDraw(shape),
    onEdit: (changes) => this.handleEdit(changes),
    onSelect: (ids) => this.select(ids),
    // Deferred: the engine also reports viewport changes made during our own updated().
    onViewport: (viewport) => queueMicrotask(() => (this.viewport = viewport)),
    onRefuse: (reason) => this.announce(this.t(REFUSALS[reason])),
  });
  private readonly stageRef = createRef<HTMLDivElement>();
  /** Label colours for swatches, by the label's index in the task (CSP-safe: no style attributes). */
  private readonly labelColors = new LabelColorsController(this, {
    attribute: 'data-label-index',
    property: '--label-color',
  });

  declare private tool: Tool;
  declare private activeLabel: string | undefined;
  declare private selected: string[];
  declare private viewport: Viewport | undefined;

  private natural = { width: 1, height: 1 };
  private bitmap: ImageBitmap | HTMLImageElement | undefined;
  private hiddenIds = new Set<string>();
  private lockedIds = new Set<string>();
  private cursor: Point | undefined;
  private draft: KeyboardDraft | undefined;
  private attached = false;
  private lastRegions: readonly Region[] | undefined;

  constructor() {
    super();
    this.tool = 'select';
    this.selected = [];
  }

  // ---------------------------------------------------------------------------------------
  // Base hooks

  protected override async prepare(task: TaskOf<'image'>, signal: AbortSignal): Promise<void> {
    this.attached = false;
    this.selected = [];
    this.hiddenIds.clear();
    this.lockedIds.clear();
    this.draft = undefined;
    // Review and read-only start on Select: the first thing to do is look, not draw.
    this.tool =
      this.readonly || this.mode === 'review'
        ? 'select'
        : task.tools.includes('bbox')
          ? 'bbox'
          : (task.tools[0] ?? 'select');
    this.activeLabel = task.labels[0]?.id;
    const image = new Image();
    image.decoding = 'async';
    image.alt = task.image.alt ?? '';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () =>
        reject(
          new MediaError('media-load-failed', this.t('imageLabeler.error.load', { url: task.image.url }), '/image/url'),
        );
    });
    image.src = task.image.url;
    await loaded;
    if (signal.aborted) return;
    const width = image.naturalWidth;
    const height = image.naturalHeight;
    if (!width || !height)
      throw new MediaError('media-decode-failed', this.t('imageLabeler.error.decode'), '/image/url');
    if ((task.image.width && task.image.width !== width) || (task.image.height && task.image.height !== height)) {
      throw new MediaError(
        'media-load-failed',
        this.t('imageLabeler.error.size', {
          expected: `${task.image.width ?? '?'} × ${task.image.height ?? '?'}`,
          actual: `${width} × ${height}`,
        }),
        '/image',
      );
    }
    this.natural = { width, height };
    // Very large images are drawn from a downscaled bitmap; coordinates stay in natural pixels.
    const scale = Math.min(1, MAX_RENDER_SIDE / Math.max(width, height));
    try {
      this.bitmap =
        scale < 1
          ? await createImageBitmap(image, {
              resizeWidth: Math.round(width * scale),
              resizeHeight: Math.round(height * scale),
              resizeQuality: 'high',
            })
          : await createImageBitmap(image);
    } catch {
      throw new MediaError('media-decode-failed', this.t('imageLabeler.error.decode'), '/image/url');
    }
  }

  protected emptyResult(task: TaskOf<'image'>): ImageResult {
    const prefill = (task.prefill ?? []).map((r) => ({ ...r, origin: 'prefill' as const }));
    return { image: { ...this.natural }, regions: prefill, answers: {} };
  }

  protected override get actions(): WidgetAction<ImageLabelerMessageKey>[] {
    const task = this.parsedTask;
    /** A stage action: runs only while the stage has focus (elsewhere the key goes on). */
    const stage = (
      id: string,
      label: ImageLabelerMessageKey,
      keys: string[],
      run: () => boolean,
      allowRepeat = false,
    ): WidgetAction<ImageLabelerMessageKey> => ({
      id,
      label,
      keys,
      allowRepeat,
      run: (event) => this.onStage(event) && run(),
    });
    const view = (change: () => void) => (): boolean => {
      change();
      return true;
    };
    const labels = (task?.labels ?? [])
      .slice(0, 9)
      .map((l, i) =>
        stage(
          `label:${l.id}`,
          'imageLabeler.action.label',
          [l.hotkey ? hotkeyBinding(l.hotkey) : `Digit${i + 1}`],
          () => this.pickLabel(l.id),
        ),
      );
    // A label hotkey chosen by the task wins over a tool's letter; the tool moves to Shift+letter.
    const taken = new Set(labels.flatMap((l) => l.keys));
    const tool = (t: Tool): WidgetAction<ImageLabelerMessageKey> =>
      stage(
        `tool:${t}`,
        `imageLabeler.tool.${t}`,
        [taken.has(TOOL_KEYS[t]) ? `Shift+${TOOL_KEYS[t]}` : TOOL_KEYS[t]],
        () => this.setTool(t),
      );
    const arrows = (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const).flatMap((arrow) =>
      (['move', 'resize'] as const).flatMap((verb) =>
        ([1, 10] as const).map((step) =>
          stage(
            `${verb}:${arrow}:${step}`,
            verb === 'move' ? 'imageLabeler.action.move' : 'imageLabeler.action.resize',
            [`${verb === 'resize' ? 'Alt+' : ''}${step === 10 ? 'Shift+' : ''}${arrow}`],
            () => this.arrow(verb, arrow, step),
            true,
          ),
        ),
      ),
    );
    // Question keys answer the image-level questions, but not while the stage has focus.
    const answering = this.questionKeys()
      .filter((a) => a.id === 'next-question' || a.id === 'previous-question' || a.id.startsWith('pick-'))
      .map((a) => ({ ...a, run: (event: KeyboardEvent) => !this.onStage(event) && a.run(event) !== false }));
    return [
      tool('select'),
      ...(task?.tools ?? []).map(tool),
      ...labels,
      stage('next-region', 'imageLabeler.action.nextRegion', ['Tab'], () => this.cycle(1)),
      stage('previous-region', 'imageLabeler.action.previousRegion', ['Shift+Tab'], () => this.cycle(-1)),
      ...arrows,
      stage('place', 'imageLabeler.action.place', ['Enter'], () => this.place(false)),
      stage('place-occluded', 'imageLabeler.action.placeOccluded', ['Shift+Enter'], () => this.place(true)),
      stage('skip-keypoint', 'imageLabeler.action.skipKeypoint', ['KeyS'], () => this.skipKeypoint()),
      stage('remove-point', 'imageLabeler.action.removePoint', ['Backspace'], () => this.removePointOrRegion()),
      stage('delete', 'imageLabeler.action.delete', ['Delete'], () => this.deleteSelected()),
      stage('cancel', 'imageLabeler.action.cancel', ['Escape'], () => this.cancel()),
      stage('duplicate', 'imageLabeler.action.duplicate', ['KeyD'], () => this.duplicateSelected()),
      stage('hide', 'imageLabeler.action.hide', ['KeyH'], () => this.toggleFlag('hide')),
      stage('lock', 'imageLabeler.action.lock', ['KeyL'], () => this.toggleFlag('lock')),
      stage(
        'zoom-in',
        'imageLabeler.action.zoomIn',
        ['Equal', 'NumpadAdd'],
        view(() => this.stage.zoomBy(1.25)),
      ),
      stage(
        'zoom-out',
        'imageLabeler.action.zoomOut',
        ['Minus', 'NumpadSubtract'],
        view(() => this.stage.zoomBy(0.8)),
      ),
      stage(
        'zoom-fit',
        'imageLabeler.action.fit',
        ['KeyF'],
        view(() => this.stage.fit()),
      ),
      stage(
        'zoom-100',
        'imageLabeler.action.actual',
        ['Shift+KeyF'],
        view(() => this.stage.actualSize()),
      ),
      ...answering,
    ];
  }

  /** The key press comes from the stage (where the drawing keys apply). */
  private onStage(event: KeyboardEvent): boolean {
    return this.stageRef.value !== undefined && event.composedPath().includes(this.stageRef.value) && !!this.result;
  }

  protected override focusError(error: ValidationError): void {
    const answer = answerIdOfPath(error.path);
    if (answer) {
      const element = this.shadowRoot?.querySelector(`[data-question="${CSS.escape(answer)}"]`) ?? null;
      if (focusQuestion(element)) return;
    }
    const index = /^\/result\/regions\/(\d+)/.exec(error.path)?.[1];
    const region = index !== undefined ? this.result?.regions[Number(index)] : undefined;
    if (region) {
      this.select([region.id]);
      this.stage.centerOn(center(region));
      this.stageRef.value?.focus();
      return;
    }
    super.focusError(error);
  }

  protected override compare(reference: ImageResult, result: ImageResult): FeedbackItem[] {
    // One-to-one matching: each worker region counts for one reference region at most, so a
    // missed box and an extra box never cancel out. Any overlap pairs regions, so the worker
    // hears how close a poor box came; agreeing takes an IoU of 50%.
    const { pairs, extra } = matchRegions(reference.regions, result.regions, { iou: 0 });
    const bestFor = new Map(pairs.map((p) => [p.referenceIndex, p.score]));
    const items: FeedbackItem[] = reference.regions.map((gold, i) => {
      const best = bestFor.get(i) ?? 0;
      return {
        label: this.t('imageLabeler.training.region', { index: i + 1, label: this.labelName(gold.label) }),
        agree: best >= 0.5,
        detail: this.t('imageLabeler.training.iou', { iou: Math.round(best * 100) }),
      };
    });
    if (extra.length > 0)
      items.push({ label: this.t('imageLabeler.training.extra', { count: extra.length }), agree: false });
    return [...items, ...super.compare(reference, result)];
  }

  // ---------------------------------------------------------------------------------------
  // Lifecycle

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const task = this.parsedTask;
    const container = this.stageRef.value;
    const result = this.result;
    if (!task || !container || !result || !this.bitmap) {
      this.attached = false;
      return;
    }
    if (!this.attached) {
      this.adoptLabelColours(task);
      this.stage.attach(container);
      this.stage.setOptions({
        minBox: { width: task.constraints?.minBoxWidth ?? 1, height: task.constraints?.minBoxHeight ?? 1 },
        keypoints: task.keypoints
          ? { names: task.keypoints.names, edges: task.keypoints.edges as Array<[number, number]> | undefined }
          : undefined,
      });
      void this.stage.setImage(this.bitmap, this.natural);
      this.attached = true;
      this.lastRegions = undefined;
    }
    if (result.regions !== this.lastRegions || (changed as Map<PropertyKey, unknown>).has('selected')) {
      this.stage.setRegions(result.regions, this.styles(task), { hidden: this.hiddenIds, locked: this.lockedIds });
      this.lastRegions = result.regions;
    }
    this.stage.setSelection(this.selected);
    this.stage.setTool(this.effectiveTool, { label: this.activeLabel });
    this.stage.setReadonly(!this.editable);
  }

  // ---------------------------------------------------------------------------------------
  // Edits

  /** Label colours come from the task (or the palette), and the stage's shape from the image. */
  private adoptLabelColours(task: TaskOf<'image'>): void {
    const styles = this.styles(task);
    this.labelColors.set(task.labels.map((l) => [l.id, styles.get(l.id)?.color]));
    // The stage takes the image's shape (up to 70% of the viewport's height): no empty bands.
    // Through the CSSOM: a strict CSP refuses style attributes, not style properties.
    this.stageRef.value?.style.setProperty('aspect-ratio', `${this.natural.width} / ${this.natural.height}`);
  }

  /** Drawing tools are off while the widget cannot be edited. */
  private get effectiveTool(): Tool {
    return this.editable ? this.tool : 'select';
  }

  private styles(task: TaskOf<'image'>): Map<string, LabelStyle> {
    const colors = assignColors(task.labels);
    return new Map(task.labels.map((l) => [l.id, { name: l.name, color: colors.get(l.id)! }]));
  }

  private labelName(id: string): string {
    return this.parsedTask?.labels.find((l) => l.id === id)?.name ?? id;
  }

  private describe(region: Region): string {
    const index = (this.result?.regions.indexOf(region) ?? 0) + 1;
    const b = regionBounds(region);
    const label = this.labelName(region.label);
    const at = { x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width), h: Math.round(b.height) };
    if (region.type === 'bbox') return this.t('imageLabeler.describe.bbox', { index, label, ...at });
    if (region.type === 'polygon')
      return this.t('imageLabeler.describe.polygon', { index, label, points: region.points.length, ...at });
    return this.t('imageLabeler.describe.keypoints', {
      index,
      label,
      placed: region.keypoints.length,
      total: this.parsedTask?.keypoints?.names.length ?? 0,
      ...at,
    });
  }

  private announce(message: string): void {
    this.announcer.announce(message);
  }

  private setRegions(regions: Region[], announce?: Region): void {
    const result = this.result!;
    if (this.commit({ ...result, regions }) && announce) this.announce(this.describe(announce));
  }

  private handleDraw(shape: DrawnShape): void {
    const result = this.result;
    const label = this.activeLabel;
    if (!result || !label) {
      this.announce(this.t('imageLabeler.pickLabelFirst'));
      return;
    }
    const id = nextRegionId(result.regions);
    let region: Region;
    if (shape.type === 'bbox') {
      const b = shape.bbox;
      region = {
        id,
        type: 'bbox',
        label,
        bbox: { x: tidy(b.x), y: tidy(b.y), width: tidy(b.width), height: tidy(b.height) },
        origin: 'worker',
      };
    } else if (shape.type === 'polygon') {
      region = {
        id,
        type: 'polygon',
        label,
        points: shape.points.map(([x, y]) => [tidy(x), tidy(y)] as [number, number]),
        origin: 'worker',
      };
    } else {
      region = {
        id,
        type: 'keypoints',
        label,
        keypoints: shape.keypoints.map((k) => ({ ...k, x: tidy(k.x), y: tidy(k.y) })),
        origin: 'worker',
      };
    }
    this.setRegions([...result.regions, region], region);
    this.selected = [id];
  }

  private handleEdit(changes: Array<{ id: string; region: Region }>): void {
    const result = this.result;
    if (!result) return;
    const byId = new Map(changes.map((c) => [c.id, c.region]));
    const regions = result.regions.map((r) =>
      byId.has(r.id) && !this.lockedIds.has(r.id) ? touched(tidyRegion(byId.get(r.id)!)) : r,
    );
    const last = regions.find((r) => r.id === changes[changes.length - 1]?.id);
    this.setRegions(regions, last);
  }

  private select(ids: string[]): void {
    this.selected = ids;
    const region = ids.length === 1 ? this.result?.regions.find((r) => r.id === ids[0]) : undefined;
    if (region) {
      this.announce(this.describe(region));
      this.activeLabel = region.label;
    } else if (ids.length > 1) {
      this.announce(this.t('imageLabeler.selectedMany', { count: ids.length }));
    }
  }

  private setTool(tool: Tool): boolean {
    if (tool !== 'select' && !this.parsedTask?.tools.includes(tool)) return false;
    this.tool = tool;
    this.draft = undefined;
    this.stage.setDraft(null);
    if (tool !== 'select') {
      this.cursor ??= { x: this.natural.width / 2, y: this.natural.height / 2 };
      this.stage.setCursor(this.cursor);
    } else {
      this.stage.setCursor(null);
    }
    this.announce(this.t('imageLabeler.toolChosen', { tool: this.t(`imageLabeler.tool.${tool}`) }));
    return true;
  }

  private pickLabel(id: string): boolean {
    const result = this.result!;
    this.activeLabel = id;
    const targets = new Set(this.selected);
    if (targets.size && this.editable) {
      const regions = result.regions.map((r) =>
        targets.has(r.id) && !this.lockedIds.has(r.id) ? touched({ ...r, label: id }) : r,
      );
      const changed = regions.find((r, i) => r !== result.regions[i]);
      if (changed) this.setRegions(regions, changed);
      return true;
    }
    this.announce(this.t('imageLabeler.labelChosen', { label: this.labelName(id) }));
    return true;
  }

  private cycle(direction: 1 | -1): boolean {
    const regions = (this.result?.regions ?? []).filter((r) => !this.hiddenIds.has(r.id));
    if (!regions.length) return false;
    const current = regions.findIndex((r) => r.id === this.selected[0]);
    const next = current + direction;
    // Past either end, Tab leaves the stage as usual.
    if (current >= 0 && (next < 0 || next >= regions.length)) {
      this.select([]);
      return false;
    }
    const region = regions[current < 0 ? (direction === 1 ? 0 : regions.length - 1) : next]!;
    this.select([region.id]);
    this.stage.centerOn(center(region));
    return true;
  }

  private arrow(verb: string, arrow: string, step: number): boolean {
    const dx = arrow === 'ArrowLeft' ? -step : arrow === 'ArrowRight' ? step : 0;
    const dy = arrow === 'ArrowUp' ? -step : arrow === 'ArrowDown' ? step : 0;
    const result = this.result!;
    if (this.tool !== 'select' && verb === 'move') {
      // Drawing by keyboard: the arrows move the crosshair, in image pixels.
      const p = this.cursor ?? { x: this.natural.width / 2, y: this.natural.height / 2 };
      this.cursor = {
        x: Math.min(this.natural.width, Math.max(0, p.x + dx)),
        y: Math.min(this.natural.height, Math.max(0, p.y + dy)),
      };
      this.stage.setCursor(this.cursor);
      this.previewDraft();
      return true;
    }
    const targets = new Set(this.selected.filter((id) => !this.lockedIds.has(id)));
    if (!targets.size) {
      if (verb !== 'move') return false;
      this.stage.panBy(-dx * 10, -dy * 10);
      return true;
    }
    if (!this.editable) return true;
    const regions = result.regions.map((r) =>
      targets.has(r.id) ? (verb === 'move' ? nudge(r, dx, dy, this.natural) : resizeBy(r, dx, dy, this.natural)) : r,
    );
    const changed = regions.find((r, i) => r !== result.regions[i]);
    if (changed) this.setRegions(regions, changed);
    return true;
  }

  private place(occluded: boolean): boolean {
    if (this.tool === 'select' || !this.cursor || !this.editable) return false;
    const p = { x: tidy(this.cursor.x), y: tidy(this.cursor.y) };
    const draft = this.draft;
    if (this.tool === 'bbox') {
      if (!draft || draft.type !== 'bbox') {
        this.draft = { type: 'bbox', corner: p };
        this.announce(this.t('imageLabeler.firstCorner', { x: Math.round(p.x), y: Math.round(p.y) }));
      } else {
        const bbox = {
          x: Math.min(draft.corner.x, p.x),
          y: Math.min(draft.corner.y, p.y),
          width: Math.abs(p.x - draft.corner.x),
          height: Math.abs(p.y - draft.corner.y),
        };
        const min = this.parsedTask?.constraints;
        if (bbox.width < (min?.minBoxWidth ?? 1) || bbox.height < (min?.minBoxHeight ?? 1)) {
          this.announce(this.t('imageLabeler.tooSmall'));
          return true;
        }
        this.draft = undefined;
        this.stage.setDraft(null);
        this.handleDraw({ type: 'bbox', bbox });
        return true;
      }
    } else if (this.tool === 'polygon') {
      const points = draft?.type === 'polygon' ? draft.points : [];
      const first = points[0];
      // Enter on the first point (or Shift+Enter) closes the polygon.
      if ((occluded || (first && first[0] === p.x && first[1] === p.y)) && points.length >= 3) {
        if (newEdgeIntersects(points, points[0]!, true) || hasZeroArea(points)) {
          this.announce(this.t(hasZeroArea(points) ? REFUSALS['zero-area'] : REFUSALS['self-intersection']));
          return true;
        }
        this.draft = undefined;
        this.stage.setDraft(null);
        this.handleDraw({ type: 'polygon', points });
        return true;
      }
      if (newEdgeIntersects(points, [p.x, p.y])) {
        this.announce(this.t(REFUSALS['self-intersection']));
        return true;
      }
      this.draft = { type: 'polygon', points: [...points, [p.x, p.y]] };
      this.announce(this.t('imageLabeler.pointAdded', { count: this.draft.points.length }));
    } else {
      const names = this.parsedTask?.keypoints?.names ?? [];
      const kp = draft?.type === 'keypoints' ? draft : { type: 'keypoints' as const, keypoints: [], next: 0 };
      const name = names[kp.next];
      if (name === undefined) return true;
      this.draft = {
        type: 'keypoints',
        keypoints: [...kp.keypoints, { name, x: p.x, y: p.y, visible: !occluded }],
        next: kp.next + 1,
      };
      this.advanceKeypoints();
    }
    this.previewDraft();
    return true;
  }

  private skipKeypoint(): boolean {
    if (this.tool !== 'keypoints' || !this.editable) return false;
    const kp = this.draft?.type === 'keypoints' ? this.draft : { type: 'keypoints' as const, keypoints: [], next: 0 };
    this.draft = { ...kp, next: kp.next + 1 };
    this.advanceKeypoints();
    this.previewDraft();
    return true;
  }

  private advanceKeypoints(): void {
    const draft = this.draft;
    const names = this.parsedTask?.keypoints?.names ?? [];
    if (draft?.type !== 'keypoints') return;
    if (draft.next >= names.length) {
      this.draft = undefined;
      this.stage.setDraft(null);
      if (draft.keypoints.length) this.handleDraw({ type: 'keypoints', keypoints: draft.keypoints });
      return;
    }
    this.announce(this.t('imageLabeler.nextKeypoint', { name: names[draft.next]! }));
  }

  private previewDraft(): void {
    const draft = this.draft;
    const cursor = this.cursor;
    if (!draft || !cursor) return this.stage.setDraft(null);
    if (draft.type === 'bbox') {
      const c = draft.corner;
      this.stage.setDraft({
        type: 'bbox',
        bbox: {
          x: Math.min(c.x, cursor.x),
          y: Math.min(c.y, cursor.y),
          width: Math.abs(cursor.x - c.x),
          height: Math.abs(cursor.y - c.y),
        },
      });
    } else if (draft.type === 'polygon') {
      this.stage.setDraft({ type: 'polygon', points: [...draft.points, [cursor.x, cursor.y]] });
    } else {
      this.stage.setDraft({ type: 'keypoints', keypoints: draft.keypoints });
    }
  }

  private removePointOrRegion(): boolean {
    if (this.draft?.type === 'polygon') {
      const points = this.draft.points.slice(0, -1);
      this.draft = points.length ? { type: 'polygon', points } : undefined;
      this.previewDraft();
      this.announce(this.t('imageLabeler.pointRemoved', { count: points.length }));
      return true;
    }
    if (this.tool === 'polygon' && this.stage.undoDraftPoint()) return true;
    return this.deleteSelected();
  }

  private deleteSelected(): boolean {
    const result = this.result!;
    const targets = new Set(this.selected.filter((id) => !this.lockedIds.has(id)));
    if (!targets.size || !this.editable) return false;
    const regions = result.regions.filter((r) => !targets.has(r.id));
    if (this.commit({ ...result, regions })) this.announce(this.t('imageLabeler.deleted', { count: targets.size }));
    this.selected = [];
    return true;
  }

  private cancel(): boolean {
    if (this.draft) {
      this.draft = undefined;
      this.stage.setDraft(null);
      this.announce(this.t('imageLabeler.cancelled'));
      return true;
    }
    if (this.selected.length) {
      this.select([]);
      return true;
    }
    return false;
  }

  private duplicateSelected(): boolean {
    const result = this.result!;
    if (!this.selected.length || !this.editable) return false;
    const regions = [...result.regions];
    const ids: string[] = [];
    for (const id of this.selected) {
      const source = result.regions.find((r) => r.id === id);
      if (!source) continue;
      const copy = duplicate(source, nextRegionId(regions), 10, this.natural);
      regions.push(copy);
      ids.push(copy.id);
    }
    this.setRegions(regions, regions[regions.length - 1]);
    this.selected = ids;
    return true;
  }

  private toggleFlag(flag: 'hide' | 'lock'): boolean {
    const set = flag === 'hide' ? this.hiddenIds : this.lockedIds;
    const ids = this.selected.length ? this.selected : [];
    if (!ids.length) return false;
    const on = !ids.every((id) => set.has(id));
    for (const id of ids) {
      if (on) set.add(id);
      else set.delete(id);
    }
    this.lastRegions = undefined; // redraw the scene with the new flags
    this.announce(
      this.t(
        flag === 'hide'
          ? on
            ? 'imageLabeler.hidden'
            : 'imageLabeler.shown'
          : on
            ? 'imageLabeler.locked'
            : 'imageLabeler.unlocked',
        { count: ids.length },
      ),
    );
    this.requestUpdate();
    return true;
  }

  private setAttribute_(region: Region, attribute: AttributeDef, value: boolean | string | undefined): void {
    const result = this.result!;
    const attributes = { ...region.attributes };
    if (value === undefined || value === '' || value === false) delete attributes[attribute.id];
    else attributes[attribute.id] = value;
    const { attributes: _previous, ...rest } = region;
    const next = touched(Object.keys(attributes).length ? { ...rest, attributes } : rest) as Region;
    this.setRegions(
      result.regions.map((r) => (r.id === region.id ? next : r)),
      next,
    );
  }

  /** The engine's own keys first (Space pans, Enter/Backspace/Escape act on a pointer draft). */
  private handleStageKeydown = (event: KeyboardEvent): void => {
    if (this.stage.handleKeyDown(event)) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  private handleStageKeyup = (event: KeyboardEvent): void => {
    if (this.stage.handleKeyUp(event)) event.preventDefault();
  };

  // ---------------------------------------------------------------------------------------
  // Rendering

  protected renderSurface(task: TaskOf<'image'>, result: ImageResult): TemplateResult {
    const selected = this.selected.length === 1 ? result.regions.find((r) => r.id === this.selected[0]) : undefined;
    return html`
      <div class="labeler">
        ${this.renderToolbar(task)}
        <div class="workspace">
          <div
            class="stage"
            part="stage"
            tabindex="0"
            role="application"
            aria-roledescription=${this.t('imageLabeler.stage.role')}
            aria-label=${task.image.alt ? this.t('imageLabeler.stage.labelAlt', { alt: task.image.alt }) : this.t('imageLabeler.stage.label')}
            aria-describedby="stage-help"
            @keydown=${this.handleStageKeydown}
            @keyup=${this.handleStageKeyup}
            @blur=${() => this.stage.handleBlur()}
            ${ref(this.stageRef)}
          ></div>
          <p id="stage-help" class="visually-hidden">${this.t('imageLabeler.stage.help')}</p>
          <aside class="side">
            ${task.tools.length || result.regions.length ? this.renderRegionList(task, result) : nothing}
            ${selected ? this.renderRegionDetails(task, selected) : nothing}
            ${
              task.questions?.length
                ? html`<section class="questions" aria-label=${this.t('imageLabeler.questions')}>
                    ${task.questions.map((q) => renderQuestion(q, this.questionHost()))}
                  </section>`
                : nothing
            }
          </aside>
        </div>
      </div>
    `;
  }

  private renderToolbar(task: TaskOf<'image'>): TemplateResult {
    const zoom = this.viewport ? Math.round(this.viewport.zoom * 100) : 100;
    const tools: Tool[] = ['select', ...task.tools];
    return html`
      <div class="toolbar" part="toolbar" role="toolbar" aria-label=${this.t('imageLabeler.toolbar')}>
        <div class="group" role="radiogroup" aria-label=${this.t('imageLabeler.tools')}>
          ${tools.map(
            (tool) =>
              html`<button
                type="button"
                role="radio"
                aria-checked=${this.effectiveTool === tool ? 'true' : 'false'}
                class="tool ${this.effectiveTool === tool ? 'active' : ''}"
                ?disabled=${!this.editable && tool !== 'select'}
                @click=${() => this.setTool(tool)}
              >
                ${this.t(`imageLabeler.tool.${tool}`)} <kbd aria-hidden="true">${this.toolHint(tool)}</kbd>
              </button>`,
          )}
        </div>
        ${
          task.labels.length
            ? html`<div class="group labels" role="radiogroup" aria-label=${this.t('imageLabeler.labels')}>
                ${task.labels.map((l, i) => this.renderLabelButton(l, i))}
              </div>`
            : nothing
        }
        <div class="group zoom" role="group" aria-label=${this.t('imageLabeler.zoom')}>
          <button
            type="button"
            class="icon-button"
            @click=${() => this.stage.zoomBy(0.8)}
            aria-label=${this.t('imageLabeler.action.zoomOut')}
          >
            &#x2212;
          </button>
          <output class="zoom-level" aria-live="off">${zoom}%</output>
          <button
            type="button"
            class="icon-button"
            @click=${() => this.stage.zoomBy(1.25)}
            aria-label=${this.t('imageLabeler.action.zoomIn')}
          >
            +
          </button>
          <button type="button" @click=${() => this.stage.fit()}>${this.t('imageLabeler.fit')}</button>
          <button type="button" @click=${() => this.stage.actualSize()}>100%</button>
        </div>
      </div>
    `;
  }

  /** The key shown on a tool button ("B", or "Shift+B" when a label took the letter). */
  private toolHint(tool: Tool): string {
    const action = this.actions.find((a) => a.id === `tool:${tool}`);
    return (action?.keys[0] ?? TOOL_KEYS[tool]).replace('Key', '');
  }

  private renderLabelButton(label: Label, index: number): TemplateResult {
    const color = this.parsedTask && this.styles(this.parsedTask).get(label.id)?.color;
    const key = label.hotkey ?? (index < 9 ? String(index + 1) : '');
    return html`<button
      type="button"
      role="radio"
      aria-checked=${this.activeLabel === label.id ? 'true' : 'false'}
      class="label ${this.activeLabel === label.id ? 'active' : ''}"
      ?disabled=${this.disabled}
      data-color=${color ?? nothing}
      @click=${() => this.pickLabel(label.id)}
    >
      <span class="swatch" data-label-index=${index} aria-hidden="true"></span>${label.name}
      ${key ? html`<kbd aria-hidden="true">${key.replace(/^(Key|Digit)/, '').toUpperCase()}</kbd>` : nothing}
    </button>`;
  }

  private renderRegionList(task: TaskOf<'image'>, result: ImageResult): TemplateResult {
    const counts = countByLabel(result.regions);
    return html`
      <section class="regions" part="regions" aria-labelledby="regions-title">
        <h3 id="regions-title">${this.t('imageLabeler.regions', { count: result.regions.length })}</h3>
        <p class="counts">
          ${task.labels
            .filter((l) => counts.has(l.id))
            .map(
              (l) =>
                html`<span class="count"
                  ><span class="swatch" data-label-index=${task.labels.indexOf(l)} aria-hidden="true"></span>${l.name}
                  ${counts.get(l.id)}</span
                >`,
            )}
        </p>
        ${
          result.regions.length
            ? html`<div class="region-list" role="listbox" aria-labelledby="regions-title">
                ${virtualize({
                  items: result.regions,
                  renderItem: (region: Region, index: number) => this.renderRegionRow(task, region, index),
                  scroller: true,
                })}
              </div>`
            : html`<p class="status">${this.t('imageLabeler.noRegions')}</p>`
        }
      </section>
    `;
  }

  private renderRegionRow(task: TaskOf<'image'>, region: Region, index: number): TemplateResult {
    const selected = this.selected.includes(region.id);
    const b = regionBounds(region);
    return html`<div
      class="region-row ${selected ? 'selected' : ''} ${this.hiddenIds.has(region.id) ? 'is-hidden' : ''}"
      role="option"
      aria-selected=${selected ? 'true' : 'false'}
      tabindex="-1"
      @click=${(e: MouseEvent) => {
        this.select(e.shiftKey ? [...new Set([...this.selected, region.id])] : [region.id]);
        this.stage.centerOn(center(region));
      }}
    >
      <span
        class="swatch"
        data-label-index=${task.labels.findIndex((l) => l.id === region.label)}
        aria-hidden="true"
      ></span>
      <span class="row-main">${index + 1}. ${this.labelName(region.label)}</span>
      <span class="row-meta"
        >${this.t(`imageLabeler.type.${region.type}`)} ${Math.round(b.width)}&#xD7;${Math.round(b.height)}</span
      >
      ${region.origin === 'prefill' ? html`<span class="badge">${this.t(region.modified ? 'imageLabeler.prefillModified' : 'imageLabeler.prefill')}</span>` : nothing}
      ${this.lockedIds.has(region.id) ? html`<span class="badge">${this.t('imageLabeler.lockedBadge')}</span>` : nothing}
    </div>`;
  }

  private renderRegionDetails(task: TaskOf<'image'>, region: Region): TemplateResult {
    const attributes = (task.attributes ?? []).filter((a) => !a.labels || a.labels.includes(region.label));
    return html`
      <section class="details" aria-label=${this.t('imageLabeler.details')}>
        <p class="describe">${this.describe(region)}</p>
        <label class="field">
          ${this.t('imageLabeler.labelField')}
          <select
            ?disabled=${!this.editable || this.lockedIds.has(region.id)}
            @change=${(e: Event) => this.pickLabel((e.target as HTMLSelectElement).value)}
          >
            ${task.labels.map((l) => html`<option value=${l.id} ?selected=${l.id === region.label}>${l.name}</option>`)}
          </select>
        </label>
        ${attributes.map((a) => this.renderAttribute(region, a))}
        <div class="row-actions">
          <button type="button" ?disabled=${!this.editable} @click=${() => this.duplicateSelected()}>
            ${this.t('imageLabeler.action.duplicate')}
          </button>
          <button type="button" @click=${() => this.toggleFlag('hide')}>
            ${this.t(this.hiddenIds.has(region.id) ? 'imageLabeler.show' : 'imageLabeler.action.hide')}
          </button>
          <button type="button" @click=${() => this.toggleFlag('lock')}>
            ${this.t(this.lockedIds.has(region.id) ? 'imageLabeler.unlock' : 'imageLabeler.action.lock')}
          </button>
          <button
            type="button"
            class="danger"
            ?disabled=${!this.editable || this.lockedIds.has(region.id)}
            @click=${() => this.deleteSelected()}
          >
            ${this.t('imageLabeler.action.delete')}
          </button>
        </div>
      </section>
    `;
  }

  private renderAttribute(region: Region, attribute: AttributeDef): TemplateResult {
    const value = region.attributes?.[attribute.id];
    const disabled = !this.editable || this.lockedIds.has(region.id);
    if (attribute.type === 'boolean') {
      return html`<label class="field check">
        <input
          type="checkbox"
          .checked=${value === true}
          ?disabled=${disabled}
          @change=${(e: Event) => this.setAttribute_(region, attribute, (e.target as HTMLInputElement).checked)}
        />
        ${attribute.label}
      </label>`;
    }
    if (attribute.type === 'choice') {
      return html`<label class="field">
        ${attribute.label}
        <select
          ?disabled=${disabled}
          @change=${(e: Event) => this.setAttribute_(region, attribute, (e.target as HTMLSelectElement).value || undefined)}
        >
          <option value="" ?selected=${value === undefined}>&#x2014;</option>
          ${(attribute.options ?? []).map((o) => html`<option value=${o.id} ?selected=${value === o.id}>${o.label}</option>`)}
        </select>
      </label>`;
    }
    return html`<label class="field">
      ${attribute.label}
      <input
        type="text"
        .value=${typeof value === 'string' ? value : ''}
        ?readonly=${disabled}
        @change=${(e: Event) => this.setAttribute_(region, attribute, (e.target as HTMLInputElement).value)}
      />
    </label>`;
  }
}

function center(region: Region): Point {
  const b = regionBounds(region);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

function tidyRegion(region: Region): Region {
  if (region.type === 'bbox')
    return {
      ...region,
      bbox: {
        x: tidy(region.bbox.x),
        y: tidy(region.bbox.y),
        width: tidy(region.bbox.width),
        height: tidy(region.bbox.height),
      },
    };
  if (region.type === 'polygon')
    return { ...region, points: region.points.map(([x, y]) => [tidy(x), tidy(y)] as [number, number]) };
  return { ...region, keypoints: region.keypoints.map((k) => ({ ...k, x: tidy(k.x), y: tidy(k.y) })) };
}
