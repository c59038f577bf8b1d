/**
 * The test harness of `<tagwerk-text-rater>`: the worker's actions — answer a question, rate,
 * prefer one of two responses, grade results, rank, mark a span, submit — performed with the
 * runner's real mouse (a click on the option, as drawn) or keyboard (the keys the widget
 * documents: digits, A/B/T, Space and arrows in the ranking, Shift+arrows and a label's key in the
 * text). Questions and options are named as the host's task names them (ids); which element is
 * which on screen stays in here.
 */
import type { ChoiceQuestion, PairwiseAnswer, PairwiseChoice, Question, TextTask } from '@tagwerk/core';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { press } from '../../ui/test/keys.js';
import { WidgetHarness, text } from '../../ui/test/widget-fixture.js';
import type { TagwerkTextRater } from '../src/index.js';

/** How an answer is given: a click on what is drawn, or the widget's keys. */
export type By = 'mouse' | 'keyboard';

/** A pairwise verdict as the worker sees it: the response shown first or second is better, or a tie… */
export type Preference = 'first' | 'second' | 'tie' | 'both-good' | 'both-bad';

const PREFERENCE_KEYS: Record<Preference, string> = {
  first: 'KeyA',
  second: 'KeyB',
  tie: 'KeyT',
  'both-good': 'KeyG',
  'both-bad': 'KeyX',
};

export class TextRaterHarness extends WidgetHarness<TagwerkTextRater> {
  /** The answers of the annotation, as the host reads them. */
  get answers(): Record<string, unknown> {
    return this.value?.result.answers ?? {};
  }

  /** A question's container. */
  question(id: string): HTMLElement {
    return this.query(`[data-question="${CSS.escape(id)}"]`);
  }

  /** The responses' ids in the order they are shown. */
  responsesShown(): string[] {
    return this.queryAll('article[data-response]').map((a) => a.dataset['response']!);
  }

  /** Puts the focus on a question's first control, as Tab would. */
  focusQuestion(id: string): void {
    const question = this.question(id);
    const control =
      question.querySelector<HTMLElement>('input:checked, textarea') ??
      question.querySelector<HTMLElement>('input, textarea, tagwerk-ranking-field, tagwerk-spans-field') ??
      question;
    control.focus();
  }

