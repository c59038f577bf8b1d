/**
 * Registers the question fields every widget renders. Nothing in `@tagwerk/ui` or a widget's
 * `./class` entry defines an element at import time, so a host may register a widget class under
 * a name of its own: the fields are defined by `renderQuestion` when a widget first shows a
 * question, and by each widget's main entry.
 */
import { TagwerkRankingField } from './fields/ranking-field.js';
import { TagwerkSpansField } from './fields/spans-field.js';

/**
 * Defines `name` unless it is taken (by an earlier call, or another copy of the library on the
 * page) or the class already has a name (a host registered it under its own). Never throws for
 * either. (The widgets' main entries inline the same guard: the manifest analyzer only sees a
 * literal `customElements.define`.)
 */
function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (customElements.get(name)) return;
  // Optional call: getName is Chrome 117, Firefox 116, Safari 17.
  if (customElements.getName?.(constructor)) return;
  customElements.define(name, constructor);
}

const FIELDS: ReadonlyArray<readonly [string, CustomElementConstructor]> = [
  ['tagwerk-ranking-field', TagwerkRankingField],
  ['tagwerk-spans-field', TagwerkSpansField],
];

let fieldsDefined = false;

/**
 * Defines the question fields (`<tagwerk-ranking-field>`, `<tagwerk-spans-field>`) as
 * `defineElement` does: when another copy of the library defined them first, its fields serve
 * both copies. Idempotent, and cheap enough to call on every render.
 */
export function defineFields(): void {
  // Once defined, a name stays defined (the registry cannot forget one).
  if (fieldsDefined) return;
  for (const [name, constructor] of FIELDS) defineElement(name, constructor);
  fieldsDefined = true;
}
