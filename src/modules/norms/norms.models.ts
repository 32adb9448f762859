/** A UN norm as its sources give it: the English of A/70/174 and, until the UN French is added, the G7's French wording. */
export interface ParsedNorm {
  /** `13a` … `13k`: the paragraph of A/70/174, lower-case, without brackets (a URL segment). */
  code: string;
  /** `13(a)`, as cited. */
  paragraph: string;
  /** 1 … 11, the order of the report (the G7 synthesis numbers them the same way). */
  position: number;
  /** Text per language. `fr` is the G7 synthesis's wording (see `frWording`), absent when no source gives one. */
  text: { en: string; fr?: string };
  /** Where each language's text comes from. */
  sources: { en: string; fr?: string };
  /** `g7`: the French is the G7's own reformulation, shown as such; `un`: the UN's French text. */
  frWording: 'g7' | 'un' | null;
}