  /** A click on the record's plain text, as a worker reading it would (no control gets the focus). */
  async clickRecord(): Promise<void> {
    const record = this.query('[part="record"]');
    record.scrollIntoView({ block: 'start', inline: 'start' });
    const box = record.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + 8), Math.round(box.y + 4)] });
    await this.element.updateComplete;
  }

  /** Keys pressed where the focus is (a combination such as "Shift+ArrowRight", `times` times). */
  async press(combo: string, times = 1): Promise<void> {
    await press(combo, times);
    await this.element.updateComplete;
  }

  /**
   * Answers a question whatever its type: a rating (number), a choice (option id, ids, or `[]`
   * for "None of these"), a pairwise verdict (`Preference`, optionally `[verdict, strength]`), a
   * relevance grade per result (`{ resultId: grade }`) or a text.
   */
  async answer(questionId: string, value: unknown, by: By = 'keyboard'): Promise<void> {
    const question = this.taskQuestion(questionId);
    switch (question.type) {
      case 'rating':
        return this.rate(questionId, value as number, by);
      case 'choice':
        return this.choose(questionId, value as string | string[], by);
      case 'pairwise': {
        const [verdict, strength] = Array.isArray(value) ? (value as [Preference, number]) : [value as Preference];
        return this.prefer(questionId, verdict, strength, by);
      }
      case 'relevance':
        for (const [result, grade] of Object.entries(value as Record<string, number>))
          await this.grade(questionId, result, grade, by);
        return;
      case 'text':
        return this.typeAnswer(questionId, value as string);
      default:
        throw new Error(`answer(): use the ${question.type} question's own action`);
    }
  }

  /** Rates on a scale: its digit (in the question, or where the focus already is), or a click on the value. */
  async rate(questionId: string, value: number, by: By = 'keyboard', { focus = true } = {}): Promise<void> {
    if (by === 'keyboard') {
      if (focus && !this.question(questionId).contains(this.focused)) this.focusQuestion(questionId);
      await this.pressDigit(value);
    } else {
      await this.clickOption(this.scaleOption(this.question(questionId), value));
    }
  }

  /**
   * Picks options of a choice question (their digits, or clicks); for a multiple choice each id
   * toggles; `[]` picks "None of these".
   */
  async choose(questionId: string, ids: string | string[], by: By = 'keyboard', { focus = true } = {}): Promise<void> {
    const question = this.taskQuestion(questionId) as ChoiceQuestion;
    const list = typeof ids === 'string' ? [ids] : ids.length ? ids : [''];
    if (by === 'keyboard' && focus && !this.question(questionId).contains(this.focused)) this.focusQuestion(questionId);
    for (const id of list) {
      const index = id === '' ? -1 : question.options.findIndex((o) => o.id === id);
      if (id !== '' && index < 0) throw new Error(`no option ${id} in ${questionId}`);
      const label =
        index < 0
          ? this.question(questionId).querySelector<HTMLElement>('.choice.none')!
          : this.question(questionId).querySelectorAll<HTMLElement>('.choice:not(.none)')[index]!;
      if (by === 'keyboard') await this.press(keyOf(text(label.querySelector('kbd')!)));
      else await this.clickOption(label);
    }
  }

  /** A pairwise verdict (A/B follow the display order, T a tie) and, for A or B, a strength (1–3). */
  async prefer(questionId: string, verdict: Preference, strength?: number, by: By = 'keyboard'): Promise<void> {
    const question = this.question(questionId);
    if (by === 'keyboard') {
      if (!question.contains(this.focused)) this.focusQuestion(questionId);
      await this.press(PREFERENCE_KEYS[verdict]);
      if (strength !== undefined) await this.pressDigit(strength);
      return;
    }
    const index = (['first', 'second', 'tie', 'both-good', 'both-bad'] as const).indexOf(verdict);
    await this.clickOption(question.querySelectorAll<HTMLElement>('.pairwise label')[index]!);
    if (strength !== undefined)
      await this.clickOption(this.question(questionId).querySelectorAll<HTMLElement>('.strength label')[strength - 1]!);
  }

  /** The pairwise answer as recorded (what `prefer` produced), for convenience. */
  preference(questionId: string): PairwiseAnswer | undefined {
    return this.answers[questionId] as PairwiseAnswer | undefined;
  }

  /** The contract's choice (`a` is `pair[0]`, whatever the display) for the response shown first or second. */
  choiceShown(questionId: string, position: 'first' | 'second'): PairwiseChoice {
    const shown = this.responsesShown();
    const question = this.taskQuestion(questionId) as Extract<Question, { type: 'pairwise' }>;
    return shown[position === 'first' ? 0 : 1] === question.pair[0] ? 'a' : 'b';
  }

  /** Grades one search result: its digit with the focus in its row, or a click on the value. */
  async grade(questionId: string, resultId: string, value: number, by: By = 'keyboard'): Promise<void> {
    const row = this.question(questionId).querySelector<HTMLElement>(`[data-result="${CSS.escape(resultId)}"]`)!;
    if (by === 'keyboard') {
      if (!row.contains(this.focused)) row.querySelector('input')!.focus();
      await this.pressDigit(value);
    } else {
      await this.clickOption(this.scaleOption(row, value));
    }
  }

  /** Types an answer into a text question (a click into its field first). */
  async typeAnswer(questionId: string, value: string): Promise<void> {
    const field = this.question(questionId).querySelector('textarea, input')!;
    await this.click(field);
    await sendKeys({ type: value });
    await this.element.updateComplete;
  }

  /** The ranking field's items, as shown (their titles, best first; tied items joined by " = "). */
  rankingShown(questionId: string): string[] {
    return this.rankingRows(questionId).map((row) => text(row.querySelector('.title') ?? row));
  }

  /**
   * Moves the item at `from` (0-based, as shown) to `to`: by keyboard (Space grabs, arrows or
   * Home/End move, Space drops) or by a real mouse drag onto the row at `to`.
   */
  async rank(questionId: string, from: number, to: number, by: By = 'keyboard'): Promise<void> {
    if (by === 'keyboard') {
      await this.focusRankingRow(questionId, from);
      await this.press('Space');
      const last = this.rankingRows(questionId).length - 1;
      if (to === last) await this.press('End');
      else if (to === 0) await this.press('Home');
      else await this.press(to > from ? 'ArrowDown' : 'ArrowUp', Math.abs(to - from));
      await this.press('Space');
      return;
    }
    const rows = this.rankingRows(questionId).map((r) => r.getBoundingClientRect());
    const a = rows[from]!;
    const b = rows[to]!;
    const x = Math.round(a.x + 12);
    const y0 = a.y + a.height / 2;
    // Past the row's middle (downwards: near its bottom edge) so the drop lands after it, not in a tie.
    const y1 = to > from ? b.bottom - 2 : b.top + 2;
    await sendMouse({ type: 'move', position: [x, Math.round(y0)] });
    await sendMouse({ type: 'down' });
    for (let step = 1; step <= 6; step++)
      await sendMouse({ type: 'move', position: [x, Math.round(y0 + ((y1 - y0) * step) / 6)] });
    await sendMouse({ type: 'up' });
    await this.element.updateComplete;
  }

  /** Ties the item at `index` (as shown) with the one above it (T on its row). */
  async tieWithPrevious(questionId: string, index: number): Promise<void> {
    await this.focusRankingRow(questionId, index);
    await this.press('KeyT');
  }

  /**
   * Marks a span with the keyboard: from the text's start, skips `skip` tokens, selects `tokens`
   * tokens (Shift+→) and picks the label by its key (as the palette shows it), or by a click on
   * its palette button (`by: 'mouse'`).
   */
  async selectSpan(
    questionId: string,
    { skip = 0, tokens = 1, label }: { skip?: number; tokens?: number; label: string },
    by: By = 'keyboard',
  ): Promise<void> {
    const field = this.question(questionId).querySelector<HTMLElement>('tagwerk-spans-field')!;
    field.focus();
    await this.press('Home');
    await this.press('ArrowRight', skip);
    await this.press('Shift+ArrowRight', tokens);
    const button = [...field.shadowRoot!.querySelectorAll<HTMLElement>('.palette .label-button')].find(
      (b) => text(b.querySelector('span:not(.swatch)') ?? b) === label,
    );
    if (!button) throw new Error(`no label ${label}`);
    if (by === 'keyboard') await this.press(keyOf(text(button.querySelector('kbd')!)));
    else await this.click(button);
  }

  /** Clicks a response's "format" button (a long response is first shown as plain text). */
  async formatResponse(index = 0): Promise<void> {
    await this.click(this.queryAll('article[data-response] button.link')[index]!);
  }

  // ---- internals of the harness -------------------------------------------------------------

  private taskQuestion(id: string): Question {
    const question = (this.element.task as TextTask).questions.find((q) => q.id === id);
    if (!question) throw new Error(`no question ${id}`);
    return question;
  }

  private scaleOption(container: Element, value: number): HTMLElement {
    const option = [...container.querySelectorAll<HTMLElement>('.scale-option')].find(
      (o) => o.querySelector('input')?.value === String(value),
    );
    if (!option) throw new Error(`no scale value ${value}`);
    return option;
  }

  private async clickOption(option: Element): Promise<void> {
    await this.click(option);
  }

  private async pressDigit(value: number): Promise<void> {
    if (!Number.isInteger(value) || value < 0 || value > 9) throw new Error(`no digit for ${value}`);
    await this.press(`Digit${value}`);
  }

  private rankingRows(questionId: string): HTMLElement[] {
    const field = this.question(questionId).querySelector('tagwerk-ranking-field')!;
    return [...field.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  private async focusRankingRow(questionId: string, index: number): Promise<void> {
    const field = this.question(questionId).querySelector<HTMLElement>('tagwerk-ranking-field')!;
    field.focus(); // the first row
    await this.press('Home');
    await this.press('ArrowDown', index);
  }
}

/** The key a hint shows ("4", "A", "P", "Shift+P") as a combination for `press`. */
function keyOf(hint: string): string {
  return hint
    .split('+')
    .map((part) => (/^[A-Z]$/i.test(part) ? `Key${part.toUpperCase()}` : /^\d$/.test(part) ? `Digit${part}` : part))
    .join('+');
}
